// `plan add` on copies of a plan in a temporary folder: the bytes written, the bytes kept
// when it refuses, and the dialogue in a terminal.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "run.hpp"

namespace fs = std::filesystem;
using namespace plan::test;

namespace {
struct Temp {
  fs::path path;
  Temp() {
    std::string t = (fs::temp_directory_path() / "plan-add-XXXXXX").string();
    path = ::mkdtemp(t.data());
  }
  ~Temp() { fs::remove_all(path); }
};

std::string slurp(const fs::path& p) {
  std::stringstream s;
  s << std::ifstream(p, std::ios::binary).rdbuf();
  return s.str();
}

std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) files[e.path().string()] = slurp(e.path());
  return files;
}

Run add(const Temp& t, const std::string& args) {
  return run("cd " + t.path.string() + " && LC_ALL=C.UTF-8 " + plan_cmd("add " + args + " 2>&1"));
}
}  // namespace

TEST_CASE("plan add writes an activity after the last of its section in the shipped plan") {
  Temp t;
  fs::copy(source("plan"), t.path / "plan", fs::copy_options::recursive);
  const fs::path file = t.path / "plan/activities/01-general.yaml";
  const std::string before = slurp(file);
  Run r = add(t,
              "activity --section general --title 'כנס אזורי: צפון' --targets T1,T4 "
              "--measure '5-6 מפגשים' --owner דנה");
  CAPTURE(r.out);
  CHECK(r.status == 0);
  CHECK(r.out.find("added activity general.8 to ") != std::string::npos);
  CHECK(slurp(file) == before +
                           "      - id: general.8\n"
                           "        title: \"כנס אזורי: צפון\"\n"
                           "        targets: [T1, T4]\n"
                           "        status: planned\n"
                           "        owner: דנה\n"
                           "        measure:\n"
                           "          unit: מפגשים\n"
                           "          planned: 5-6\n"
                           "          actual: 0\n");
  // A target and a goal, each after the last of its list, numbered after it.
  CHECK(add(t, "goal 'מטרה חדשה'").status == 0);
  CHECK(add(t, "target --title 'יעד חדש' --goals G8").status == 0);
  const std::string targets = slurp(t.path / "plan/targets.yaml");
  const std::string t17 = "  - id: T17\n    title: יעד חדש\n    goals: [G8]\n";
  REQUIRE(targets.size() > t17.size());
  CHECK(targets.substr(targets.size() - t17.size()) == t17);
  CHECK(slurp(t.path / "plan/goals.yaml").find("  - id: G8\n    title: מטרה חדשה\n") !=
        std::string::npos);
}

TEST_CASE("plan add keeps a byte-order mark, CRLF and flow style") {
  Temp t;
  fs::create_directories(t.path / "plan");
  const std::string text =
      "\xEF\xBB\xBFplan: {title: P, period: {start: 2009-01-01, end: 2009-12-31}}\r\n"
      "goals: [{id: G1, title: G}]\r\ntargets: [{id: T1, title: T, goals: [G1]}]\r\n"
      "sections:\r\n  - id: S1\r\n    title: S   # a comment\r\n    activities:\r\n"
      "      - {id: S1.1, title: One, targets: [T1]}\r\n";
  std::ofstream(t.path / "plan/plan.yaml", std::ios::binary) << text;
  Run r = add(t, "activity --title 'Two, three' --targets T1 --due 2009-05-01");
  CAPTURE(r.out);
  CHECK(r.status == 0);
  Run g = add(t, "goal --title 'yes'");
  CAPTURE(g.out);
  CHECK(g.status == 0);
  std::string expected = text;
  expected.replace(expected.find("G}]"), 3, "G}, {id: G2, title: \"yes\"}]");
  expected +=
      "      - {id: S1.2, title: \"Two, three\", targets: [T1], status: planned, due: "
      "2009-05-01}\r\n";
  CHECK(slurp(t.path / "plan/plan.yaml") == expected);
}

