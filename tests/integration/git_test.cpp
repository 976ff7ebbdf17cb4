// plan diff and plan history on a small repository built here with fixed dates: a plan
// that moves forward, gains and loses activities, breaks in one commit and is fixed.
// Outputs are pinned in tests/git/expected/ (PLAN_UPDATE_EXPECTED=1 rewrites them).
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "run.hpp"

namespace fs = std::filesystem;
using namespace plan::test;

namespace {

struct Repo {
  fs::path path;
  int day = 1;
  Repo() {
    std::string t = (fs::temp_directory_path() / "plan-git-XXXXXX").string();
    path = ::mkdtemp(t.data());
    sh("git init -q -b main . && git config user.name Tester && git config user.email "
       "t@example.org");
  }
  ~Repo() { fs::remove_all(path); }
  void sh(const std::string& cmd) const {
    REQUIRE_MESSAGE(run("cd " + path.string() + " && " + cmd + " >/dev/null 2>&1").status == 0,
                    cmd);
  }
  void write(const std::string& rel, const std::string& text) const {
    fs::create_directories((path / rel).parent_path());
    std::ofstream(path / rel, std::ios::binary) << text;
  }
  void commit(const std::string& subject) {
    const std::string date =
        "2009-03-" + std::string(day < 10 ? "0" : "") + std::to_string(day) + "T12:00:00+02:00";
    ++day;
    sh("git add -A && GIT_AUTHOR_DATE=" + date + " GIT_COMMITTER_DATE=" + date +
       " git commit -q -m '" + subject + "'");
  }
  // stdout only, without the exit code.
  std::string stdout_of(const std::string& args) const {
    return run("cd " + path.string() + " && " + plan_cmd(args + " 2>/dev/null")).out;
  }
  std::string plan(const std::string& args) const {
    Run r = run("cd " + path.string() + " && " + plan_cmd(args + " 2>&1"));
    return std::to_string(r.status) + "\n" + r.out;
  }
};

std::string activities(const std::string& a1_status, const std::string& a2_actual, bool with_a3) {
  std::string s =
      "sections:\n"
      "  - id: S1\n"
      "    title: מפגשים\n"
      "    activities:\n"
      "      - {id: A1, title: כנס שנתי, targets: [T1], status: " +
      a1_status +
      "}\n"
      "      - id: A2\n"
      "        title: Regional forums\n"
      "        targets: [T2]\n"
      "        status: in-progress\n"
      "        measure: {unit: meetings, planned: 5-6, actual: " +
      a2_actual + "}\n";
  if (with_a3) s += "      - {id: A3, title: Newsletter, targets: [T2], percent: 50}\n";
  return s;
}

const char* kHeader =
    "plan: {title: Plan under git, period: {start: 2009-01-01, end: 2009-12-31}}\n"
    "goals: [{id: G1, title: Grow}]\n"
    "targets:\n  - {id: T1, title: Meet, goals: [G1]}\n  - {id: T2, title: Forums, goals: [G1]}\n";

void pin(const std::string& name, const std::string& actual) {
  const fs::path file = source("tests/git/expected/" + name);
  if (std::getenv("PLAN_UPDATE_EXPECTED")) std::ofstream(file, std::ios::binary) << actual;
  std::stringstream expected;
  expected << std::ifstream(file, std::ios::binary).rdbuf();
  CAPTURE(name);
  CHECK(actual == expected.str());
}

}  // namespace

