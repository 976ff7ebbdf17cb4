// Commands that write files: `plan set` and `plan init`. Each test works on a copy in a
// temporary folder and compares bytes.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "load/yaml_tree.hpp"
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

TEST_CASE("plan set leaves the file byte-identical and exits 2 when it refuses a value or an id") {
  Temp t;
  fs::copy(source("tests/golden/plans/editable"), t.path / "plan");
  const auto before = snapshot(t.path);
  for (const char* args : {"A1 percent=150", "A1 actual=-1", "A1 due=2009-02-30",
                           "A1 status=finished", "NOSUCH status=done", "G1 status=done", "A2 +1",
                           "A1 owner=a --unset owner", "A1 targets-=T9", "plan status=done"}) {
    CAPTURE(args);
    Run r = run("cd " + t.path.string() + " && " + plan_cmd(std::string("set ") + args + " 2>&1"));
    CHECK(r.status == 2);
    CHECK(snapshot(t.path) == before);
  }
}

TEST_CASE(
    "plan set of a field a goal or a target does not have is a usage error, said in sentences") {
  Temp t;
  fs::copy(source("tests/golden/plans/editable"), t.path / "plan");
  const auto before = snapshot(t.path);
  for (const char* args : {"G1 status=done", "t1 due=2009-05-01"}) {
    CAPTURE(args);
    Run r = run("cd " + t.path.string() + " && " + plan_cmd(std::string("set ") + args + " 2>&1"));
    CHECK(r.status == 2);
    CHECK(std::regex_match(r.out, std::regex("plan: (goal 'G1'|target 'T1') has no field "
                                             "'(status|due)'; its fields are 'title'.*\\. "
                                             "Nothing was changed\\.\n")));
    CHECK(snapshot(t.path) == before);
  }
}

TEST_CASE(
    "plan set works beside a broken file, names the errors that were there, and refuses only new "
    "ones") {
  Temp t;
  fs::copy(source("tests/golden/plans/editable"), t.path / "plan");
  // An error in another file, and one in the edited file below the edit (whose line the
  // added line shifts).
  std::ofstream(t.path / "plan/broken.yaml")
      << "goals:\n  - {id: G9, title: Broken, colour: red}\n";
  std::ofstream(t.path / "plan/plan.yaml", std::ios::app)
      << "      - {id: A3, title: Third, colour: blue}\n";
  const std::string before = slurp(t.path / "plan/plan.yaml");
  Run r = run("cd " + t.path.string() + " && " + plan_cmd("set A1 due=2009-05-01 2>&1"));
  CAPTURE(r.out);
  CHECK(r.status == 0);
  CHECK(r.out.find("2 errors already in the plan, not caused by this change") != std::string::npos);
  CHECK(r.out.find("plan/broken.yaml:2") != std::string::npos);
  CHECK(r.out.find("unknown-key") != std::string::npos);
  std::string expected = before;
  expected.insert(expected.find("      # a flow-style activity"), "        due: 2009-05-01\n");
  CHECK(slurp(t.path / "plan/plan.yaml") == expected);
}

TEST_CASE(
    "plan set adds a field under the activity whose block scalar ends it, also in --dry-run") {
  Temp t;
  fs::create_directories(t.path / "plan");
  const std::string text =
      "plan: {title: P, period: {start: 2009-01-01, end: 2009-12-31}}\n"
      "goals: [{id: G1, title: G}]\ntargets: [{id: T1, title: T, goals: [G1]}]\n"
      "sections:\n  - id: S1\n    title: S\n    activities:\n"
      "      - id: A1\n        title: One\n        targets: [T1]\n        notes: |\n          a "
      "note\n"
      "      - id: A2\n        title: Two\n        targets: [T1]\n";
  std::ofstream(t.path / "plan/plan.yaml") << text;
  Run dry = run("cd " + t.path.string() + " && " + plan_cmd("set A1 owner=Dana --dry-run 2>&1"));
  CHECK(dry.status == 0);
  CHECK(dry.out.find("           a note\n+        owner: Dana\n       - id: A2") !=
        std::string::npos);
  Run r = run("cd " + t.path.string() + " && " + plan_cmd("set A1 weight=3 2>&1"));
  CHECK(r.status == 0);
  std::string expected = text;
  expected.insert(expected.find("      - id: A2"), "        weight: 3\n");
  CHECK(slurp(t.path / "plan/plan.yaml") == expected);
}

