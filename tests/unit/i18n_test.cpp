// The choice of the messages' language (cli/i18n), in this process: the environment a
// user has, read as gettext reads it, with the catalog compiled into build/locale.
#include <doctest/doctest.h>

#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "cli/i18n.hpp"

namespace {

const char* const kVars[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "PLAN_LOCALEDIR"};

// Sets exactly `vars` (the others unset), runs init_messages with `args`, and puts the
// environment and the messages back as they were when it ends.
using Env = std::map<std::string, std::string>;

struct Language {
  std::map<std::string, std::string> saved;
  Language(const Env& vars, std::vector<std::string> args = {}) {
    for (const char* v : kVars)
      if (const char* now = std::getenv(v)) saved[v] = now;
    for (const char* v : kVars) unsetenv(v);
    // build/tests/unit_tests: the catalog is in build/locale.
    const auto exe = std::filesystem::read_symlink("/proc/self/exe");
    setenv("PLAN_LOCALEDIR", (exe.parent_path().parent_path() / "locale").c_str(), 1);
    for (const auto& [k, v] : vars) setenv(k.c_str(), v.c_str(), 1);
    args.insert(args.begin(), "plan");
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    plan::cli::init_messages(static_cast<int>(args.size()), argv.data());
  }
  ~Language() {
    for (const char* v : kVars) unsetenv(v);
    for (const auto& [k, v] : saved) setenv(k.c_str(), v.c_str(), 1);
    plan::cli::set_messages_language("C");
    std::setlocale(LC_MESSAGES, "C");
  }
};

const char* const kId = N_("plan: internal error: {what}");

bool hebrew() {
  return std::string(plan::cli::tr(kId)) != kId && plan::cli::messages_rtl();
}

}  // namespace

TEST_CASE("i18n: LANG=he_IL.UTF-8 gives Hebrew though the he_IL locale is not installed") {
  Language l(Env{{"LANG", "he_IL.UTF-8"}});
  CHECK(hebrew());
  CHECK(plan::cli::text_of(plan::message(kId, {plan::arg("what", "x")})) ==
        "plan: שגיאה פנימית: x");
}

TEST_CASE("i18n: LC_MESSAGES alone, and LANGUAGE under a non-C locale, choose Hebrew") {
  {
    Language l(Env{{"LC_MESSAGES", "he_IL.UTF-8"}});
    CHECK(hebrew());
  }
  {
    Language l(Env{{"LANG", "C.UTF-8"}, {"LANGUAGE", "fr:he"}});
    CHECK(hebrew());
  }
}

TEST_CASE("i18n: LANG=C, LC_ALL=C.UTF-8 and a language without a catalog give English") {
  for (const auto& vars :
       std::vector<Env>{{{"LANG", "C"}},
                        {{"LANG", "C"}, {"LANGUAGE", "he"}},  // glibc ignores LANGUAGE under C
                        {{"LC_ALL", "C.UTF-8"}},
                        {{"LC_ALL", "C"}, {"LANG", "he_IL.UTF-8"}},  // LC_ALL first
                        {{"LANG", "fr_FR.UTF-8"}, {"LANGUAGE", "fr"}},
                        {}}) {
    Language l(vars);
    CHECK(std::string(plan::cli::tr(kId)) == kId);
    CHECK_FALSE(plan::cli::messages_rtl());
  }
}

TEST_CASE("i18n: --lang wins over the environment") {
  {
    Language l(Env{{"LANG", "C"}}, {"--lang", "he", "check"});
    CHECK(hebrew());
  }
  {
    Language l(Env{{"LC_ALL", "C.UTF-8"}}, {"check", "--lang=he"});
    CHECK(hebrew());
  }
  {
    Language l(Env{{"LANG", "he_IL.UTF-8"}}, {"--lang", "en", "status"});
    CHECK_FALSE(hebrew());
  }
}