TEST_CASE("plan diff and plan history on a repository with a broken commit") {
  Repo r;
  r.write("plan/plan.yaml", kHeader);
  r.write("plan/activities.yaml", activities("planned", "0", false));
  r.write("README", "not part of the plan\n");
  r.commit("Start the plan");
  r.write("plan/activities.yaml", activities("in-progress", "2", true));
  r.commit("Forums under way, newsletter added");
  r.write("README", "still not part of the plan\n");
  r.commit("Touch only the README");  // not in the history: the plan did not change
  r.write("plan/activities.yaml", "sections: [\n");
  r.commit("Break the plan");
  r.write("plan/activities.yaml", activities("done", "5", true));
  r.commit("Fix it: the conference is done");
  r.write("plan/activities.yaml", activities("done", "6", false));  // uncommitted

  pin("history.txt", r.plan("history --color never"));
  pin("history.json", r.plan("history --json"));
  pin("history.csv", r.plan("history --format csv"));
  pin("diff-head-worktree.txt", r.plan("diff --color never --as-of 2009-06-01"));
  pin("diff-two-revs.txt", r.plan("diff HEAD~4 HEAD --color never --as-of 2009-06-01"));
  pin("diff-two-revs.md", r.plan("diff HEAD~4 HEAD --format md --as-of 2009-06-01"));
  pin("diff-two-revs.json", r.plan("diff HEAD~4 HEAD --json --as-of 2009-06-01"));
  pin("diff-broken.txt", r.plan("diff HEAD~2 HEAD~1 --color never --as-of 2009-06-01"));
  pin("diff-bad-rev.txt", r.plan("diff nosuchrev"));
}

TEST_CASE("outside a git repository, diff and history say so and exit 2, but check still works") {
  std::string t = (fs::temp_directory_path() / "plan-nogit-XXXXXX").string();
  fs::path dir = ::mkdtemp(t.data());
  fs::copy(source("tests/golden/status-english/plan"), dir / "plan");
  Run diff = run("cd " + dir.string() + " && " + plan_cmd("diff 2>&1"));
  CHECK(diff.status == 2);
  CHECK(diff.out.find("not in a git repository") != std::string::npos);
  const Run history = run("cd " + dir.string() + " && " + plan_cmd("history 2>&1"));
  CHECK(history.status == 2);
  // In the user's language, with git's own reason inside it.
  const Run hebrew =
      run("cd " + dir.string() + " && LANGUAGE=he LC_ALL=C.UTF-8 " + plan_cmd("history 2>&1"));
  CHECK(hebrew.status == 2);
  CHECK(hebrew.out.rfind("\u200Fplan: התיקייה \u2068plan\u2069 אינה במאגר git", 0) == 0);
  CHECK(run("cd " + dir.string() + " && " + plan_cmd("check 2>&1")).status == 0);
  fs::remove_all(dir);
}

TEST_CASE(
    "plan diff with a file that does not load: no completion for that side, a line at the top") {
  Repo r;
  r.write("plan/plan.yaml", kHeader);
  r.write("plan/activities.yaml", activities("done", "3", true));
  r.write("plan/more.yaml",
          "sections:\n  - id: S2\n    title: More\n    activities:\n"
          "      - {id: B1, title: Other, targets: [T2], percent: 20}\n");
  r.commit("Start");
  // A tab-indented line: the file does not parse, the two others do.
  r.write("plan/more.yaml", "sections:\n  - id: S2\n\ttitle: More\n");

  const std::string text = r.plan("diff --color never --as-of 2009-06-01");
  CAPTURE(text);
  CHECK(text.rfind(
            "0\n1 of 3 files could not be read in the working tree: figures are incomplete\nPlan: ",
            0) == 0);
  CHECK(text.find("% → –") != std::string::npos);
  const auto j = nlohmann::json::parse(r.stdout_of("diff --json --as-of 2009-06-01"));
  CHECK(j["completion"]["before"].is_number());
  CHECK(j["completion"]["after"].is_null());
  CHECK(j["unread_files"]["after"] == nlohmann::json::array({"plan/more.yaml"}));
  CHECK(j["file_count"]["after"] == 3);

  // status says it first, too, and its JSON names the file.
  const std::string status = r.stdout_of("status --as-of 2009-06-01 --color never");
  CHECK(status.rfind("1 of 3 files could not be read: figures are incomplete\n", 0) == 0);
  const auto report = nlohmann::json::parse(r.stdout_of("status --json --as-of 2009-06-01"));
  CHECK(report["completion"].is_null());
  CHECK(report["unread_files"] == nlohmann::json::array({"plan/more.yaml"}));
  CHECK(report["gaps"]["targets"].is_null());
  CHECK(report["sections"][0]["completion"].is_number());  // S1's file was read whole
}