TEST_CASE("plan set keeps a byte-order mark and CRLF, and edits the right line") {
  Temp t;
  fs::create_directories(t.path / "plan");
  std::string text =
      "\xEF\xBB\xBFplan: {title: P, period: {start: 2009-01-01, end: 2009-12-31}}\r\n"
      "goals: [{id: G1, title: G}]\r\ntargets: [{id: T1, title: T, goals: [G1]}]\r\n"
      "sections:\r\n  - id: S1\r\n    title: S   # a comment\r\n    activities:\r\n"
      "      - id: A1\r\n        title: \"One\"\r\n        targets: [T1]\r\n        owner: x\r\n"
      "      - id: A2\r\n        title: Two\r\n        targets: [T1]\r\n        owner: y\r\n";
  std::ofstream(t.path / "plan/plan.yaml", std::ios::binary) << text;
  Run r = run("cd " + t.path.string() + " && " + plan_cmd("set A1 owner=Dana percent=10 2>&1"));
  CAPTURE(r.out);
  CHECK(r.status == 0);
  std::string expected = text;
  expected.replace(expected.find("owner: x"), 8, "owner: Dana");
  expected.insert(expected.find("      - id: A2"), "        percent: 10\r\n");
  CHECK(slurp(t.path / "plan/plan.yaml") == expected);
}

TEST_CASE("plan set refuses an edit through an alias, naming the anchor's place") {
  Temp t;
  fs::create_directories(t.path / "plan");
  std::ofstream(t.path / "plan/plan.yaml")
      << "plan: {title: P, period: {start: 2009-01-01, end: 2009-12-31}}\n"
         "goals: [{id: G1, title: G}]\ntargets: [{id: T1, title: T, goals: [G1]}]\n"
         "sections:\n  - id: S1\n    title: S\n    activities:\n"
         "      - id: A1\n        title: One\n        targets: [T1]\n        measure: &m {planned: "
         "5, actual: 1}\n"
         "      - id: A2\n        title: Two\n        targets: [T1]\n        measure: *m\n";
  const auto before = snapshot(t.path);
  Run r = run("cd " + t.path.string() + " && " + plan_cmd("set A2 +1 2>&1"));
  CHECK(r.status == 2);
  CHECK(r.out.find("alias of the anchor at plan/plan.yaml:11") != std::string::npos);
  r = run("cd " + t.path.string() + " && " + plan_cmd("set A1 +1 2>&1"));
  CHECK(r.status == 2);
  CHECK(r.out.find("&m at plan/plan.yaml:11") != std::string::npos);
  CHECK(snapshot(t.path) == before);
}

TEST_CASE("plan set refuses a value that came through a merge key, naming the anchor") {
  Temp t;
  fs::create_directories(t.path / "plan");
  const std::string text =
      "plan: {title: P, period: {start: 2009-01-01, end: 2009-12-31}}\n"
      "goals: [{id: G1, title: G}]\ntargets: [{id: T1, title: T, goals: [G1]}]\n"
      "sections:\n  - id: S1\n    title: S\n    activities:\n"
      "      - &base\n"  // line 8
      "        id: A1\n        title: One\n        targets: [T1]\n        owner: Dana\n"
      "        measure: {planned: 5, actual: 1}\n"
      "      - id: A2\n        title: Two\n        <<: *base\n"  // `<<` last
      "      - {<<: *base, id: A3, title: Three}\n";
  std::ofstream(t.path / "plan/plan.yaml") << text;
  const auto before = snapshot(t.path);
  for (const char* args : {"A2 owner=Noa", "A2 +1", "A3 owner=Noa", "A3 actual=4"}) {
    CAPTURE(args);
    Run r = run("cd " + t.path.string() + " && " + plan_cmd(std::string("set ") + args + " 2>&1"));
    CAPTURE(r.out);
    CHECK(r.status == 2);
    CHECK(r.out.find("merge key '<<' from the mapping &base at plan/plan.yaml:8") !=
          std::string::npos);
    CHECK(r.out.find("Nothing was changed.\n") != std::string::npos);
    CHECK(snapshot(t.path) == before);
  }
}

