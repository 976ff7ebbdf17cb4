// `plan status` in a real terminal: tmux runs it on a pseudo-terminal, so it colours its
// output, and the screen tmux keeps is read back to check that the columns line up around
// a Hebrew title of several words with niqqud.
#include <doctest/doctest.h>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "render/bidi.hpp"
#include "render/terminal_text.hpp"
#include "run.hpp"

namespace {
std::string run(const std::string& command) {
  return plan::test::run(command).out;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1)
    out.push_back(text.substr(start, nl - start));
  return out;
}

// The display column (in cells) where `needle` starts in `line`.
std::size_t column_of(const std::string& line, const std::string& needle) {
  std::size_t at = line.find(needle);
  REQUIRE(at != std::string::npos);
  return plan::display_width(line.substr(0, at));
}
}  // namespace

TEST_CASE("terminal: status in tmux is coloured and aligned around Hebrew titles") {
  REQUIRE_MESSAGE(run("command -v tmux") != "", "tmux is needed (scripts/setup.sh installs it)");
  const std::string server = "plan-test-" + std::to_string(::getpid());
  const std::string tmux = "tmux -u -L " + server + " ";
  const std::string plan_cmd =
      std::string("env -u NO_COLOR -u PLAN_BIDI TERM=xterm-256color LANG=C.UTF-8 ") + PLAN_BINARY +
      " --plan " + PLAN_SOURCE_DIR +
      "/tests/golden/hebrew-ids-status/plan status --as-of 2009-06-01 --lang en";
  run(tmux + "new-session -d -x 100 -y 40 \"" + plan_cmd + "; sleep 60\" 2>&1");

  std::string plain, coloured;
  for (int i = 0; i < 100 && plain.find("Check:") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    plain = run(tmux + "capture-pane -p 2>&1");
  }
  coloured = run(tmux + "capture-pane -p -e 2>&1");
  run(tmux + "kill-server 2>&1");
  std::ofstream(std::string(PLAN_ARTIFACT_DIR) + "/terminal-status.txt") << coloured;

  REQUIRE(plain.find("Check:") != std::string::npos);
  CHECK(coloured.find("\x1b[") != std::string::npos);  // coloured on a terminal
  CHECK(plain.find("\x1b[") == std::string::npos);

  std::vector<std::string> goals;
  for (const std::string& l : lines(plain))
    if (l.rfind("  G", 0) == 0 && l.find('/') != std::string::npos)
      goals.push_back(l);  // not the gaps
  REQUIRE(goals.size() == 3);
  // In visual order (tmux never reorders), the niqqud still on its letters.
  CHECK(goals[0].find(plan::visual_line("שָׁלוֹם בַּקִּבּוּץ")) != std::string::npos);
  for (const std::string& g : goals) {
    CAPTURE(g);
    // The percent cell ends in '%', or in '–' for a goal with nothing to measure.
    const std::string end = g.find('%') != std::string::npos ? "%" : "–";
    CHECK(column_of(g, end) == column_of(goals[1], "%"));
    // The counts column ends at the same cell, and the title starts right after it.
    CHECK(column_of(g, "/") == column_of(goals[1], "/"));
    CHECK(plan::display_width(g) <= 100);
  }
}

