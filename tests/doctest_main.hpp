// The main() of both doctest binaries. It fails a run in which no test case ran: CTest runs
// each case by name (doctest_discover_tests), and a name that matches nothing, such as one
// that CTest split at a ';', would otherwise pass without testing anything.
#pragma once

#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdio>

namespace plan::test {

// Counts the test cases that started; knows whether a run (not a listing) happened.
struct RunCounter : doctest::IReporter {
  static inline unsigned started = 0;
  static inline bool run_ended = false;

  explicit RunCounter(const doctest::ContextOptions&) {}
  void report_query(const doctest::QueryData&) override {}
  void test_run_start() override {}
  void test_run_end(const doctest::TestRunStats&) override { run_ended = true; }
  void test_case_start(const doctest::TestCaseData&) override { ++started; }
  void test_case_reenter(const doctest::TestCaseData&) override {}
  void test_case_end(const doctest::CurrentTestCaseStats&) override {}
  void test_case_exception(const doctest::TestCaseException&) override {}
  void subcase_start(const doctest::SubcaseSignature&) override {}
  void subcase_end() override {}
  void log_assert(const doctest::AssertData&) override {}
  void log_message(const doctest::MessageData&) override {}
  void test_case_skipped(const doctest::TestCaseData&) override {}
};

}  // namespace plan::test

REGISTER_LISTENER("run-counter", 1, plan::test::RunCounter);

int main(int argc, char** argv) {
  doctest::Context context(argc, argv);
  const int result = context.run();
  if (context.shouldExit()) return result;  // --help, --version, --list-test-cases, …
  if (plan::test::RunCounter::run_ended && plan::test::RunCounter::started == 0) {
    std::fputs("error: no test case matches the filters, so nothing was tested\n", stderr);
    return 1;
  }
  return result;
}