TEST_CASE("plan history in a shallow clone shows what is there and says how to fetch the rest") {
  Repo r;
  r.write("plan/plan.yaml", kHeader);
  r.write("plan/activities.yaml", activities("planned", "0", false));
  r.commit("Start the plan");
  r.write("plan/activities.yaml", activities("in-progress", "2", true));
  r.commit("Forums under way");
  r.write("plan/activities.yaml", activities("done", "5", true));
  r.commit("Conference done");

  std::string t = (fs::temp_directory_path() / "plan-shallow-XXXXXX").string();
  const fs::path clone = ::mkdtemp(t.data());
  REQUIRE(run("git clone -q --depth 2 file://" + r.path.string() + " " + clone.string() + "/c 2>&1")
              .status == 0);
  auto in_clone = [&](const std::string& args) {
    Run x = run("cd " + clone.string() + "/c && " + plan_cmd(args));
    return std::to_string(x.status) + "\n" + x.out;
  };
  const std::string text = in_clone("history --color never 2>&1");
  CAPTURE(text);
  CHECK(text.rfind("0\n", 0) == 0);
  CHECK(text.find("shallow clone") != std::string::npos);
  CHECK(text.find("git fetch --unshallow") != std::string::npos);
  CHECK(text.find("fetch-depth: 0") != std::string::npos);
  CHECK(text.find("Forums under way") != std::string::npos);  // the boundary commit is there
  CHECK(text.find("Conference done") != std::string::npos);
  CHECK(text.find("Start the plan") == std::string::npos);  // not fetched
  CHECK(text.find("no commit changed") == std::string::npos);
  const std::string json = in_clone("history --json 2>/dev/null");
  CHECK(nlohmann::json::parse(json.substr(2)).size() == 2);
  CHECK(in_clone("history --all-parents 2>/dev/null").find("Conference done") != std::string::npos);
  // A full clone says nothing about it.
  CHECK(r.plan("history").find("shallow") == std::string::npos);
  fs::remove_all(clone);
}

TEST_CASE(
    "plan history: commit subjects are shown escaped, and CSV fields cannot run as formulas") {
  Repo r;
  r.write("plan/plan.yaml", kHeader);
  const std::vector<std::string> subjects = {"=HYPERLINK(\"http://example.org\",\"click\")",
                                             "+1+2",
                                             "-2+3",
                                             "@SUM(A1)",
                                             "Clear \x1b[2J\x1b]52;c;aGk=\x07 screen",
                                             "Tab\tinside, and \"quotes\""};
  for (std::size_t i = 0; i < subjects.size(); ++i) {
    r.write("plan/activities.yaml", activities("planned", std::to_string(i), false));
    std::ofstream(r.path / "msg") << subjects[i] << "\n";
    r.sh("git add plan && GIT_COMMITTER_DATE=2009-03-0" + std::to_string(i + 1) +
         "T12:00:00 git commit -q -F msg");
  }
  const std::string csv = r.plan("history --format csv");
  CAPTURE(csv);
  CHECK(csv.find(",\"'=HYPERLINK(\"\"http://example.org\"\",\"\"click\"\")\",") !=
        std::string::npos);
  CHECK(csv.find(",'+1+2,") != std::string::npos);
  CHECK(csv.find(",'-2+3,") != std::string::npos);
  CHECK(csv.find(",'@SUM(A1),") != std::string::npos);
  CHECK(csv.find(",Clear \\e[2J\\e]52;c;aGk=\\x07 screen,") != std::string::npos);
  CHECK(csv.find(",\"Tab\\tinside, and \"\"quotes\"\"\",") != std::string::npos);
  CHECK(csv.find('\x1b') == std::string::npos);
  const std::string text = r.plan("history --color never");
  CHECK(text.find("Clear \\e[2J\\e]52;c;aGk=\\x07 screen") != std::string::npos);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find('\x07') == std::string::npos);
}

