// The CI workflows under examples/ci/: valid YAML, and every `plan` command they run
// succeeds on the shipped plan, run here with the same arguments in a clone of this
// repository (diff and history need its git history); the workspace workflow's, in the
// example movement's repository (examples/federation/make-history.sh).
#include <doctest/doctest.h>

#include "ci_workflows.hpp"

namespace fs = std::filesystem;
using namespace plan::test;
using namespace plan::test::ci;

TEST_CASE("examples/ci: the workflows parse and the plan commands in them succeed") {
  const fs::path clone = temp_dir("plan-ci");
  REQUIRE(run("git clone -q " + source("") + " " + clone.string() + " 2>&1").status == 0);
  // github-actions.yml: the HTML summary after the action; gitlab-ci.yml: check, two
  // summaries and the diff.
  CHECK(run_workflow_commands("github-actions.yml", clone) >= 1);
  CHECK(run_workflow_commands("gitlab-ci.yml", clone) >= 4);
  fs::remove_all(clone);
}

TEST_CASE("examples/ci: the GitHub workflow uses the action with inputs it declares") {
  const plan::YamlNode workflow = parse_file(source("examples/ci/github-actions.yml"));
  const plan::YamlNode action = parse_file(source("action.yml"));
  const plan::YamlNode* inputs = get(action, "inputs");
  REQUIRE(inputs);
  const plan::YamlNode* jobs = get(workflow, "jobs");
  REQUIRE(jobs);
  std::size_t uses_action = 0;
  for (std::size_t j = 0; j < jobs->pair_count(); ++j)
    if (const plan::YamlNode* steps = get(jobs->value_at(j), "steps"))
      for (const plan::YamlNode& step : steps->children) {
        if (text_of(step, "uses") != "./") continue;  // this repository's action.yml
        ++uses_action;
        if (const plan::YamlNode* w = get(step, "with"))
          for (std::size_t i = 0; i < w->pair_count(); ++i) {
            CAPTURE(w->key(i).value);
            CHECK(get(*inputs, w->key(i).value));
          }
      }
  CHECK(uses_action == 1);
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

  // The action there, given the workspace: every unit checked, the roll-up in the summary.
  ActionRun a;
  a.workspace = repo;
  a.with["workspace"] = "plans.yaml";
  a.go();
  const std::string logs = a.logs();
  CAPTURE(logs);
  CHECK(a.failed.empty());
  CHECK(a.outputs["check"]["status"] == "0");
  const Run md = run(
      "cd " + repo.string() + " && " +
      plan_as_of(git(repo, "log -1 --format=%ct"), "--workspace plans.yaml render --format md"));
  REQUIRE(md.status == 0);
  CHECK(!md.out.empty());
  CHECK(a.summary == md.out);
  fs::remove_all(dir);
}
