# A doctest binary run with a filter that matches no test case must fail, and one whose
# filter matches a case must pass: the proof that no CTest entry can pass untested.
#   cmake -DTESTS=path/to/unit_tests -P unmatched_filter_fails.cmake
cmake_minimum_required(VERSION 3.18)

# What `doctest_discover_tests` made of a name with a ';' in it: half a name.
execute_process(COMMAND ${TESTS} "-tc=empty files are warnings"
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
if(code EQUAL 0)
  message(FATAL_ERROR "a filter that matches no test case passed:\n${out}${err}")
endif()
if(NOT err MATCHES "no test case matches")
  message(FATAL_ERROR "the failure does not say why:\n${out}${err}")
endif()

execute_process(COMMAND ${TESTS} "-tc=a small complete plan is clean"
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "a filter that matches one test case failed:\n${out}${err}")
endif()