namespace {
namespace fs = std::filesystem;

// A plan folder in a fresh temporary folder, removed at the end.
struct TempPlan {
  fs::path dir;
  explicit TempPlan(const std::string& yaml) {
    std::string t = (fs::temp_directory_path() / "plan-term-XXXXXX").string();
    dir = ::mkdtemp(t.data());
    fs::create_directories(dir / "plan");
    std::ofstream(dir / "plan" / "plan.yaml", std::ios::binary) << yaml;
  }
  ~TempPlan() { fs::remove_all(dir); }
  // `plan ARGS` in the folder, not on a terminal, with the environment given.
  plan::test::Run run(const std::string& env, const std::string& args) const {
    return plan::test::run("cd " + dir.string() +
                           " && env -u COLUMNS -u NO_COLOR -u PLAN_DIR -u SOURCE_DATE_EPOCH " +
                           env + " " + PLAN_BINARY + " " + args);
  }
};

std::string shipped(const std::string& env, const std::string& args) {
  return plan::test::run("env -u COLUMNS -u PLAN_DIR -u SOURCE_DATE_EPOCH NO_COLOR=1 " + env + " " +
                         PLAN_BINARY + " --plan " + PLAN_SOURCE_DIR + "/plan " + args)
      .out;
}

// Long ids, a nested activity and long titles: what used to push rows past the width.
const char* kLongIds =
    "plan: {title: Widths, period: {start: 2009-01-01, end: 2009-12-31}}\n"
    "goals:\n"
    "  - {id: G1, title: A goal with a title long enough to need cutting in a narrow terminal "
    "window}\n"
    "  - {id: goal-with-a-very-long-identifier-indeed, title: Another goal}\n"
    "targets:\n"
    "  - {id: T1, title: Target one, goals: [G1, goal-with-a-very-long-identifier-indeed]}\n"
    "  - {id: T2-unserved-target-with-long-id, title: A target that nothing serves yet at all, "
    "goals: [G1]}\n"
    "sections:\n"
    "  - id: a-section-whose-id-is-longer-than-the-column\n"
    "    title: Section\n"
    "    activities:\n"
    "      - id: an-activity-with-a-long-id.1\n"
    "        title: An activity whose title goes on and on past any terminal's width, surely\n"
    "        targets: [T1]\n"
    "        due: 2009-02-01\n"
    "        percent: 30\n"
    "        activities:\n"
    "          - {id: an-activity-with-a-long-id.1.1, title: A nested one, due: 2009-02-02, "
    "percent: 10}\n"
    "          - {id: short, title: Short, percent: 50}\n";
}  // namespace

TEST_CASE("terminal: every line of status, trace and list fits the width, down to 60 columns") {
  TempPlan long_ids(kLongIds);
  for (int columns : {60, 61, 70, 79, 80, 100, 120}) {
    const std::string env = "NO_COLOR=1 COLUMNS=" + std::to_string(columns);
    std::vector<std::pair<std::string, std::string>> outputs = {
        {"shipped status", shipped(env, "status --as-of 2009-06-01")},
        {"shipped trace", shipped(env, "trace G1 --as-of 2009-06-01")},
        {"shipped list", shipped(env, "list --as-of 2009-06-01")},
        {"long ids status", long_ids.run(env, "status --as-of 2009-06-01").out},
        {"long ids trace", long_ids.run(env, "trace G1 --as-of 2009-06-01").out},
        {"long ids list", long_ids.run(env, "list --as-of 2009-06-01").out},
    };
    for (const auto& [what, out] : outputs) {
      CAPTURE(columns);
      CAPTURE(what);
      REQUIRE(out.size() > 100);
      for (const std::string& l : lines(out)) {
        CAPTURE(l);
        CHECK(plan::display_width(l) <= static_cast<std::size_t>(columns));
      }
    }
  }
}

TEST_CASE("terminal: ids longer than their column keep the columns aligned, whole") {
  TempPlan p(kLongIds);
  const std::string out = p.run("NO_COLOR=1 COLUMNS=80", "status --as-of 2009-06-01").out;
  CAPTURE(out);
  // The long ids are whole, each on a line of its own, and the figures that follow line up.
  CHECK(out.find("\n  goal-with-a-very-long-identifier-indeed\n") != std::string::npos);
  CHECK(out.find("\n  a-section-whose-id-is-longer-than-the-column\n") != std::string::npos);
  std::vector<std::size_t> percent_columns;
  for (const std::string& l : lines(out))
    if (l.find("% ") != std::string::npos && l.find("as of") == std::string::npos)
      percent_columns.push_back(column_of(l, "%"));
  REQUIRE(percent_columns.size() >= 3);
  for (std::size_t c : percent_columns) CHECK(c == percent_columns.front());
}

