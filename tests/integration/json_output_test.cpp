// Every `--json` output, for every broken plan of tests/corpus/ (and a plan whose weights
// overflow a sum), is JSON that a strict parser accepts: nlohmann::json::parse with no
// allowances rejects NaN, Infinity, comments and invalid UTF-8.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "run.hpp"

namespace fs = std::filesystem;
using namespace plan::test;

namespace {

// `plan ARGS` in `dir` (stdout only); the exit code does not matter here, the output does.
std::string plan_in(const fs::path& dir, const std::string& args) {
  return run("cd '" + dir.string() + "' && " + plan_cmd(args + " 2>/dev/null")).out;
}

// Empty when `text` is strict JSON, else why not.
std::string strict_json_error(const std::string& text) {
  try {
    const nlohmann::json parsed = nlohmann::json::parse(text);
    return parsed.is_discarded() ? "discarded" : "";
  } catch (const nlohmann::json::exception& e) {
    return e.what();
  }
}

std::vector<fs::path> corpus_cases() {
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator(source("tests/corpus")))
    if (fs::is_directory(e.path() / "plan")) cases.push_back(e.path());
  std::sort(cases.begin(), cases.end());
  return cases;
}

struct TempDir {
  fs::path path;
  TempDir() {
    std::string t = (fs::temp_directory_path() / "plan-json-XXXXXX").string();
    path = ::mkdtemp(t.data());
  }
  ~TempDir() { fs::remove_all(path); }
};

// Two activities of weight 1e308: a valid-looking plan whose weights once summed to
// infinity and printed "completion": -nan.
const char* kHugeWeights =
    "plan: {title: Huge, period: {start: 2009-01-01, end: 2009-12-31}}\n"
    "goals: [{id: G1, title: Goal}]\n"
    "targets: [{id: T1, title: Target, goals: [G1]}]\n"
    "sections:\n"
    "  - id: s\n    title: S\n    activities:\n"
    "      - {id: a, title: A, targets: [T1], weight: 1e308, percent: 100}\n"
    "      - {id: b, title: B, targets: [T1], weight: 1e308, percent: 100}\n";

}  // namespace

TEST_CASE("every --json output of every corpus plan is strict JSON") {
  TempDir extra;
  fs::create_directories(extra.path / "plan");
  std::ofstream(extra.path / "plan" / "plan.yaml") << kHugeWeights;
  std::vector<fs::path> cases = corpus_cases();
  REQUIRE(cases.size() >= 80);
  cases.push_back(extra.path);

  for (const fs::path& dir : cases) {
    CAPTURE(dir.string());
    std::vector<std::string> commands = {"status --json --as-of 2009-06-01",
                                         "list --json --as-of 2009-06-01", "check --format json"};
    // show --json for the first goal and the first activity the report names.
    const std::string status = plan_in(dir, commands[0]);
    if (strict_json_error(status).empty()) {
      const nlohmann::json report = nlohmann::json::parse(status);
      for (const char* list : {"goals", "activities"})
        if (report.contains(list) && !report[list].empty() && report[list][0]["id"].is_string())
          commands.push_back("show --json --as-of 2009-06-01 '" +
                             report[list][0]["id"].get<std::string>() + "'");
    }
    for (const std::string& c : commands) {
      CAPTURE(c);
      const std::string out = plan_in(dir, c);
      CHECK(!out.empty());
      CHECK(strict_json_error(out) == "");
    }
  }
}

TEST_CASE(
    "diff --json and history --json over every corpus plan, committed in turn, are strict JSON") {
  REQUIRE_MESSAGE(have("git"), "git is needed");
  TempDir repo;
  auto sh = [&](const std::string& cmd) {
    REQUIRE_MESSAGE(
        run("cd '" + repo.path.string() + "' && " + cmd + " >/dev/null 2>&1").status == 0, cmd);
  };
  sh("git init -q -b main . && git config user.name Tester && git config user.email t@example.org");
  std::vector<fs::path> cases = corpus_cases();
  TempDir extra;
  fs::create_directories(extra.path / "plan");
  std::ofstream(extra.path / "plan" / "plan.yaml") << kHugeWeights;
  cases.push_back(extra.path);
  for (const fs::path& c : cases) {
    fs::remove_all(repo.path / "plan");
    fs::copy(c / "plan", repo.path / "plan", fs::copy_options::recursive);
    sh("git add -A && git commit -q --allow-empty -m 'corpus " + c.filename().string() + "'");
  }

  const std::string history = plan_in(repo.path, "history --json");
  CHECK(strict_json_error(history) == "");
  CHECK(nlohmann::json::parse(history).size() >= 2);
  CHECK(strict_json_error(plan_in(repo.path, "history --json --all-parents")) == "");
  for (std::size_t back = 0; back + 1 < cases.size(); ++back) {
    const std::string args = "diff --json --as-of 2009-06-01 HEAD~" + std::to_string(back + 1) +
                             " HEAD~" + std::to_string(back);
    CAPTURE(args);
    CHECK(strict_json_error(plan_in(repo.path, args)) == "");
  }
  CHECK(strict_json_error(plan_in(repo.path, "diff --json --as-of 2009-06-01")) == "");
}
