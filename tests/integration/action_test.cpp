// The GitHub Action (action.yml): every step run as a runner runs it, in a clone, with the
// runner's files (GITHUB_OUTPUT, GITHUB_PATH, GITHUB_STEP_SUMMARY) and its `uses:` steps
// stood in for (the cache, the comment through a stub of GitHub's API in node, the upload).
#include <doctest/doctest.h>

#include "ci_workflows.hpp"

namespace fs = std::filesystem;
using namespace plan::test;
using namespace plan::test::ci;

TEST_CASE("action.yml installs what building plan needs, every package one that setup.sh knows") {
  const std::string text = slurp(source("action.yml"));
  std::smatch m;
  REQUIRE(std::regex_search(text, m, std::regex(R"(packages=\(([^)]*)\))")));
  std::set<std::string> action_packages;
  std::istringstream words(m[1].str());
  for (std::string w; words >> w;) action_packages.insert(w);
  std::set<std::string> listed;
  std::istringstream lines(slurp(source("scripts/debian-packages.txt")));
  for (std::string line; std::getline(lines, line);)
    if (!line.empty() && line[0] != '#') listed.insert(line);
  for (const std::string& p : action_packages) {
    CAPTURE(p);
    CHECK(listed.count(p) == 1);  // a name Debian 12 has (setup.sh installs it here)
  }
  // A build dependency added to scripts/debian-packages.txt must be added to the action too
  // (or named here as the tests' own).
  for (const std::string& p : listed) {
    CAPTURE(p);
    CHECK((action_packages.count(p) == 1 ||
           std::find(std::begin(known_test_packages), std::end(known_test_packages), p) !=
               std::end(known_test_packages)));
  }
}

TEST_CASE("action.yml splices no expression into a script, so no input can inject code") {
  const plan::YamlNode action = parse_file(source("action.yml"));
  const plan::YamlNode* runs = get(action, "runs");
  REQUIRE(runs);
  const plan::YamlNode* steps = get(*runs, "steps");
  REQUIRE(steps);
  std::size_t scripts = 0;
  for (const plan::YamlNode& step : steps->children) {
    CAPTURE(text_of(step, "name"));
    std::string script = text_of(step, "run");
    if (const plan::YamlNode* w = get(step, "with")) script += text_of(*w, "script");
    scripts += !script.empty();
    CHECK(script.find("${{") == std::string::npos);  // values come in through env:
  }
  CHECK(scripts >= 7);
}

TEST_CASE("action.yml on a push: installs plan, checks the plan, writes the job summary") {
  const fs::path clone = temp_dir("plan-action");
  REQUIRE(run("git clone -q " + source("") + " " + (clone / "repo").string() + " 2>&1").status ==
          0);
  ActionRun a;
  a.workspace = clone / "repo";
  a.go();
  CAPTURE(a.failed);
  const std::string logs = a.logs();
  CAPTURE(logs);
  CHECK(a.failed.empty());
  CHECK(a.outputs["check"]["status"] == "0");
  CHECK(a.log["Check the plan"].find("::error") == std::string::npos);
  // No pull request: no diff, no comment; sarif is off by default.
  CHECK(std::find(a.ran.begin(), a.ran.end(), "Diff") == a.ran.end());
  CHECK(a.api_calls.empty());
  CHECK(a.uploaded_sarif.empty());
  // The plan installed is on the PATH of the steps after the install.
  CHECK(a.log["Install plan"].find("plan ") != std::string::npos);
  // The job summary is the Markdown summary as of the commit's date: run it ourselves.
  const std::string epoch = git(a.workspace, "log -1 --format=%ct");
  const Run md =
      run("cd " + a.workspace.string() + " && " + plan_as_of(epoch, "render --format md"));
  REQUIRE(md.status == 0);
  CHECK(!md.out.empty());
  CHECK(a.summary == md.out);
  // The cache key names the system and the source's content; a hit is not saved again.
  CHECK(a.cache_key.rfind("plan-", 0) == 0);
  CHECK(std::find(a.ran.begin(), a.ran.end(), "Save plan") == a.ran.end());
  CHECK(!a.saved);
  fs::remove_all(clone);
}