TEST_CASE("terminal: trace lines up the percent and status columns for nested rows and long ids") {
  for (const std::string& out :
       {shipped("COLUMNS=100", "trace G1 --as-of 2009-06-01"),
        TempPlan(kLongIds).run("NO_COLOR=1 COLUMNS=100", "trace G1 --as-of 2009-06-01").out}) {
    CAPTURE(out);
    std::vector<std::string> rows;
    for (const std::string& l : lines(out))
      if (l.find('%') != std::string::npos) rows.push_back(l);
    REQUIRE(rows.size() >= 3);
    for (const std::string& r : rows) {
      CAPTURE(r);
      CHECK(column_of(r, "%") == column_of(rows.front(), "%"));
    }
  }
}

TEST_CASE("terminal: without a terminal or COLUMNS nothing is cut") {
  TempPlan p(kLongIds);
  const auto r = p.run("NO_COLOR=1", "status --as-of 2009-06-01");
  CHECK(r.out.find("An activity whose title goes on and on past any terminal's width, surely") !=
        std::string::npos);
  CHECK(r.out.find("A goal with a title long enough to need cutting in a narrow terminal window") !=
        std::string::npos);
  CHECK(r.out.find("…") == std::string::npos);
  CHECK(shipped("", "list --as-of 2009-06-01").find("…") == std::string::npos);
  // With COLUMNS set, it is the width.
  CHECK(p.run("NO_COLOR=1 COLUMNS=60", "status --as-of 2009-06-01").out.find("…") !=
        std::string::npos);
}

TEST_CASE("terminal: after the period, status says it ended") {
  const std::string after = shipped("COLUMNS=100", "status --as-of 2010-03-01 --lang en");
  CHECK(after.find("period ended 2009-12-31") != std::string::npos);
  CHECK(after.find("00% of the period") == std::string::npos);
  CHECK(shipped("COLUMNS=100", "status --as-of 2008-12-01 --lang en")
            .find("period starts 2009-01-01") != std::string::npos);
  CHECK(shipped("COLUMNS=100", "status --as-of 2009-12-31 --lang en")
            .find("99% of the period gone") != std::string::npos);
}

TEST_CASE("terminal: show prints every field whole, with multi-line notes indented") {
  TempPlan p(
      std::string(kLongIds) +
      "  - id: s2\n    title: S2\n    activities:\n"
      "      - id: noted\n"
      "        title: A title that is much longer than sixty columns and must be shown whole by "
      "show\n"
      "        targets: [T1]\n"
      "        notes: |\n          First line of the notes.\n          Second line, also whole.\n");
  const std::string out = p.run("NO_COLOR=1 COLUMNS=60", "show noted --as-of 2009-06-01").out;
  CAPTURE(out);
  CHECK(
      out.find("A title that is much longer than sixty columns and must be shown whole by show") !=
      std::string::npos);
  CHECK(out.find("  notes              │ First line of the notes.\n"
                 "                     │ Second line, also whole.\n") != std::string::npos);
  CHECK(out.find("…") == std::string::npos);
}

