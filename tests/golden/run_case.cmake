# Runs one golden case: the real `plan` binary in the case's folder, its stdout, stderr and
# exit code compared byte for byte with the expected files beside it.
#   cmake -DPLAN=path/to/plan -DCASE=tests/golden/NAME [-DUPDATE=1] -P run_case.cmake
# A case folder holds: `args` (the command line after `plan`, one line), optionally `env`
# (KEY=VALUE lines), a plan/ folder, and expected.stdout, expected.stderr, expected.exit.
cmake_minimum_required(VERSION 3.18)

file(READ "${CASE}/args" args_line)
string(STRIP "${args_line}" args_line)
separate_arguments(args UNIX_COMMAND "${args_line}")

# A fixed environment, so that output never depends on the machine running the test.
set(env --unset=PLAN_DIR --unset=LANGUAGE --unset=SOURCE_DATE_EPOCH --unset=CLICOLOR_FORCE
    NO_COLOR=1 COLUMNS=100 LC_ALL=C.UTF-8 TZ=UTC)
list(APPEND env --unset=PLAN_WORKSPACE)
if(EXISTS "${CASE}/env")
  file(STRINGS "${CASE}/env" extra)
  list(APPEND env ${extra})
endif()

execute_process(
  COMMAND ${CMAKE_COMMAND} -E env ${env} ${PLAN} ${args}
  WORKING_DIRECTORY "${CASE}"
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)

if(UPDATE)
  file(WRITE "${CASE}/expected.stdout" "${out}")
  file(WRITE "${CASE}/expected.stderr" "${err}")
  file(WRITE "${CASE}/expected.exit" "${code}\n")
  return()
endif()

set(failed "")
foreach(stream stdout stderr exit)
  if(stream STREQUAL "stdout")
    set(actual "${out}")
  elseif(stream STREQUAL "stderr")
    set(actual "${err}")
  else()
    set(actual "${code}\n")
  endif()
  file(READ "${CASE}/expected.${stream}" expected)
  if(NOT actual STREQUAL expected)
    get_filename_component(name "${CASE}" NAME)
    set(actual_file "${CMAKE_CURRENT_BINARY_DIR}/golden-actual/${name}.${stream}")
    file(WRITE "${actual_file}" "${actual}")
    execute_process(COMMAND diff -u "${CASE}/expected.${stream}" "${actual_file}")
    list(APPEND failed ${stream})
  endif()
endforeach()
if(failed)
  message(FATAL_ERROR "golden case differs in: ${failed} (tests/golden/update.sh NAME rewrites it)")
endif()