TEST_CASE("action.yml on a pull request: annotations, one diff comment kept up to date, failure") {
  const fs::path dir = temp_dir("plan-action-pr");
  const fs::path origin = dir / "origin", ws = dir / "ws";
  REQUIRE(run("git clone -q " + source("") + " " + origin.string() + " 2>&1").status == 0);
  git(origin, "config user.email ci@example.org");
  git(origin, "config user.name CI");
  const std::string base = git(origin, "rev-parse HEAD");
  // The pull request: an activity in progress, and a link to a target that does not exist.
  const Run report = run("cd " + origin.string() + " && " + plan_cmd("status --json"));
  const std::string first = nlohmann::json::parse(report.out)["activities"][0]["id"];
  REQUIRE(run("cd " + origin.string() + " && " + plan_cmd("set " + first + " status=in-progress"))
              .status == 0);
  spill(origin / "plan" / "zz-broken.yaml",
        "sections:\n  - id: broken\n    title: broken\n    activities:\n"
        "      - id: broken.1\n        title: a link to nothing\n        targets: "
        "[no-such-target]\n");
  git(origin, "add -A");
  git(origin, "commit -q -m 'the pull request'");
  // actions/checkout's default: one commit, without the base.
  REQUIRE(run("git clone -q --depth 1 file://" + origin.string() + " " + ws.string() + " 2>&1")
              .status == 0);

  ActionRun a;
  a.workspace = ws;
  a.event = "pull_request";
  a.base = base;
  a.with["sarif"] = "true";
  a.go();
  const std::string logs = a.logs();
  CAPTURE(logs);
  // The errors fail the job in the last step, after the summary and the comment.
  CHECK(a.failed == "Fail when the plan has errors");
  CHECK(a.outputs["check"]["status"] == "1");
  CHECK(a.log["Check the plan"].find("::error file=plan/zz-broken.yaml,line=7") !=
        std::string::npos);
  // The job summary: the check's list of problems, then the Markdown summary (which lists
  // them too: exit 1).
  const Run md = run("cd " + ws.string() + " && " +
                     plan_as_of(git(ws, "log -1 --format=%ct"), "render --format md"));
  CHECK(md.status == 1);
  REQUIRE(!md.out.empty());
  REQUIRE(a.summary.size() > md.out.size());
  CHECK(a.summary.substr(a.summary.size() - md.out.size()) == md.out);
  CHECK(a.summary.find("no-such-target") < a.summary.size() - md.out.size());
  // The diff, fetched base and all, is what plan diff says; it is commented once.
  const std::string diff = slurp(a.outputs["diff"]["file"]);
  const Run expected =
      run("cd " + origin.string() + " && " +
          plan_as_of(git(origin, "log -1 --format=%ct"), "diff " + base + " HEAD --format md"));
  CHECK(diff == expected.out);
  CHECK(diff.find(first) != std::string::npos);
  REQUIRE(a.api_calls.size() == 2);
  CHECK(a.api_calls[0]["call"] == "list");
  CHECK(a.api_calls[1]["call"] == "create");
  CHECK(a.api_calls[1]["issue_number"] == 17);
  const std::string body = a.api_calls[1]["body"];
  CHECK(body == "<!-- plan diff -->\n" + diff);

  // SARIF for code scanning, the file the upload step is given.
  REQUIRE(!a.uploaded_sarif.empty());
  CHECK(a.uploaded_sarif == a.outputs["sarif"]["file"]);
  const nlohmann::json sarif = nlohmann::json::parse(slurp(a.uploaded_sarif));
  CHECK(sarif["version"] == "2.1.0");
  bool located = false;
  for (const auto& result : sarif["runs"][0]["results"])
    if (result["ruleId"] == "unknown-target") {
      const auto& where = result["locations"][0]["physicalLocation"];
      located = where["artifactLocation"]["uri"] == "plan/zz-broken.yaml" &&
                where["region"]["startLine"] == 7;
    }
  CHECK(located);

  // The next push edits that comment instead of adding one.
  ActionRun again;
  again.workspace = ws;
  again.event = "pull_request";
  again.base = base;
  again.with["summary"] = "false";
  again.existing_comments =
      R"([{"id": 5, "user": {"type": "User"}, "body": "<!-- plan diff -->\nquoted by a person"},
          {"id": 9, "user": {"type": "Bot"}, "body": )" +
      nlohmann::json(body).dump() + "}]";
  again.go();
  CHECK(again.summary + md.out == a.summary);  // the check's list only, no Markdown summary
  REQUIRE(again.api_calls.size() == 2);
  CHECK(again.api_calls[1]["call"] == "update");
  CHECK(again.api_calls[1]["comment_id"] == 9);
  CHECK(again.api_calls[1]["body"] == body);

  // comment: false leaves the pull request alone.
  ActionRun quiet;
  quiet.workspace = ws;
  quiet.event = "pull_request";
  quiet.base = base;
  quiet.with["comment"] = "false";
  quiet.go();
  CHECK(quiet.api_calls.empty());
  CHECK(quiet.failed == "Fail when the plan has errors");
  fs::remove_all(dir);
}