namespace {
// Terminal escapes, a bell, C1 controls and line breaks of every kind, in ids, titles,
// notes and owners; each line break is followed by a GitHub workflow command.
const char* kHostile =
    "plan: {title: \"Plan \\e[2J\\e]52;c;aGk=\\a\", period: {start: 2009-01-01, end: 2009-12-31}}\n"
    "goals:\n"
    "  - {id: G1, title: \"Goal\\n::error file=README.md,line=1::planted\"}\n"
    "  - {id: \"G2\\e[1A\", title: \"Goal \\x9b2J two\\r::add-mask::secret\"}\n"
    "targets:\n"
    "  - {id: T1, title: \"Target\\N::warning::nel\\L::notice::ls\\P::debug::ps\", goals: [G1, "
    "\"G2\\e[1A\"]}\n"
    "sections:\n"
    "  - id: s\n"
    "    title: \"Section \\e]8;;http://example.org\\e\\\\link\\e]8;;\\e\\\\\"\n"
    "    activities:\n"
    "      - id: \"a\\x7f1\"\n"
    "        title: \"Activity \\e[31mred\"\n"
    "        targets: [T1, \"T9\\n::error::unknown\"]\n"
    "        owner: \"Dana\\u2028::add-mask::x\"\n"
    "        due: 2009-02-01\n"
    "        notes: \"one\\n::error::two\\e[0m\"\n";

// What a terminal or a CI log would act on: a control character other than the line
// feed, DEL, C1, LS or PS, or a line that starts (after spaces) with a workflow command.
std::string first_raw(const std::string& out) {
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if ((c < 0x20 && c != '\n') || c == 0x7F)
      return "byte " + std::to_string(c) + " at " + std::to_string(i);
    if (c == 0xC2 && i + 1 < out.size() && static_cast<unsigned char>(out[i + 1]) < 0xA0)
      return "C1 at " + std::to_string(i);
    if (out.compare(i, 3, "\xe2\x80\xa8") == 0 || out.compare(i, 3, "\xe2\x80\xa9") == 0)
      return "LS/PS at " + std::to_string(i);
  }
  for (const std::string& l : lines(out + "\n")) {
    const std::size_t start = l.find_first_not_of(" \t");
    if (start != std::string::npos && l.compare(start, 2, "::") == 0)
      return "a line starts with '::': " + l;
  }
  return "";
}
}  // namespace

TEST_CASE("terminal: control characters and line breaks in plan text are shown escaped") {
  TempPlan p(kHostile);
  // Text outputs only: JSON escapes C0 itself, and its test is a strict parse.
  for (const char* args : {"status --as-of 2009-06-01", "check", "check --strict",
                           "show \"$(printf 'a\\1771')\"", "show G1", "show T1", "show s",
                           "trace G1", "trace T1", "trace s", "trace \"$(printf 'a\\1771')\"",
                           "list", "render --format html --output out.html", "show nosuch"}) {
    for (const char* columns : {"COLUMNS=40", "COLUMNS=100", ""}) {
      const auto r = p.run(std::string("NO_COLOR=1 ") + columns, std::string(args) + " 2>&1");
      CAPTURE(args);
      CAPTURE(columns);
      CAPTURE(r.out);
      CHECK(r.out.size() > 20);
      CHECK(first_raw(r.out) == "");
    }
  }
  // The escapes are visible, not dropped.
  const std::string status = p.run("NO_COLOR=1 COLUMNS=200", "status --as-of 2009-06-01 2>&1").out;
  CHECK(status.find("Plan \\e[2J\\e]52;c;aGk=\\x07") != std::string::npos);
  CHECK(status.find("G2\\e[1A") != std::string::npos);
  CHECK(status.find("Goal\\n::error file=README.md,line=1::planted") != std::string::npos);
  CHECK(status.find("\\u009b2J") != std::string::npos);
  const std::string check = p.run("NO_COLOR=1", "check 2>&1").out;
  CHECK(check.find("T9\\n::error::unknown") != std::string::npos);
  const std::string show = p.run("NO_COLOR=1", "show T1 2>&1").out;
  CHECK(show.find("Target\\u0085::warning::nel\\u2028::notice::ls\\u2029::debug::ps") !=
        std::string::npos);
}