TEST_CASE(
    "PLAN_MAX_FILE_MB applies to diff and history, at every revision and in the working tree") {
  Repo r;
  r.write("plan/plan.yaml", kHeader);
  r.write("plan/activities.yaml", activities("planned", "0", false));
  r.commit("Start the plan");
  // A comment of 1.5 MiB: a valid file, over a limit of 1 MiB.
  r.write("plan/activities.yaml",
          activities("in-progress", "2", false) + "# " + std::string(3 << 19, 'x') + "\n");
  r.commit("A large file");

  // The committed large file, compared with the first commit.
  const std::string diff = r.plan("diff HEAD~1 HEAD --color never --as-of 2009-06-01");
  CAPTURE(diff);
  CHECK(diff.find("[too-large]") == std::string::npos);  // no limit set: it loads
  auto with_limit = [&](const std::string& env, const std::string& args) {
    Run x = run("cd " + r.path.string() + " && " + env + " " + plan_cmd(args + " 2>&1"));
    return std::to_string(x.status) + "\n" + x.out;
  };
  const std::string rev = with_limit("PLAN_MAX_FILE_MB=1", "diff HEAD~1 HEAD --color never");
  CAPTURE(rev);
  CHECK(rev.find("[too-large]") != std::string::npos);
  CHECK(rev.find("could not be read at HEAD") != std::string::npos);
  // The working tree holds the same large file.
  const std::string tree = with_limit("PLAN_MAX_FILE_MB=1", "diff HEAD~1 --color never");
  CAPTURE(tree);
  CHECK(tree.find("could not be read in the working tree") != std::string::npos);
  CHECK(tree.find("[too-large]") != std::string::npos);
  // History: the large commit is a gap, not a point with figures.
  const auto points = nlohmann::json::parse(
      run("cd " + r.path.string() + " && PLAN_MAX_FILE_MB=1 " + plan_cmd("history --json")).out);
  REQUIRE(points.size() == 2);  // oldest first
  CHECK(points[0]["loaded"] == true);
  CHECK(points[1]["loaded"] == false);
  CHECK(points[1]["completion"].is_null());
  CHECK(points[1]["errors"] == 1);
  const auto unlimited = nlohmann::json::parse(r.stdout_of("history --json"));
  REQUIRE(unlimited.size() == 2);
  CHECK(unlimited[1]["loaded"] == true);
  // A bad value is a usage error in both commands, as elsewhere.
  CHECK(with_limit("PLAN_MAX_FILE_MB=abc", "diff").rfind("2\nplan: PLAN_MAX_FILE_MB", 0) == 0);
  CHECK(with_limit("PLAN_MAX_TOTAL_MB=0", "history").rfind("2\nplan: PLAN_MAX_TOTAL_MB", 0) == 0);
}

TEST_CASE("plan diff with a revision that has no plan folder says so and exits 2") {
  Repo r;
  r.write("README", "the plan comes later\n");
  r.commit("Before the plan");
  r.write("plan/plan.yaml", kHeader);
  r.write("plan/activities.yaml", activities("done", "3", true));
  r.commit("Start the plan");
  // Not an empty plan to compare with: every goal would show as new.
  for (const char* args :
       {"diff HEAD~1 --color never", "diff HEAD~1 HEAD --json", "diff HEAD HEAD~1 --format md"}) {
    CAPTURE(args);
    const std::string out = r.plan(std::string(args) + " --as-of 2009-06-01");
    CHECK(out.rfind("2\nplan: HEAD~1 (", 0) == 0);
    CHECK(out.find(") cannot be compared: the commit has no plan folder\n") != std::string::npos);
  }
  CHECK(r.plan("diff HEAD --color never --as-of 2009-06-01").rfind("0\n", 0) == 0);
}

