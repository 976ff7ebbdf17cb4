# Writes a C++ source holding every file under SOURCE_DIR as bytes, so an installed `plan`
# carries its default templates and labels with it.
#   cmake -DSOURCE_DIR=templates -DOUTPUT=embedded_templates.cpp -DFUNCTION=embedded_files -P embed.cmake
file(GLOB_RECURSE files RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/*")
list(SORT files)
set(body "")
set(table "")
set(i 0)
foreach(rel ${files})
  file(READ "${SOURCE_DIR}/${rel}" hex HEX)
  string(LENGTH "${hex}" hex_len)
  math(EXPR size "${hex_len} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(APPEND body "static const unsigned char f${i}[] = {${bytes}0};\n")
  string(APPEND table "    {\"${rel}\", std::string_view(reinterpret_cast<const char*>(f${i}), ${size})},\n")
  math(EXPR i "${i} + 1")
endforeach()
file(WRITE "${OUTPUT}.new" "// Generated from ${SOURCE_DIR} by cmake/embed.cmake; do not edit.
#include \"render/embedded.hpp\"

namespace plan {
namespace {
${body}}  // namespace

const std::vector<EmbeddedFile>& ${FUNCTION}() {
  static const std::vector<EmbeddedFile> files{
${table}  };
  return files;
}

}  // namespace plan
")
# Only touch the output when it changed, so an unchanged template costs no rebuild.
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUTPUT}.new" "${OUTPUT}")
file(REMOVE "${OUTPUT}.new")
