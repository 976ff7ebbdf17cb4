// The CI workflows under examples/ci/: valid YAML, and every `plan` command they run
// succeeds on the shipped plan, run here with the same arguments in a clone of this
// repository (diff and history need its git history).
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "load/yaml_tree.hpp"
#include "run.hpp"

namespace fs = std::filesystem;
using namespace plan::test;

TEST_CASE("examples/ci: the workflows parse and the plan commands in them succeed") {
  std::string t = (fs::temp_directory_path() / "plan-ci-XXXXXX").string();
  const fs::path clone = ::mkdtemp(t.data());
  REQUIRE(run("git clone -q " + source("") + " " + clone.string() + " 2>&1").status == 0);
  std::size_t commands = 0;
  for (const char* name : {"github-actions.yml", "gitlab-ci.yml"}) {
    CAPTURE(name);
    std::stringstream text;
    text << std::ifstream(source(std::string("examples/ci/") + name)).rdbuf();
    plan::Diagnostics diags;
    auto root = plan::parse_yaml(text.str(), 1, diags);
    CHECK(diags.empty());
    REQUIRE(root);
    CHECK(root->is_mapping());
    // Every `plan …` command line, with the CI's variables given local values.
    std::regex command(R"((?:^|[\s;&|(])(plan (?:check|status|render|diff|history|list|show|trace)[^\n|>;)]*))");
    const std::string s = text.str();
    for (std::sregex_iterator it(s.begin(), s.end(), command), end; it != end; ++it) {
      std::string cmd = (*it)[1];
      cmd = std::regex_replace(cmd, std::regex(R"("\$BASE")"), "HEAD~1");
      cmd = std::regex_replace(cmd, std::regex(R"(\s+$)"), "");
      cmd = std::regex_replace(cmd, std::regex(R"(\|\|.*)"), "");
      CAPTURE(cmd);
      fs::create_directories(clone / "site");
      fs::create_directories(clone / "public");
      Run r = run("cd " + clone.string() + " && " + plan_cmd(cmd.substr(5) + " > /dev/null 2>&1"));
      CHECK(r.status == 0);
      ++commands;
    }
  }
  CHECK(commands >= 8);
  fs::remove_all(clone);
}
