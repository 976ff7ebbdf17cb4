// The pre-commit hooks (.pre-commit-hooks.yaml): through the real framework, offline.
#include <doctest/doctest.h>

#include "ci_workflows.hpp"

namespace fs = std::filesystem;
using namespace plan::test;
using namespace plan::test::ci;

TEST_CASE("pre-commit: the hooks check the plan and keep the plan's schema fresh") {
  REQUIRE(have("pre-commit"));
  const fs::path dir = temp_dir("plan-pre-commit");
  const fs::path hooks = dir / "hooks", repo = dir / "repo", home = dir / "cache";
  // The hooks' repository: this tree's .pre-commit-hooks.yaml, committed (try-repo reads
  // a commit).
  fs::create_directories(hooks);
  fs::copy_file(source(".pre-commit-hooks.yaml"), hooks / ".pre-commit-hooks.yaml");
  const std::string id = " -c user.email=ci@example.org -c user.name=CI";
  REQUIRE(run("cd " + hooks.string() + " && git init -q && git add -A && git" + id +
              " commit -q -m hooks 2>&1")
              .status == 0);
  // A plan repository: the shipped plan and its schema folder.
  fs::create_directories(repo);
  fs::copy(source("plan"), repo / "plan", fs::copy_options::recursive);
  fs::copy(source("schema"), repo / "schema", fs::copy_options::recursive);
  REQUIRE(run("cd " + repo.string() + " && git init -q && git add -A && git" + id +
              " commit -q -m plan 2>&1")
              .status == 0);
  // `language: system`: the hooks run the `plan` on PATH, this build's. Offline: the
  // framework's cache is ours, and try-repo clones a local folder.
  const std::string env =
      "cd " + repo.string() +
      " && env -u PLAN_DIR -u PLAN_WORKSPACE PATH=" + fs::path(PLAN_BINARY).parent_path().string() +
      ":/usr/bin:/bin HOME=" + dir.string() + " PRE_COMMIT_HOME=" + home.string() +
      " LC_ALL=C.UTF-8 GIT_AUTHOR_NAME=CI GIT_COMMITTER_NAME=CI"
      " GIT_AUTHOR_EMAIL=ci@example.org GIT_COMMITTER_EMAIL=ci@example.org ";
  const auto hook = [&](const std::string& which) {
    return run(env + "pre-commit try-repo " + hooks.string() + " " + which +
               " --all-files --color never 2>&1");
  };

  Run r = hook("plan-check");
  CAPTURE(r.out);
  CHECK(r.status == 0);
  CHECK(r.out.find("plan check") != std::string::npos);
  CHECK(r.out.find("Passed") != std::string::npos);

  // The schema hook writes the plan's own schema; the first time, a new file.
  r = hook("plan-schema");
  CHECK(r.status == 0);
  const fs::path local = repo / "schema" / "plan.local.schema.json";
  REQUIRE(fs::is_regular_file(local));
  const Run direct = run("cd " + repo.string() + " && " + plan_cmd("schema --plan"));
  CHECK(slurp(local) == direct.out);
  REQUIRE(run("cd " + repo.string() + " && git add -A && git" + id + " commit -q -m schema 2>&1")
              .status == 0);
  // Unchanged plan, unchanged schema: the hook passes without touching it.
  r = hook("plan-schema");
  CHECK(r.status == 0);
  CHECK(run("cd " + repo.string() + " && git status --porcelain").out.empty());

  // A new goal: the schema is stale. The hook rewrites it and fails once, as formatters do,
  // so the commit waits for the new schema; then it passes.
  std::string goals = slurp(repo / "plan" / "goals.yaml");
  goals += "  - id: G99\n    title: a goal added in this commit\n";
  spill(repo / "plan" / "goals.yaml", goals);
  r = hook("plan-schema");
  CHECK(r.status != 0);
  CHECK(r.out.find("files were modified by this hook") != std::string::npos);
  CHECK(slurp(local).find("a goal added in this commit") != std::string::npos);
  r = hook("plan-schema");
  CHECK(r.status == 0);

  // A broken plan fails the check hook, with the diagnostic at its line.
  spill(repo / "plan" / "zz-broken.yaml",
        "sections:\n  - id: broken\n    title: broken\n    activities:\n"
        "      - id: broken.1\n        title: a link to nothing\n        targets: "
        "[no-such-target]\n");
  REQUIRE(run("cd " + repo.string() + " && git add -A").status == 0);
  r = hook("plan-check");
  CHECK(r.status != 0);
  CHECK(r.out.find("plan/zz-broken.yaml:7:") != std::string::npos);
  fs::remove_all(dir);
}