TEST_CASE("plan add writes an empty targets list when told to, and a sub-activity's own") {
  Temp t;
  fs::copy(source("plan"), t.path / "plan", fs::copy_options::recursive);
  const fs::path file = t.path / "plan/activities/03-alliance.yaml";
  const std::string before = slurp(file);
  Run r = add(t, "activity --section alliance --title x --targets ''");
  CAPTURE(r.out);
  CHECK(r.status == 0);
  CHECK(slurp(file) == before +
                           "      - id: alliance.4\n        title: x\n        targets: []\n"
                           "        status: planned\n");
}

TEST_CASE("plan add refuses what it cannot add and leaves every file byte-identical") {
  Temp t;
  fs::copy(source("plan"), t.path / "plan", fs::copy_options::recursive);
  const auto before = snapshot(t.path);
  const struct {
    const char* args;
    int exit;
    const char* says;
  } cases[] = {
      {"activity --section genral --title x", 2, "did you mean 'general'?"},
      {"activity --title x", 2, "give --section"},
      {"goal --id G1 --title x", 2, "taken by the goal 'G1'"},
      {"goal --id 1x --title x", 2, "not a valid id"},
      {"activity --section general --title x --due 2009-02-30", 2, "due is"},
      {"activity --section general --title x --status finished", 2, "status 'finished'"},
      {"goal --title x --targets T1", 2, "a goal has no --targets"},
      {"activity --section general --title x --goals G1", 2, "an activity has no --goals"},
      {"section --title x", 2, "give the new one with --id"},
      {"target --title x", 1, "[target-without-goals]"},
      {"activity --section general --title x --targets T99", 1, "T99"},
      {"goal", 2, "needs a title"},
  };
  for (const auto& c : cases) {
    Run r = add(t, c.args);
    CAPTURE(c.args);
    CAPTURE(r.out);
    CHECK(r.status == c.exit);
    CHECK(r.out.find(c.says) != std::string::npos);
  }
  CHECK(snapshot(t.path) == before);
}

TEST_CASE("plan add asks for the fields in a terminal, and writes the answers") {
  if (!have("script")) return;
  Temp t;
  fs::copy(source("plan"), t.path / "plan", fs::copy_options::recursive);
  const std::string cmd = "cd " + t.path.string() + " && printf 'מטרה מהשיח\\nתיאור קצר\\n' | " +
                          "TERM=dumb LC_ALL=C.UTF-8 script -qec \"" + plan_cmd("add goal") +
                          "\" /dev/null";
  Run r = run(cmd);
  CAPTURE(r.out);
  CHECK(r.out.find("Title: ") != std::string::npos);
  CHECK(slurp(t.path / "plan/goals.yaml")
            .find("  - id: G8\n    title: מטרה מהשיח\n    description: תיאור קצר\n") !=
        std::string::npos);
}

TEST_CASE("plan add asks in Hebrew when the messages are Hebrew") {
  if (!have("script")) return;
  Temp t;
  fs::copy(source("plan"), t.path / "plan", fs::copy_options::recursive);
  const std::string cmd = "cd " + t.path.string() + " && printf 'מטרה מהשיח\\n\\n' | " +
                          "TERM=dumb LANGUAGE=he LC_ALL=C.UTF-8 script -qec \"" +
                          plan_cmd("add goal") + "\" /dev/null";
  Run r = run(cmd);
  CAPTURE(r.out);
  CHECK(r.out.find("\u200F"
                   "מטרה חדשה (Enter מדלג על שאלה).") != std::string::npos);
  CHECK(r.out.find("\u200F"
                   "כותרת: ") != std::string::npos);
  CHECK(r.out.find("Title: ") == std::string::npos);
  CHECK(r.out.find("נוספה המטרה") != std::string::npos);
  CHECK(slurp(t.path / "plan/goals.yaml").find("  - id: G8\n    title: מטרה מהשיח\n") !=
        std::string::npos);
}
