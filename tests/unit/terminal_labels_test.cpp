// The terminal's words in the labels' language, and the mirrored layout of a right-to-left
// language (issue 18, part 2).
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include "helpers.hpp"
#include "render/status_text.hpp"
#include "render/templates.hpp"
#include "render/terminal_labels.hpp"
#include "stats/staleness.hpp"

namespace plan {

namespace {
Json labels_file(const std::string& language) {
  std::ifstream in(std::string(PLAN_SOURCE_DIR) + "/templates/labels/" + language + ".json");
  std::stringstream text;
  text << in.rdbuf();
  return Json::parse(text.str());
}

// Every key path of `j`, "terminal.pace.ahead" style, with the kind of its value.
void key_paths(const Json& j, const std::string& prefix, std::vector<std::string>& out) {
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string path = prefix + it.key();
    out.push_back(path + (it->is_object() ? "{}" : ""));
    if (it->is_object()) key_paths(*it, path + ".", out);
  }
}

TerminalLabels builtin(const std::string& language) {
  std::vector<std::string> used;
  plan::Message error;
  const Json words = TemplateSet("").labels(language, used, error);
  REQUIRE(error.empty());
  return terminal_labels(words);
}

const char* kHebrewPlan =
    "plan:\n"
    "  title: תוכנית בדיקה\n"
    "  language: he\n"
    "  period: {start: 2009-01-01, end: 2009-12-31}\n"
    "goals:\n"
    "  - {id: G1, title: טיפוח הרעיון}\n"
    "targets:\n"
    "  - {id: T1, title: יעד, goals: [G1]}\n"
    "sections:\n"
    "  - id: general\n"
    "    title: כללי\n"
    "    activities:\n"
    "      - {id: a1, title: פעילות, targets: [T1], status: done}\n"
    "      - {id: a2, title: שנייה, targets: [T1], status: planned, due: 2009-03-01}\n";

std::string hebrew_status(std::size_t width) {
  auto m = test::measure_text(kHebrewPlan);
  REQUIRE(m);
  static const TerminalLabels he = builtin("he");
  TextLayout layout{width, Style{}, true, &he};
  return render_status_text(*m->checked->index, m->stats, m->summary(), layout);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}
}  // namespace

TEST_CASE("the Hebrew labels have every key the English ones have, and no other") {
  std::vector<std::string> en, he;
  key_paths(labels_file("en"), "", en);
  key_paths(labels_file("he"), "", he);
  std::sort(en.begin(), en.end());
  std::sort(he.begin(), he.end());
  CHECK(en == he);
  CHECK(std::find(en.begin(), en.end(), "terminal{}") != en.end());
}

TEST_CASE("the built-in English terminal labels are the defaults the renderers had") {
  const TerminalLabels en = builtin("en"), defaults;
  CHECK(en.goals == defaults.goals);
  CHECK(en.check == defaults.check);
  CHECK(en.errors.other == defaults.errors.other);
  CHECK(en.status_word(Status::in_progress) == "in-progress");
  CHECK(en.counted_word(Status::in_progress) == "in progress");
}

TEST_CASE("the built-in English words of diff and history are the struct's defaults") {
  const ChangeWords en = builtin("en").changes, d;
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {en.plan, d.plan},
      {en.points, d.points},
      {en.sides, d.sides},
      {en.working_tree, d.working_tree},
      {en.at, d.at},
      {en.in_working_tree, d.in_working_tree},
      {en.unread.one, d.unread.one},
      {en.unread.other, d.unread.other},
      {en.not_loaded, d.not_loaded},
      {en.targets, d.targets},
      {en.added, d.added},
      {en.removed, d.removed},
      {en.changed, d.changed},
      {en.change, d.change},
      {en.field_status, d.field_status},
      {en.field_measure, d.field_measure},
      {en.field_percent, d.field_percent},
      {en.field_due, d.field_due},
      {en.errors, d.errors},
      {en.new_error, d.new_error},
      {en.fixed_error, d.fixed_error},
      {en.nothing, d.nothing},
      {en.gap, d.gap},
      {en.no_commits, d.no_commits}};
  for (const auto& [file, builtin_default] : pairs) CHECK(file == builtin_default);
  const ChangeWords he = builtin("he").changes;
  CHECK(he.working_tree == "עותק העבודה");
  CHECK(he.field_due == "מועד");
  CHECK(fill_label(he.unread.of(3), {{"unread", "1"}, {"total", "3"}, {"where", "בעותק העבודה"}}) ==
        "1 מתוך 3 קבצים לא נקראו בעותק העבודה: הנתונים חלקיים");
}

TEST_CASE("the built-in English words of a workspace are the struct's defaults") {
  const WorkspaceWords en = builtin("en").workspace, d;
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {en.untitled, d.untitled},
      {en.units.one, d.units.one},
      {en.units.other, d.units.other},
      {en.not_counted_count.one, d.not_counted_count.one},
      {en.not_counted_count.other, d.not_counted_count.other},
      {en.not_counted, d.not_counted},
      {en.units_heading, d.units_heading},
      {en.late, d.late},
      {en.errors, d.errors},
      {en.stale, d.stale},
      {en.changed, d.changed},
      {en.not_counted_legend, d.not_counted_legend},
      {en.not_counted_why, d.not_counted_why},
      {en.stale_unit_legend, d.stale_unit_legend},
      {en.shared_goals, d.shared_goals},
      {en.no_shared_goals, d.no_shared_goals},
      {en.shared_goals_note, d.shared_goals_note},
      {en.served_by, d.served_by},
      {en.served_by_none, d.served_by_none},
      {en.serving_none, d.serving_none},
      {en.stale_activities, d.stale_activities},
      {en.stale_note, d.stale_note},
      {en.stale_unknown, d.stale_unknown},
      {en.history_not_read, d.history_not_read},
      {en.stale_unit, d.stale_unit},
      {en.days, d.days}};
  for (const auto& [file, builtin_default] : pairs) CHECK(file == builtin_default);
  const WorkspaceWords he = builtin("he").workspace;
  CHECK(he.units_heading == "יחידות");
  CHECK(he.units.of(1) == "יחידה אחת");
  CHECK(fill_label(he.units.of(4), {{"n", "4"}}) == "4 יחידות");
  CHECK(he.not_counted == "לא נספרה");
}