TEST_CASE("terminal: list keeps long ids whole on a line of their own and fits 60, 80, 120") {
  TempPlan p(kLongIds);
  for (int columns : {60, 80, 120}) {
    const std::string env = "NO_COLOR=1 COLUMNS=" + std::to_string(columns);
    for (const std::string& out : {p.run(env, "list --as-of 2009-06-01").out,
                                   shipped(env, "list --as-of 2009-06-01 --lang en")}) {
      CAPTURE(columns);
      CAPTURE(out);
      // Every row's DONE cell ends in the same column as the header's, whatever the id.
      const std::vector<std::string> all = lines(out);
      REQUIRE(all.size() > 3);
      const std::size_t done = column_of(all[0], "DONE") + 3;
      for (const std::string& l : all) {
        CAPTURE(l);
        CHECK(plan::display_width(l) <= static_cast<std::size_t>(columns));
        if (l.find('%') != std::string::npos) CHECK(column_of(l, "%") == done);
      }
    }
    const std::string out = p.run(env, "list --as-of 2009-06-01").out;
    CHECK(out.find("\nan-activity-with-a-long-id.1\n") != std::string::npos);
    CHECK(out.find("\nan-activity-with-a-long-id.1.1\n") != std::string::npos);
  }
  // The shipped plan has no owners and no due dates: no empty columns, and at 60 columns its
  // ids still fit their column.
  const std::string narrow = shipped("COLUMNS=60", "list --as-of 2009-06-01 --lang en");
  CHECK(narrow.rfind("ID                STATUS       DONE TITLE\n", 0) == 0);
  CHECK(narrow.find("\naccompaniment.1   planned        0% ") != std::string::npos);
  // In a pipe nothing is cut: not the ids, not the titles, not the owners.
  TempPlan owned(std::string(kLongIds) +
                 "  - id: s2\n    title: S2\n    activities:\n"
                 "      - {id: o1, title: Owned, targets: [T1], owner: A person with a rather "
                 "long name indeed}\n");
  const std::string pipe = owned.run("NO_COLOR=1", "list --as-of 2009-06-01").out;
  CAPTURE(pipe);
  CHECK(pipe.find("…") == std::string::npos);
  CHECK(pipe.find("An activity whose title goes on and on past any terminal's width, surely") !=
        std::string::npos);
  CHECK(pipe.find("A person with a rather long name indeed Owned") != std::string::npos);
  for (int columns : {60, 80}) {
    const std::string cut =
        owned.run("NO_COLOR=1 COLUMNS=" + std::to_string(columns), "list --as-of 2009-06-01").out;
    CAPTURE(cut);
    for (const std::string& l : lines(cut)) CHECK(plan::display_width(l) <= std::size_t(columns));
    CHECK(cut.find("Owned") != std::string::npos);  // the title keeps room beside the owner
  }
}

TEST_CASE("terminal: list's did you mean shows the plan's ids escaped") {
  TempPlan p(
      "plan: {title: P, period: {start: 2009-01-01, end: 2009-12-31}}\n"
      "goals: [{id: G1, title: G}]\n"
      "targets: [{id: T1, title: T, goals: [G1]}]\n"
      "sections:\n  - id: \"sect\\e\"\n    title: S\n    activities:\n"
      "      - {id: a1, title: A, targets: [T1]}\n");
  const auto r = p.run("NO_COLOR=1", "list --section sect 2>&1");
  CHECK(r.status == 2);
  CHECK(r.out == "plan: no section has id 'sect'; did you mean 'sect\\e'?\n");
  const auto typed = p.run("NO_COLOR=1", "list --target \"$(printf 'T\\033[2J')\" 2>&1");
  CHECK(typed.out.find("'T\\e[2J'") != std::string::npos);
  CHECK(first_raw(typed.out) == "");
}