namespace {

// A Hebrew plan (language: he) that moves, gains and loses activities, breaks and is fixed.
const char* kHebrewHeader =
    "plan: {title: תוכנית העבודה של המטה, language: he,"
    " period: {start: 2009-01-01, end: 2009-12-31}}\n"
    "goals:\n"
    "  - {id: G1, title: הרחבת הפעילות בקהילה}\n"
    "  - {id: G2, title: חיזוק הקשר עם החברים בכל המחוזות}\n"
    "targets:\n"
    "  - {id: T1, title: כנס שנתי מוצלח, goals: [G1]}\n"
    "  - {id: T2, title: פורומים אזוריים בכל המחוזות, goals: [G1, G2]}\n";

std::string hebrew_activities(const std::string& a1_status, const std::string& a2_actual,
                              const std::string& a2_due, bool with_a3) {
  std::string s =
      "sections:\n"
      "  - id: S1\n"
      "    title: מפגשים\n"
      "    activities:\n"
      "      - {id: A1, title: כנס שנתי לכל חברי התנועה, targets: [T1], status: " +
      a1_status +
      "}\n"
      "      - id: A2\n"
      "        title: פורומים אזוריים (צפון ודרום)\n"
      "        targets: [T2]\n"
      "        status: in-progress\n"
      "        due: " +
      a2_due +
      "\n"
      "        measure: {unit: מפגשים, planned: 5-6, actual: " +
      a2_actual + "}\n";
  if (with_a3) s += "      - {id: A3, title: עלון חודשי לחברים, targets: [T2], percent: 50}\n";
  return s;
}

// A repository of the Hebrew plan: four commits (the third breaks it) and an uncommitted change.
void hebrew_history(Repo& r) {
  r.write("plan/plan.yaml", kHebrewHeader);
  r.write("plan/activities.yaml", hebrew_activities("planned", "0", "2009-10-01", false));
  r.commit("התחלת התוכנית");
  r.write("plan/activities.yaml", hebrew_activities("in-progress", "2", "2009-10-01", true));
  r.commit("Forums under way, newsletter added");
  r.write("plan/activities.yaml", "sections: [\n");
  r.commit("Break the plan");
  r.write("plan/activities.yaml", hebrew_activities("done", "5", "2009-11-15", true));
  r.commit("תיקון: הכנס התקיים");
  r.write("plan/activities.yaml", hebrew_activities("done", "6", "2009-11-15", false));
}

// A terminal of `columns` columns that is not one (a pipe): logical order, the width kept.
std::string at_width(const Repo& r, int columns, const std::string& args) {
  Run x = run("cd " + r.path.string() + " && unset LANGUAGE LANG LC_MESSAGES; COLUMNS=" +
              std::to_string(columns) + " LC_ALL=C.UTF-8 " + plan_cmd(args + " 2>&1"));
  return std::to_string(x.status) + "\n" + x.out;
}

// The widest line of the output, in terminal cells (the directional marks take none).
std::size_t widest_line(const std::string& text) {
  std::size_t widest = 0, cells = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      widest = std::max(widest, cells);
      cells = 0;
    } else if ((c & 0xC0) != 0x80) {
      // U+200E/F (RLM, LRM) and U+2066-2069 (isolates) are E2 80 8E/8F and E2 81 A6-A9.
      const std::string_view rest = std::string_view(text).substr(i, 3);
      const bool mark = rest == "\u200F" || rest == "\u200E" || rest == "\u2066" ||
                        rest == "\u2067" || rest == "\u2068" || rest == "\u2069";
      if (!mark) ++cells;
    }
  }
  return std::max(widest, cells);
}

}  // namespace

