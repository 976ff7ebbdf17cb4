// The CI workflows under examples/ci/: valid YAML, and every `plan` command they run
// succeeds on the shipped plan, run here with the same arguments in a clone of this
// repository (diff and history need its git history); the workspace workflow's, in the
// example movement's repository (examples/federation/make-history.sh).
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

namespace {

// Runs every `plan …` command line of the workflow `name` in `repo`, with the CI's variables
// given local values; each must succeed. Returns how many there were.
std::size_t run_workflow_commands(const std::string& name, const fs::path& repo) {
  CAPTURE(name);
  std::stringstream text;
  text << std::ifstream(source("examples/ci/" + name)).rdbuf();
  plan::Diagnostics diags;
  auto root = plan::parse_yaml(text.str(), 1, diags);
  CHECK(diags.empty());
  REQUIRE(root);
  CHECK(root->is_mapping());
  std::size_t commands = 0;
  std::regex command(
      R"((?:^|[\s;&|(])(plan (?:check|status|render|diff|history|list|show|trace)[^\n|>;)]*))");
  const std::string s = text.str();
  for (std::sregex_iterator it(s.begin(), s.end(), command), end; it != end; ++it) {
    std::string cmd = (*it)[1];
    cmd = std::regex_replace(cmd, std::regex(R"("\$BASE")"), "HEAD~1");
    cmd = std::regex_replace(cmd, std::regex(R"(\s+$)"), "");
    cmd = std::regex_replace(cmd, std::regex(R"(\|\|.*)"), "");
    CAPTURE(cmd);
    fs::create_directories(repo / "site");
    fs::create_directories(repo / "public");
    Run r = run("cd " + repo.string() + " && " + plan_cmd(cmd.substr(5) + " > /dev/null 2>&1"));
    CHECK(r.status == 0);
    ++commands;
  }
  return commands;
}

fs::path temp_dir(const char* stem) {
  std::string t = (fs::temp_directory_path() / (std::string(stem) + "-XXXXXX")).string();
  return ::mkdtemp(t.data());
}

}  // namespace

TEST_CASE("examples/ci: the workflows parse and the plan commands in them succeed") {
  const fs::path clone = temp_dir("plan-ci");
  REQUIRE(run("git clone -q " + source("") + " " + clone.string() + " 2>&1").status == 0);
  std::size_t commands = 0;
  for (const char* name : {"github-actions.yml", "gitlab-ci.yml"})
    commands += run_workflow_commands(name, clone);
  CHECK(commands >= 8);
  fs::remove_all(clone);
}

TEST_CASE("examples/ci: the workspace workflow's plan commands succeed on the example movement") {
  const fs::path dir = temp_dir("plan-ci-ws");
  const fs::path repo = dir / "movement";
  const Run made =
      run(std::string("PLAN=") + PLAN_BINARY + " " + source("examples/federation/make-history.sh") +
          " " + repo.string() + " 2>&1");
  CAPTURE(made.out);
  REQUIRE(made.status == 0);
  // check, the Markdown roll-up and the pages.
  CHECK(run_workflow_commands("workspace-github-actions.yml", repo) == 3);
  // The pages: the roll-up and a summary per unit beside it.
  CHECK(fs::is_regular_file(repo / "site" / "index.html"));
  std::size_t pages = 0;
  for (const auto& e : fs::directory_iterator(repo / "site"))
    pages += e.path().extension() == ".html";
  CHECK(pages >= 8);  // index.html and the seven units'
  fs::remove_all(dir);
}
