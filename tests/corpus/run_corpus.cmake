# Runs one corpus case: the real `plan check` in the case's folder, its exit code and the
# first line it prints on stderr compared with the two lines of the case's `expected` file.
#   cmake -DPLAN=path/to/plan -DCASE=tests/corpus/NAME [-DUPDATE=1] -P run_corpus.cmake
# A case folder holds a plan/ folder (a broken plan) and `expected`: line 1 the exit code,
# line 2 the first stderr line. A case that runs longer than 10 seconds fails as a hang.
cmake_minimum_required(VERSION 3.18)

if(NOT PLAN OR NOT CASE)
  message(FATAL_ERROR "usage: cmake -DPLAN=path/to/plan -DCASE=tests/corpus/NAME [-DUPDATE=1] -P run_corpus.cmake")
endif()
if(NOT IS_DIRECTORY "${CASE}/plan")
  message(FATAL_ERROR "${CASE} has no plan/ folder; the binary would walk up to another plan")
endif()

# A fixed environment, so that output never depends on the machine running the test
# (the same as tests/golden/run_case.cmake).
set(env --unset=PLAN_DIR --unset=SOURCE_DATE_EPOCH --unset=CLICOLOR_FORCE
    NO_COLOR=1 COLUMNS=100 LC_ALL=C.UTF-8 TZ=UTC)

execute_process(
  COMMAND ${CMAKE_COMMAND} -E env ${env} ${PLAN} check
  WORKING_DIRECTORY "${CASE}"
  TIMEOUT 10
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)

get_filename_component(name "${CASE}" NAME)
if(NOT code MATCHES "^[0-9]+$")
  message(FATAL_ERROR "corpus case ${name}: plan check did not exit normally: ${code}")
endif()

# The first line of stderr, without its newline (empty when stderr is empty).
string(FIND "${err}" "\n" newline)
if(newline GREATER -1)
  string(SUBSTRING "${err}" 0 ${newline} first)
else()
  set(first "${err}")
endif()

if(UPDATE)
  file(WRITE "${CASE}/expected" "${code}\n${first}\n")
  return()
endif()

if(NOT EXISTS "${CASE}/expected")
  message(FATAL_ERROR "corpus case ${name} has no expected file (tests/corpus/update.sh ${name} writes it)")
endif()
file(READ "${CASE}/expected" expected)
string(FIND "${expected}" "\n" newline)
if(newline EQUAL -1)
  message(FATAL_ERROR "corpus case ${name}: expected must hold two lines: the exit code, then the first stderr line")
endif()
string(SUBSTRING "${expected}" 0 ${newline} expected_code)
math(EXPR rest "${newline} + 1")
string(SUBSTRING "${expected}" ${rest} -1 expected_first)
string(FIND "${expected_first}" "\n" newline)
if(newline GREATER -1)
  string(SUBSTRING "${expected_first}" 0 ${newline} expected_first)
endif()

set(failed "")
if(NOT code STREQUAL expected_code)
  string(APPEND failed "\n  exit code:\n    expected: ${expected_code}\n    actual:   ${code}")
endif()
if(NOT first STREQUAL expected_first)
  string(APPEND failed "\n  first stderr line:\n    expected: ${expected_first}\n    actual:   ${first}")
endif()
if(failed)
  message(FATAL_ERROR "corpus case ${name} differs:${failed}\n(tests/corpus/update.sh ${name} rewrites it)")
endif()