TEST_CASE("plan diff and plan history of a Hebrew plan speak Hebrew, mirrored, within the width") {
  Repo r;
  hebrew_history(r);
  const std::string he60 = at_width(r, 60, "diff HEAD~3 --color never --as-of 2009-06-01");
  const std::string he120 = at_width(r, 120, "diff HEAD~2 HEAD~1 --color never --as-of 2009-06-01");
  const std::string he60_broken =
      at_width(r, 60, "diff HEAD~2 HEAD~1 --color never --as-of 2009-06-01");
  const std::string history80 = at_width(r, 80, "history --color never");
  pin("diff-he-60.txt", he60);
  pin("diff-he-120.txt", he120);
  pin("diff-he-60-broken.txt", he60_broken);
  pin("history-he-80.txt", history80);
  // --lang en: the same plan in English words and a left-to-right layout.
  pin("diff-en-80.txt", at_width(r, 80, "diff HEAD~3 --color never --as-of 2009-06-01 --lang en"));
  pin("history-en-80.txt", at_width(r, 80, "history --color never --lang en"));
  // The errors that appeared are said in the messages' language (gettext's), in the text
  // and in the pull-request comment alike; JSON keeps their English.
  for (const char* format : {"", " --format md"}) {
    CAPTURE(format);
    const Run he = run("cd " + r.path.string() + " && COLUMNS=200 LANGUAGE=he LC_ALL=C.UTF-8 " +
                       plan_cmd(std::string("diff HEAD~2 HEAD~1 --color never --as-of 2009-06-01") +
                                format + " 2>&1"));
    CHECK(he.out.find("שגיאת תחביר YAML") != std::string::npos);
    CHECK(he.out.find("YAML syntax error") == std::string::npos);
  }
  const Run json = run("cd " + r.path.string() + " && LANGUAGE=he LC_ALL=C.UTF-8 " +
                       plan_cmd("diff HEAD~2 HEAD~1 --json --as-of 2009-06-01"));
  CHECK(json.out.find("YAML syntax error") != std::string::npos);

  for (const std::string* out : {&he60, &he60_broken}) {
    CAPTURE(*out);
    CHECK(widest_line(*out) <= 60);
  }
  CHECK(widest_line(history80) <= 80);
  // Hebrew words, every line a right-to-left paragraph, revisions and figures isolated.
  CHECK(he60.find("\u200Fמטרות\n") != std::string::npos);
  CHECK(he60.find("\u2066HEAD~3 (") != std::string::npos);
  CHECK(he60.find("עותק העבודה") != std::string::npos);
  CHECK(he60.find("working tree") == std::string::npos);
  CHECK(he60.find("שונתה") != std::string::npos);
  CHECK(he60.find("Goals") == std::string::npos);
  CHECK(he120.find("שגיאות") != std::string::npos);
  CHECK(history80.find("\u2067█") != std::string::npos);  // a bar fills from the right
  CHECK(history80.find("\u200F\u20662009-03-01\u2069") != std::string::npos);
  // JSON and CSV do not change with the language.
  const auto j = nlohmann::json::parse(r.stdout_of("diff HEAD~3 --json --as-of 2009-06-01"));
  CHECK(j["to"] == "working tree");
  CHECK(j["changed"][0]["change"] == "changed");
  CHECK(r.stdout_of("history --format csv").rfind("date,commit,subject,completion", 0) == 0);
}

TEST_CASE("plan diff and plan history of an English plan take --lang he") {
  Repo r;
  r.write("plan/plan.yaml", kHeader);
  r.write("plan/activities.yaml", activities("planned", "0", false));
  r.commit("Start the plan");
  r.write("plan/activities.yaml", activities("done", "2", true));
  const std::string diff = at_width(r, 80, "diff --color never --as-of 2009-06-01 --lang he");
  CAPTURE(diff);
  CHECK(diff.find("\u200Fתוכנית: ") != std::string::npos);
  CHECK(diff.find("status planned") == std::string::npos);
  CHECK(diff.find("מצב \u2066") == std::string::npos);  // a status word is a word, not a cell
  CHECK(diff.find("מצב מתוכנן ← בוצע") != std::string::npos);
  const std::string history = at_width(r, 80, "history --color never --lang he");
  CHECK(history.find("\u200F\u2066") != std::string::npos);
  // No gap in this history: the figure's column is as wide as "100%", not as the word.
  CHECK(history.find("\u2066  0%\u2069") != std::string::npos);
  // Without --lang, the English plan's own words and direction.
  const std::string english = at_width(r, 80, "history --color never");
  CHECK(english.find("\u200F") == std::string::npos);
  CHECK(english.find("Start the plan") != std::string::npos);
}