// Right-to-left text in a terminal: reordered by us (tmux, like xterm.js, never reorders) in
// FriBidi's order, the terminal switched to explicit mode around it, logical order elsewhere.
namespace {
// The text without directional marks and isolates (a terminal shows them as nothing, or
// not at all).
std::string without_controls(std::string s) {
  for (const char* c : {"\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
                        "\u2066", "\u2067", "\u2068", "\u2069"})
    for (std::size_t at; (at = s.find(c)) != std::string::npos;) s.erase(at, 3);
  return s;
}

std::string trimmed(const std::string& s) {
  const std::size_t b = s.find_first_not_of(' ');
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

// GNU FriBidi's own reordering of each line (its command line, from libfribidi-bin).
std::vector<std::string> fribidi_lines(const std::string& logical) {
  // A file of this process's own: the test cases run in parallel, each in a process.
  const std::string in = plan::test::artifact("fribidi-in-" + std::to_string(::getpid()) + ".txt");
  std::ofstream(in, std::ios::binary) << logical;
  return lines(run("fribidi --nopad --nobreak --reordernsm --clean < " + in));
}

// The screen tmux keeps after running `plan ARGS` on the shipped plan, ENV set.
std::vector<std::string> tmux_screen(const std::string& env, const std::string& args) {
  // A server of its own each time: the last one may still be on its way out when the next
  // starts, on a loaded machine.
  static int calls = 0;
  const std::string server =
      "plan-bidi-" + std::to_string(::getpid()) + "-" + std::to_string(++calls);
  const std::string tmux = "tmux -u -L " + server + " ";
  const std::string cmd = "env -u NO_COLOR -u PLAN_BIDI TERM=xterm-256color LC_ALL=C.UTF-8 " + env +
                          " " + PLAN_BINARY + " --plan " + PLAN_SOURCE_DIR + "/plan " + args +
                          "; echo __END__; sleep 60";
  run(tmux + "new-session -d -x 120 -y 120 \"" + cmd + "\" 2>&1");
  std::string screen;
  for (int i = 0; i < 600 && screen.find("__END__") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    screen = run(tmux + "capture-pane -p -S -200 2>&1");
  }
  run(tmux + "kill-server 2>&1");
  REQUIRE(screen.find("__END__") != std::string::npos);
  std::vector<std::string> rows = lines(screen);
  while (!rows.empty() && rows.front().empty()) rows.erase(rows.begin());
  return rows;
}

// `plan ARGS` on the shipped plan to a pipe, 120 columns like the tmux window.
std::string shipped_piped(const std::string& args) {
  return run("env -u NO_COLOR -u PLAN_BIDI TERM=xterm-256color LC_ALL=C.UTF-8 COLUMNS=120 " +
             std::string(PLAN_BINARY) + " --plan " + PLAN_SOURCE_DIR + "/plan " + args);
}

// Checks that each row tmux shows is FriBidi's order of the same line of `logical`, and that
// the right-to-left ones were reordered; returns how many were right to left.
std::size_t rows_in_visual_order(const std::string& logical,
                                 const std::vector<std::string>& screen) {
  const std::vector<std::string> expected = fribidi_lines(logical);
  REQUIRE(screen.size() > expected.size());  // and the __END__ line
  std::size_t reordered = 0;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    // Right-to-left lines are right-aligned on the screen; FriBidi was asked not to pad.
    CHECK(trimmed(screen[i]) == trimmed(expected[i]));
    if (plan::has_rtl(lines(logical)[i])) {
      ++reordered;
      CHECK(trimmed(screen[i]) != trimmed(without_controls(lines(logical)[i])));
    }
  }
  return reordered;
}

const char* kStatusArgs = "status --as-of 2009-06-01 --color never";
}  // namespace

TEST_CASE("terminal: tmux shows the shipped plan's Hebrew in FriBidi's visual order") {
  REQUIRE(plan::test::have("tmux"));
  REQUIRE_MESSAGE(plan::test::have("fribidi"), "fribidi (libfribidi-bin) is the oracle");
  const std::string logical = shipped_piped(kStatusArgs);
  REQUIRE(plan::has_rtl(logical));
  CHECK(rows_in_visual_order(logical, tmux_screen("", kStatusArgs)) >= 3);  // goals' titles
}

