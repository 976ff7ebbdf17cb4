// Commands that write files: `plan set` and `plan init`. Each test works on a copy in a
// temporary folder and compares bytes.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <map>
#include <fstream>
#include <sstream>

#include "run.hpp"

namespace fs = std::filesystem;
using namespace plan::test;

namespace {
struct Temp {
  fs::path path;
  Temp() {
    std::string t = (fs::temp_directory_path() / "plan-edit-XXXXXX").string();
    path = ::mkdtemp(t.data());
  }
  ~Temp() { fs::remove_all(path); }
};

std::string slurp(const fs::path& p) {
  std::stringstream s;
  s << std::ifstream(p, std::ios::binary).rdbuf();
  return s.str();
}

// Every file below a folder with its bytes, to show that nothing changed.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) files[e.path().string()] = slurp(e.path());
  return files;
}
}  // namespace

TEST_CASE("plan set writes exactly the intended change") {
  Temp t;
  fs::copy(source("tests/golden/plans/editable"), t.path / "plan");
  const std::string before = slurp(t.path / "plan/plan.yaml");
  Run r = run("cd " + t.path.string() + " && " + plan_cmd("set A1 status=in-progress +1 2>&1"));
  CHECK(r.status == 0);
  std::string expected = before;
  expected.replace(expected.find("status: planned"), 15, "status: in-progress");
  expected.replace(expected.find("actual: 2"), 9, "actual: 3");
  CHECK(slurp(t.path / "plan/plan.yaml") == expected);
  // And the plan is still clean.
  CHECK(run("cd " + t.path.string() + " && " + plan_cmd("check --strict 2>&1")).out == "");
}

TEST_CASE("plan set leaves the file byte-identical when the value or the plan is invalid") {
  Temp t;
  fs::copy(source("tests/golden/plans/editable"), t.path / "plan");
  const auto before = snapshot(t.path);
  for (const char* args : {"A1 percent=150", "A1 actual=-1", "A1 due=2009-02-30", "A1 status=finished"}) {
    CAPTURE(args);
    Run r = run("cd " + t.path.string() + " && " + plan_cmd(std::string("set ") + args + " 2>&1"));
    CHECK(r.status == 1);
    CHECK(r.out.find("nothing was changed") != std::string::npos);
    CHECK(snapshot(t.path) == before);
  }
  // A plan with an error elsewhere is not written to either: the edit is checked whole.
  std::ofstream(t.path / "plan/broken.yaml") << "goals:\n  - {id: G9, title: Broken, colour: red}\n";
  const auto with_error = snapshot(t.path);
  Run r = run("cd " + t.path.string() + " && " + plan_cmd("set A1 status=done 2>&1"));
  CHECK(r.status == 1);
  CHECK(r.out.find("was not changed") != std::string::npos);
  CHECK(snapshot(t.path) == with_error);
}

TEST_CASE("plan init into an empty folder checks clean, in English and in Hebrew") {
  for (const char* lang : {"en", "he"}) {
    Temp t;
    Run r = run(plan_cmd(std::string("init ") + t.path.string() + " --lang " + lang + " 2>&1"));
    CAPTURE(r.out);
    CHECK(r.status == 0);
    for (const char* f : {"plan/plan.yaml", "plan/goals.yaml", "plan/targets.yaml", "plan/activities/01-general.yaml",
                          "schema/plan.schema.json", ".gitignore", ".github/workflows/plan.yml"})
      CHECK(fs::is_regular_file(t.path / f));
    CHECK(slurp(t.path / "plan/plan.yaml").rfind("# yaml-language-server: $schema=../schema/plan.schema.json", 0) == 0);
    Run check = run(plan_cmd("--plan " + (t.path / "plan").string() + " check --strict 2>&1"));
    CHECK(check.status == 0);
    CHECK(check.out == "");
  }
}

TEST_CASE("plan init into a folder with any of its files refuses and touches nothing") {
  Temp t;
  fs::create_directories(t.path / "plan");
  std::ofstream(t.path / "plan/plan.yaml") << "# my own plan\n";
  std::ofstream(t.path / "notes.txt") << "unrelated\n";
  const auto before = snapshot(t.path);
  Run r = run(plan_cmd("init " + t.path.string() + " 2>&1"));
  CHECK(r.status == 2);
  CHECK(r.out.find("plan/plan.yaml") != std::string::npos);
  CHECK(r.out.find("nothing was written") != std::string::npos);
  CHECK(snapshot(t.path) == before);
}