TEST_CASE("plan set adds a field to an activity that merges others, and changes only that one") {
  Temp t;
  fs::create_directories(t.path / "plan");
  // The merged mappings sit at other indents than the activities that merge them.
  const std::string text =
      "plan: {title: P, period: {start: 2009-01-01, end: 2009-12-31}}\n"
      "goals: [{id: G1, title: G}]\ntargets: [{id: T1, title: T, goals: [G1]}]\n"
      "sections:\n  - id: S1\n    title: S\n    activities:\n"
      "      - &base\n"
      "        id: A1\n        title: One\n        targets: [T1]\n        owner: Dana\n"
      "        activities:\n"
      "          - &sub\n            id: A1.1\n            title: Sub\n            weight: 2\n"
      "      - id: A2\n        title: Two\n        <<: *base\n"
      "      - <<: *sub\n        id: A3\n        title: Three\n        targets: [T1]\n"
      "      - {<<: *base, id: A4, title: Four}\n";
  std::ofstream(t.path / "plan/plan.yaml") << text;
  // A2's sub-activity comes through '<<' too: A1.1 twice is an error already there.
  Run r = run("cd " + t.path.string() + " && " + plan_cmd("set A2 status=done 2>&1"));
  CAPTURE(r.out);
  CHECK(r.status == 0);
  r = run("cd " + t.path.string() + " && " + plan_cmd("set A3 due=2009-05-01 2>&1"));
  CAPTURE(r.out);
  CHECK(r.status == 0);
  r = run("cd " + t.path.string() + " && " + plan_cmd("set A4 percent=30 2>&1"));
  CAPTURE(r.out);
  CHECK(r.status == 0);
  std::string expected = text;
  expected.insert(expected.find("        <<: *base\n"), "        status: done\n");
  expected.insert(expected.find("      - {<<: *base"), "        due: 2009-05-01\n");
  expected.replace(expected.find("title: Four}"), 12, "title: Four, percent: 30}");
  CHECK(slurp(t.path / "plan/plan.yaml") == expected);
  // The anchored activities kept their values: nothing else reads differently.
  Run show = run("cd " + t.path.string() + " && " + plan_cmd("show A1 --json 2>/dev/null"));
  CHECK(show.out.find("\"done\"") == std::string::npos);
}

TEST_CASE("two plan set at once both land, 30 times over") {
  Temp t;
  fs::copy(source("tests/golden/plans/editable"), t.path / "plan");
  const std::string set = plan_cmd("set A1 +1 >/dev/null 2>&1");
  // Each pair: two processes started together; the shell prints each one's exit code.
  std::string script = "cd " + t.path.string() + " && for i in $(seq 30); do (" + set +
                       "; echo $?) & (" + set + "; echo $?) & wait; done";
  Run r = run(script);
  int landed = 0, refused = 0;
  std::istringstream codes(r.out);
  int other = 0;
  for (int code; codes >> code;) ++(code == 0 ? landed : code == 2 ? refused : other);
  CHECK(other == 0);
  CHECK(landed + refused == 60);
  CHECK(landed >= 58);  // a refusal (exit 2) is allowed only after 10 s of waiting
  const std::string after = slurp(t.path / "plan/plan.yaml");
  CHECK(after.find("actual: " + std::to_string(2 + landed) + "\n") != std::string::npos);
}