TEST_CASE("terminal: tmux shows trace of the shipped plan in Hebrew, in FriBidi's visual order") {
  REQUIRE(plan::test::have("tmux"));
  REQUIRE_MESSAGE(plan::test::have("fribidi"), "fribidi (libfribidi-bin) is the oracle");
  // An activity: its section and parent above, the targets and goals it counts towards below.
  const char* args = "trace accompaniment.3.6 --as-of 2009-06-01 --color never";
  const std::string logical = shipped_piped(args);
  CAPTURE(logical);
  // The plan's language: Hebrew words, every line a right-to-left paragraph.
  CHECK(logical.find("נספרת ביעדים:") != std::string::npos);
  CHECK(logical.find("counts towards") == std::string::npos);
  const std::vector<std::string> expected = fribidi_lines(logical);
  const std::vector<std::string> screen = tmux_screen("", args);
  REQUIRE(screen.size() > expected.size());  // and the __END__ line
  std::size_t reordered = 0;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    CHECK(trimmed(screen[i]) == trimmed(expected[i]));
    if (plan::has_rtl(lines(logical)[i])) {
      ++reordered;
      CHECK(trimmed(screen[i]) != trimmed(without_controls(lines(logical)[i])));
      // Right-aligned, as a Hebrew reader reads a screen: the line ends at the last column
      // but for its indent (spaces, which tmux leaves out of the capture at a row's end).
      const std::size_t indent = without_controls(lines(logical)[i]).find_first_not_of(' ');
      CHECK(plan::display_width(screen[i]) + indent >= 119);
    }
  }
  CHECK(reordered >= 6);  // every line but the blank one
  // The goal's title as FriBidi shows it on its own, on the goal's row.
  CHECK(screen[6].find(plan::visual_line("טיפוח הרעיון השיתופי")) != std::string::npos);
}

TEST_CASE("terminal: tmux shows a writing command's Hebrew refusals in visual order") {
  REQUIRE(plan::test::have("tmux"));
  REQUIRE_MESSAGE(plan::test::have("fribidi"), "fribidi (libfribidi-bin) is the oracle");
  // Messages on stderr go through the one writer for people, as the tables do.
  for (const char* args : {"set general.1 status=don 2>&1", "set G1 status=done 2>&1"}) {
    CAPTURE(args);
    const std::string logical = shipped_piped(std::string("--lang he ") + args);
    CAPTURE(logical);
    REQUIRE(plan::has_rtl(logical));
    CHECK(rows_in_visual_order(logical, tmux_screen("", std::string("--lang he ") + args)) >= 1);
  }
}

TEST_CASE("terminal: trace and show take --lang, before or after the command's name") {
  const std::string en = shipped_piped("trace G1 --as-of 2009-06-01 --lang en");
  CHECK(en.rfind("goal G1 ", 0) == 0);
  CHECK(en.find("\u200f") == std::string::npos);
  CHECK(shipped_piped("--lang en show G1 --as-of 2009-06-01").rfind("goal G1\n", 0) == 0);
  // The plan's language without --lang; an English plan with --lang he mirrors.
  CHECK(shipped_piped("show G1 --as-of 2009-06-01").rfind("\u200fמטרה \u2066G1\u2069\n", 0) == 0);
  const std::string he = run(
      std::string("env -u PLAN_BIDI LC_ALL=C.UTF-8 ") + PLAN_BINARY + " --plan " + PLAN_SOURCE_DIR +
      "/tests/golden/status-english/plan --lang he trace G1 --as-of 2009-06-01");
  CHECK(he.rfind("\u200fמטרה \u2066G1\u2069 ", 0) == 0);
  // One option for the labels and the messages: the help lists it once.
  const std::string help = run(std::string(PLAN_BINARY) + " trace --help");
  const std::size_t first = help.find("--lang");
  REQUIRE(first != std::string::npos);
  CHECK(help.find("--lang", first + 1) == std::string::npos);
}