TEST_CASE("action.yml with a plan folder of another name, and without the input that names it") {
  const fs::path dir = temp_dir("plan-action-dir");
  const fs::path ws = dir / "ws";
  REQUIRE(run("git clone -q " + source("") + " " + ws.string() + " 2>&1").status == 0);
  fs::create_directories(ws / "work");
  fs::rename(ws / "plan", ws / "work" / "plan-2009");

  ActionRun named;
  named.workspace = ws;
  named.with["plan"] = "work/plan-2009";
  named.go();
  const std::string logs = named.logs();
  CAPTURE(logs);
  CHECK(named.failed.empty());
  CHECK(named.outputs["check"]["status"] == "0");
  const Run md =
      run("cd " + ws.string() + " && " +
          plan_as_of(git(ws, "log -1 --format=%ct"), "--plan work/plan-2009 render --format md"));
  REQUIRE(md.status == 0);
  CHECK(named.summary == md.out);

  // Not found: exit 2, which fails the job in the last step.
  ActionRun unnamed;
  unnamed.workspace = ws;
  unnamed.go();
  CHECK(unnamed.outputs["check"]["status"] == "2");
  CHECK(unnamed.log["Check the plan"].find("no plan/ folder") != std::string::npos);
  CHECK(unnamed.failed == "Fail when the plan has errors");
  CHECK(unnamed.log["Fail when the plan has errors"].find("::error title=plan::") !=
        std::string::npos);
  CHECK(unnamed.summary.empty());  // nothing to sum up
  fs::remove_all(dir);
}

TEST_CASE("action.yml with version builds that revision, under a cache key of its own") {
  const fs::path dir = temp_dir("plan-action-version");
  const fs::path tool = dir / "tool", ws = dir / "ws";
  REQUIRE(run("git clone -q " + source("") + " " + tool.string() + " 2>&1").status == 0);
  REQUIRE(run("git clone -q " + source("") + " " + ws.string() + " 2>&1").status == 0);
  git(tool, "config user.email ci@example.org");
  git(tool, "config user.name CI");
  // A release whose source differs from the action's own checkout.
  spill(tool / "src" / "main.cpp", slurp(tool / "src" / "main.cpp") + "// a later release\n");
  git(tool, "commit -q -a -m 'a later release'");
  git(tool, "tag v-test");

  ActionRun own;
  own.workspace = ws;
  own.go();
  ActionRun pinned;
  pinned.workspace = ws;
  pinned.with["version"] = "v-test";
  pinned.with["repository"] = tool.string();
  pinned.go();
  const std::string logs = pinned.logs();
  CAPTURE(logs);
  CHECK(pinned.failed.empty());
  const fs::path fetched = pinned.outputs["setup"]["source"];
  CHECK(fetched == pinned.temp / "plan-source");
  CHECK(git(fetched, "rev-parse HEAD") == git(tool, "rev-parse v-test"));
  CHECK(own.outputs["setup"]["source"] == source(""));
  CHECK(!own.cache_key.empty());
  CHECK(pinned.cache_key != own.cache_key);
  fs::remove_all(dir);
}