TEST_CASE("plan set refuses a read-only file and leaves it as it was") {
  Temp t;
  fs::copy(source("tests/golden/plans/editable"), t.path / "plan");
  const fs::path file = t.path / "plan/plan.yaml";
  fs::permissions(file, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  struct stat st_before {};
  ::stat(file.c_str(), &st_before);
  const auto before = snapshot(t.path);
  Run r = run("cd " + t.path.string() + " && " + plan_cmd("set A1 status=done 2>&1"));
  CHECK(r.status == 2);
  CHECK(r.out.find("read-only") != std::string::npos);
  CHECK(snapshot(t.path) == before);
  struct stat st_after {};
  ::stat(file.c_str(), &st_after);
  CHECK(st_after.st_ino == st_before.st_ino);  // not replaced
  CHECK((st_after.st_mode & 07777) == 0444);
}

TEST_CASE("plan init into an empty folder checks clean, in English and in Hebrew") {
  for (const char* lang : {"en", "he"}) {
    Temp t;
    Run r = run(plan_cmd(std::string("init ") + t.path.string() + " --lang " + lang +
                         " --tool-repository https://github.com/example-org/plan.git 2>&1"));
    CAPTURE(r.out);
    CHECK(r.status == 0);
    for (const char* f : {"plan/plan.yaml", "plan/goals.yaml", "plan/targets.yaml",
                          "plan/activities/01-general.yaml", "schema/plan.schema.json",
                          ".gitignore", ".github/workflows/plan.yml"})
      CHECK(fs::is_regular_file(t.path / f));
    CHECK(slurp(t.path / "plan/plan.yaml")
              .rfind("# yaml-language-server: $schema=../schema/plan.schema.json", 0) == 0);
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

TEST_CASE(
    "plan init checks every path before writing: a file named schema stops it, nothing written") {
  Temp t;
  std::ofstream(t.path / "schema") << "not a folder\n";
  const auto before = snapshot(t.path);
  Run r = run(plan_cmd("init " + t.path.string() +
                       " --tool-repository https://github.com/example-org/plan.git 2>&1"));
  CHECK(r.status == 2);
  CHECK(r.out.find("schema is a file, not a folder") != std::string::npos);
  CHECK(r.out.find("nothing was written") != std::string::npos);
  CHECK(snapshot(t.path) == before);
  CHECK_FALSE(fs::exists(t.path / ".git"));
}

TEST_CASE("plan init creates a git repository outside one, and not inside one") {
  Temp t;
  Run r = run(plan_cmd("init " + (t.path / "new").string() + " 2>&1"));
  CAPTURE(r.out);
  CHECK(r.status == 0);
  CHECK(fs::is_directory(t.path / "new/.git"));
  // diff and history work once the first commit is made.
  const std::string in = "cd " + (t.path / "new").string() + " && ";
  REQUIRE(
      run(in + "git add -A && git -c user.name=T -c user.email=t@example.org commit -qm start 2>&1")
          .status == 0);
  CHECK(run(in + plan_cmd("history > /dev/null 2>&1")).status == 0);
  CHECK(run(in + plan_cmd("diff HEAD > /dev/null 2>&1")).status == 0);
  // Inside that repository, a second plan folder gets no repository of its own.
  r = run(plan_cmd("init " + (t.path / "new/sub").string() + " 2>&1"));
  CHECK(r.status == 0);
  CHECK_FALSE(fs::exists(t.path / "new/sub/.git"));
}

TEST_CASE(
    "the CI workflow plan init writes runs as written: real clone address, full history, working "
    "commands") {
  Temp t;
  const fs::path repo = t.path / "repo";
  // The tool's own source folder stands in for its address: git clones a path as well.
  Run r = run(plan_cmd("init " + repo.string() + " --tool-repository " + source("") + " 2>&1"));
  REQUIRE(r.status == 0);
  const std::string text = slurp(repo / ".github/workflows/plan.yml");
  plan::Diagnostics diags;
  auto root = plan::parse_yaml(text, 1, diags);
  CHECK(diags.empty());
  REQUIRE(root);
  CHECK(text.find("example.org") == std::string::npos);
  CHECK(text.find("{{") == std::string::npos);
  CHECK(text.find("fetch-depth: 0") != std::string::npos);
  CHECK(text.find("git clone --depth 1 \"" + source("") + "\"") != std::string::npos);
  // Every `plan …` line of it succeeds in the new repository after its first commit.
  const std::string in = "cd " + repo.string() + " && ";
  REQUIRE(
      run(in + "git add -A && git -c user.name=T -c user.email=t@example.org commit -qm start 2>&1")
          .status == 0);
  std::size_t commands = 0;
  const std::regex command(
      R"((?:^|[\s;&|(])(plan (?:check|status|render|diff|history|list|show|trace)[^\n|>;)]*))");
  for (std::sregex_iterator it(text.begin(), text.end(), command), end; it != end; ++it) {
    std::string cmd = std::regex_replace(std::string((*it)[1]), std::regex(R"(\s+$)"), "");
    CAPTURE(cmd);
    CHECK(run(in + plan_cmd(cmd.substr(5) + " > /dev/null 2>&1")).status == 0);
    ++commands;
  }
  CHECK(commands == 3);
  // Without an address, plan init writes no workflow rather than one that cannot work.
  Temp u;
  r = run(plan_cmd("init " + u.path.string() + " --tool-repository '' 2>&1"));
  CHECK(r.status == 0);
  CHECK_FALSE(fs::exists(u.path / ".github"));
  CHECK(r.out.find("No CI workflow was written") != std::string::npos);
}

TEST_CASE(
    "links in the folders of a written file: followed inside the working folder, refused outside") {
  Temp t;
  const fs::path work = t.path / "work", away = t.path / "away";
  fs::create_directories(work / "public");
  fs::create_directories(away);
  fs::copy(source("tests/golden/plans/editable"), work / "plan");
  fs::create_directory_symlink(away, work / "site");
  fs::create_directory_symlink(work / "public", work / "inside");
  const std::string in = "cd " + work.string() + " && ";
  Run r = run(in + plan_cmd("render --format md --output site/index.md 2>&1"));
  CHECK(r.status == 2);
  CHECK(r.out.find("site is a symbolic link") != std::string::npos);
  CHECK(fs::is_empty(away));
  r = run(in + plan_cmd("schema --output site/s.json 2>&1"));
  CHECK(r.status == 2);
  CHECK(fs::is_empty(away));
  // A link that stays inside the working folder is followed.
  r = run(in + plan_cmd("render --format md --output inside/index.md 2>&1"));
  CHECK(r.status == 0);
  CHECK(fs::is_regular_file(work / "public/index.md"));
  // A path outside the working folder that the user typed is theirs to choose.
  r = run(in + plan_cmd("render --format md --output " + (away / "x.md").string() + " 2>&1"));
  CHECK(r.status == 0);
}

TEST_CASE("plan init does not write through a link that leaves the folder it fills") {
  Temp t;
  const fs::path dir = t.path / "new", away = t.path / "away";
  fs::create_directories(dir);
  fs::create_directories(away);
  fs::create_directory_symlink(away, dir / "plan");
  Run r = run(plan_cmd("init " + dir.string() + " 2>&1"));
  CHECK(r.status == 2);
  CHECK(r.out.find("is a symbolic link to") != std::string::npos);
  CHECK(r.out.find("nothing was written") != std::string::npos);
  CHECK(fs::is_empty(away));
  CHECK_FALSE(fs::exists(dir / ".git"));
}