TEST_CASE("terminal: with --bidi logical or PLAN_BIDI=logical tmux shows the logical order") {
  REQUIRE(plan::test::have("tmux"));
  const std::vector<std::string> logical = lines(shipped_piped(kStatusArgs));
  for (const auto& [env, args] :
       {std::pair<std::string, std::string>{"", std::string(kStatusArgs) + " --bidi logical"},
        {"PLAN_BIDI=logical", kStatusArgs},
        {"PLAN_BIDI=visual", std::string("--bidi logical ") + kStatusArgs}}) {
    CAPTURE(env);
    CAPTURE(args);
    const std::vector<std::string> screen = tmux_screen(env, args);
    REQUIRE(screen.size() > logical.size());
    for (std::size_t i = 0; i < logical.size(); ++i)
      CHECK(trimmed(without_controls(screen[i])) == trimmed(without_controls(logical[i])));
  }
}

namespace {
// What `plan` writes to a terminal, byte for byte: util-linux `script` runs it on a
// pseudo-terminal (which turns "\n" into "\r\n") and passes the raw output on.
std::string through_a_terminal(const std::string& command) {
  return run(
      "script -qec \"env -u NO_COLOR -u PLAN_BIDI TERM=xterm-256color LC_ALL=C.UTF-8 "
      "COLUMNS=80 " +
      command + "\" /dev/null");
}

bool ends_with(const std::string& s, const std::string& end) {
  return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = 0; (at = s.find(what, at)) != std::string::npos; at += what.size()) ++n;
  return n;
}
}  // namespace

TEST_CASE("terminal: to a terminal the output is bracketed by CSI 8 l and CSI 8 h") {
  REQUIRE(plan::test::have("script"));
  const std::string plan_status =
      std::string(PLAN_BINARY) + " --plan " + PLAN_SOURCE_DIR + "/plan status --as-of 2009-06-01";
  const std::string raw = through_a_terminal(plan_status);
  CAPTURE(raw);
  CHECK(raw.rfind("\x1b[8l", 0) == 0);   // explicit mode before the first byte
  CHECK(ends_with(raw, "\r\n\x1b[8h"));  // implicit mode again after the last
  CHECK(count(raw, "\x1b[8l") == 1);
  // The text between is in visual order: the right-to-left lines are FriBidi's.
  std::string text = raw.substr(4, raw.size() - 8);
  for (std::size_t at; (at = text.find('\r')) != std::string::npos;) text.erase(at, 1);
  CHECK(text.find("\x1b[8") == std::string::npos);
  CHECK(plan::has_rtl(text));
  CHECK(text.find("\u2068") == std::string::npos);  // no isolates left

  // Asked for logical order, or with nothing right-to-left to write: no brackets at all.
  CHECK(through_a_terminal(plan_status + " --bidi logical").find("\x1b[8") == std::string::npos);
  const std::string english =
      through_a_terminal(std::string(PLAN_BINARY) + " --plan " + PLAN_SOURCE_DIR +
                         "/tests/golden/status-english/plan status --as-of 2009-06-01");
  CHECK(english.find("Check:") != std::string::npos);
  CHECK(english.find("\x1b[8") == std::string::npos);
}

TEST_CASE("terminal: a pipe gets logical order and no CSI 8, even with --bidi visual") {
  const std::string piped = shipped_piped(kStatusArgs);
  CHECK(piped.find("\x1b[8") == std::string::npos);
  CHECK(piped.find("\u2068") != std::string::npos);  // the isolates for a viewer's UBA
  const std::string visual = shipped_piped(std::string(kStatusArgs) + " --bidi visual");
  CHECK(visual.find("\x1b[8") == std::string::npos);
  CHECK(visual == plan::visual_text(piped, 120));
  CHECK(visual != piped);
}