TEST_CASE("the Hebrew terminal labels are read from he.json, plurals included") {
  const TerminalLabels he = builtin("he");
  CHECK(he.goals == "מטרות");
  CHECK(he.errors.of(1) == "שגיאה אחת");
  CHECK(fill_label(he.errors.of(2), {{"n", "2"}}) == "2 שגיאות");
  CHECK(he.status_word(Status::in_progress) == "בביצוע");
}

TEST_CASE("a labels file without a terminal object keeps the English words") {
  const TerminalLabels l = terminal_labels(Json::parse(R"({"goals": "Ziele"})"));
  CHECK(l.goals == "Goals");
  const TerminalLabels partial =
      terminal_labels(Json::parse(R"({"terminal": {"goals": "Ziele", "errors": {"one": "1"}}})"));
  CHECK(partial.goals == "Ziele");
  CHECK(partial.errors.one == "1");
  CHECK(partial.errors.other == "{n} errors");
}

TEST_CASE("fill replaces named placeholders by the rules of messages") {
  CHECK(fill_label("{name} ({n})", {{"name", "Goals"}, {"n", "7"}}) == "Goals (7)");
  CHECK(fill_label("{x} and {", {{"n", "1"}}) == "{x} and {");
  // A label naming a placeholder the command does not give is shown as written, whole.
  CHECK(fill_label("{x} and {n}", {{"n", "1"}}) == "{x} and {n}");
  CHECK(fill_label("{{n}} is {n}", {{"n", "1"}}) == "{n} is 1");
}

TEST_CASE("isolates and marks take no cells") {
  CHECK(display_width("\u200F\u2066G1\u2069 \u2067██\u2069 \u2068א\u2069") == 7);
}

TEST_CASE("a right-to-left status starts every line with RLM and isolates every cell") {
  const std::string out = hebrew_status(80);
  for (const std::string& line : lines_of(out))
    if (!line.empty()) CHECK_MESSAGE(line.rfind("\u200F", 0) == 0, line);
  // The goal's row: its id and figures left to right, its bar right to left, its title
  // first-strong; Hebrew words for the headings.
  CHECK(out.find("\u2066G1\u2069") != std::string::npos);
  CHECK(out.find("\u2066 50%\u2069") != std::string::npos);
  CHECK(out.find("\u2067█████░░░░░\u2069") != std::string::npos);
  CHECK(out.find("\u20661/2\u2069") != std::string::npos);
  CHECK(out.find("\u2068טיפוח הרעיון\u2069") != std::string::npos);
  CHECK(out.find("מטרות (\u20661\u2069)") != std::string::npos);
  CHECK(out.find("בדיקה: ") != std::string::npos);
  CHECK(out.find("Goals") == std::string::npos);
  CHECK(out.find("Check") == std::string::npos);
}

TEST_CASE("a right-to-left status fits the width down to 60 columns") {
  for (std::size_t width : {60u, 80u, 120u})
    for (const std::string& line : lines_of(hebrew_status(width)))
      CHECK_MESSAGE(display_width(line) <= width, line);
}

TEST_CASE("a left-to-right status has no marks and no isolates around its cells") {
  auto m = test::measure_text(kHebrewPlan);
  REQUIRE(m);
  const std::string out =
      render_status_text(*m->checked->index, m->stats, m->summary(), TextLayout{80, Style{}});
  CHECK(out.find("\u200F") == std::string::npos);
  CHECK(out.find("\u2066") == std::string::npos);
  CHECK(out.find("\u2067") == std::string::npos);
  CHECK(out.find("Goals (1)") != std::string::npos);
}

TEST_CASE("the staleness note is said in the labels' language") {
  auto m = test::measure_text(kHebrewPlan);
  REQUIRE(m);
  static const TerminalLabels he = builtin("he");
  const TextLayout layout{120, Style{}, true, &he};
  Staleness st;
  st.note = "staleness not known: not in a git repository";
  st.no_repository = true;
  std::string out = render_status_text(*m->checked->index, m->stats, m->summary(), layout, &st);
  CHECK(out.find("staleness") == std::string::npos);
  CHECK(out.find("לא ידוע אילו פעילויות ללא עדכון: לא במאגר git") != std::string::npos);
  st = Staleness{};
  st.known = true;
  st.note = "staleness: a shallow clone, changes before 2009-05-01 are not known";
  st.shallow = true;
  st.boundary = "2009-05-01";
  out = render_status_text(*m->checked->index, m->stats, m->summary(), layout, &st);
  CHECK(out.find("שכפול רדוד, שינויים שלפני \u20662009-05-01\u2069 אינם ידועים") !=
        std::string::npos);
  // English words for an English layout, as the JSON's note says it.
  out =
      render_status_text(*m->checked->index, m->stats, m->summary(), TextLayout{120, Style{}}, &st);
  CHECK(out.find(st.note) != std::string::npos);
}

}  // namespace plan
