# scripts/check-includes.sh must fail, naming the file:line and the rule, on a copy of this
# tree with one include that breaks ARCHITECTURE.md's folder table or its library table;
# and refuse a table that cannot be read as a rule. (The real tree passing is the test scripts.include-rules.)
#   cmake -DSOURCE=path/to/repo -DWORK=scratch/folder -P include_rules_fail.cmake
cmake_minimum_required(VERSION 3.18)

set(script ${SOURCE}/scripts/check-includes.sh)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
file(COPY ${SOURCE}/src DESTINATION ${WORK})
file(COPY ${SOURCE}/ARCHITECTURE.md DESTINATION ${WORK})

function(expect code pattern what)
  execute_process(COMMAND bash ${script} ${WORK}
    OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE got)
  if(NOT got EQUAL ${code})
    message(FATAL_ERROR "${what}: exit ${got}, expected ${code}:\n${out}${err}")
  endif()
  if(NOT "${out}${err}" MATCHES "${pattern}")
    message(FATAL_ERROR "${what}: the output does not match '${pattern}':\n${out}${err}")
  endif()
endfunction()

expect(0 "follow ARCHITECTURE.md" "the unchanged copy")

# render/ reaching into load/: the third line of a file that render/ owns.
file(READ ${WORK}/src/render/escape.cpp text)
string(REGEX REPLACE "^([^\n]*\n[^\n]*\n)" "\\1#include \"load/loader.hpp\"\n" text "${text}")
file(WRITE ${WORK}/src/render/escape.cpp "${text}")
expect(1 "src/render/escape.cpp:3: includes \"load/loader.hpp\" \\(load\\), but ARCHITECTURE.md lets render include only model, message, diagnostic"
  "a render file including load")
file(COPY ${SOURCE}/src/render/escape.cpp DESTINATION ${WORK}/src/render)

# A library's header outside the one place the library table gives it.
file(APPEND ${WORK}/src/load/build.cpp "#include <yaml-cpp/yaml.h>\n")
expect(1 "src/load/build.cpp:[0-9]+: includes <yaml-cpp/yaml.h> \\(yaml-cpp\\), which ARCHITECTURE.md keeps to src/edit/yaml_scalar.cpp"
  "yaml-cpp in the loader")
file(COPY ${SOURCE}/src/load/build.cpp DESTINATION ${WORK}/src/load)

# A file of a folder the table does not know.
file(WRITE ${WORK}/src/extra/new.cpp "int x;\n")
expect(1 "src/extra/new.cpp: no row of the table" "a folder with no row")
file(REMOVE_RECURSE ${WORK}/src/extra)

# A table that names a part that does not exist, or allows and forbids the same part.
file(READ ${WORK}/ARCHITECTURE.md table)
string(REPLACE "| `model`, `util` | `diagnostic`, `load`" "| `model`, `utils` | `diagnostic`, `load`"
  broken "${table}")
if(broken STREQUAL table)
  message(FATAL_ERROR "the plan_index row was not found in ARCHITECTURE.md")
endif()
file(WRITE ${WORK}/ARCHITECTURE.md "${broken}")
expect(2 "may include `utils`, which is neither a part nor a file of one" "an unknown part")
string(REPLACE "| `model`, `util` | `diagnostic`, `load`" "| `model`, `util` | `util`, `load`"
  broken "${table}")
file(WRITE ${WORK}/ARCHITECTURE.md "${broken}")
expect(2 "`util` is both allowed and not" "a contradiction")
file(WRITE ${WORK}/ARCHITECTURE.md "# Architecture\n\nNo table.\n")
expect(2 "no folder table" "no table")
