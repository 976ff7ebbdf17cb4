// `plan trace` and `plan show` in the labels' language, and their mirrored layout in a
// right-to-left one (issue 18, part 2).
#include <doctest/doctest.h>

#include <sstream>

#include "helpers.hpp"
#include "render/json_sink.hpp"
#include "render/navigation_text.hpp"
#include "render/report.hpp"
#include "render/templates.hpp"
#include "render/terminal_labels.hpp"

namespace plan {

namespace {
TerminalLabels builtin_labels(const std::string& language) {
  std::vector<std::string> used;
  plan::Message error;
  const Json words = TemplateSet("").labels(language, used, error);
  REQUIRE(error.empty());
  return terminal_labels(words);
}

const TerminalLabels& hebrew() {
  static const TerminalLabels he = builtin_labels("he");
  return he;
}

// A goal no target serves (G2), an activity that counts towards nothing (a3), one that
// inherits its parent's target (a1.1), an owner, a due date and a measure.
const char* kPlan =
    "plan:\n"
    "  title: תוכנית בדיקה\n"
    "  language: he\n"
    "  period: {start: 2009-01-01, end: 2009-12-31}\n"
    "goals:\n"
    "  - {id: G1, title: טיפוח הרעיון}\n"
    "  - {id: G2, title: מטרה בלי יעד}\n"
    "targets:\n"
    "  - {id: T1, title: יעד, goals: [G1]}\n"
    "  - {id: T2, title: יעד שני, goals: [G1]}\n"
    "sections:\n"
    "  - id: general\n"
    "    title: כללי\n"
    "    activities:\n"
    "      - id: a1\n"
    "        title: פעילות\n"
    "        targets: [T1, T2]\n"
    "        status: in-progress\n"
    "        owner: דנה\n"
    "        due: 2009-03-01\n"
    "        measure: {unit: מפגשים, planned: 4, actual: 2}\n"
    "        activities:\n"
    "          - {id: a1.1, title: משנה, status: done}\n"
    "      - {id: a3, title: בלי יעד, status: planned}\n";

struct Measured {
  std::unique_ptr<MeasuredPlan> m;
  const PlanIndex& ix() const { return *m->checked->index; }
  const ItemRef& item(const char* id) const {
    const ItemRef* r = ix().find(id);
    REQUIRE(r);
    return *r;
  }
};

Measured measured() {
  Measured out{test::measure_text(kPlan)};
  REQUIRE(out.m);
  return out;
}

std::string trace(const Measured& p, const char* id, std::size_t width, bool rtl) {
  const TextLayout layout{width, Style{}, rtl, rtl ? &hebrew() : nullptr};
  return render_trace_text(p.ix(), p.m->stats, p.item(id), layout);
}

std::string show(const Measured& p, const char* id, bool rtl) {
  JsonTreeSink tree;
  const ItemRef& item = p.item(id);
  write_item(tree, p.ix(), p.m->stats, item);
  const TextLayout layout{80, Style{}, rtl, rtl ? &hebrew() : nullptr};
  return render_show_text(tree.result, item.kind, layout);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

void every_line_mirrored(const std::string& out) {
  REQUIRE(!out.empty());
  for (const std::string& line : lines_of(out))
    if (!line.empty()) CHECK_MESSAGE(line.rfind("\u200F", 0) == 0, line);
}

bool has(const std::string& out, const std::string& what) {
  return out.find(what) != std::string::npos;
}
}  // namespace

TEST_CASE("the navigation words are read from he.json, and English is the default") {
  const NavigationWords& he = hebrew().navigation;
  CHECK(he.kind(ItemKind::goal) == "מטרה");
  CHECK(he.kind(ItemKind::activity) == "פעילות");
  CHECK(he.field("owner") == "אחראי");
  CHECK(he.field("effective_targets") == "יעדים בפועל");
  CHECK(he.field("no-such-key") == "no-such-key");  // a key without a name shows as it is
  const NavigationWords defaults, en = builtin_labels("en").navigation;
  CHECK(en.kind(ItemKind::target) == defaults.kind(ItemKind::target));
  CHECK(en.counts_towards_inherited == defaults.counts_towards_inherited);
  CHECK(en.measure == defaults.measure);
  for (const auto& [key, name] : en.fields) CHECK(name == key);  // English shows the keys
  CHECK(defaults.field("owner") == "owner");
}

TEST_CASE("a right-to-left trace of a goal starts every line with RLM and isolates every cell") {
  const Measured p = measured();
  const std::string out = trace(p, "G1", 80, true);
  CAPTURE(out);
  every_line_mirrored(out);
  CHECK(has(out, "\u200Fמטרה \u2066G1\u2069 "));
  CHECK(has(out, "\u200F  יעד \u2066T1\u2069 "));
  CHECK(has(out, "פעילות \u2066a1.1\u2069"));
  CHECK(has(out, "\u2066100%\u2069 בוצע "));  // the figure a cell, the status in Hebrew
  CHECK(has(out, "\u2068טיפוח הרעיון\u2069"));
  for (const char* english : {"goal", "target", "activity", "done", "in-progress"})
    CHECK_MESSAGE(!has(out, english), english);
  // A goal no target serves says so in Hebrew.
  CHECK(has(trace(p, "G2", 80, true), "\u200F  (אין יעד המשרת מטרה זו)\n"));
}

TEST_CASE("a right-to-left trace of an activity names what it counts towards in Hebrew") {
  const Measured p = measured();
  const std::string inherited = trace(p, "a1.1", 80, true);
  CAPTURE(inherited);
  every_line_mirrored(inherited);
  CHECK(has(inherited, "\n\u200Fנספרת ביעדים (בירושה מפעילות האם):\n"));
  CHECK(has(inherited, "\u200Fפרק \u2066general\u2069 "));
  const std::string none = trace(p, "a3", 80, true);
  CHECK(has(none, "\n\u200Fנספרת ביעדים:\n"));
  CHECK(has(none, "\u200F  (אין יעדים)\n"));
  // English, as it always was: no marks, no isolates around the cells.
  const std::string english = trace(p, "a3", 80, false);
  CHECK(has(english, "\ncounts towards:\n  (no targets)\n"));
  CHECK(!has(english, "\u200F"));
  CHECK(!has(english, "\u2066"));
}

TEST_CASE("a right-to-left trace fits the width down to 60 columns, its columns in line") {
  const Measured p = measured();
  for (std::size_t width : {60u, 80u, 120u}) {
    CAPTURE(width);
    std::size_t percent_at = 0;
    for (const char* id : {"G1", "T1", "general", "a1.1"})
      for (const std::string& line : lines_of(trace(p, id, width, true))) {
        CAPTURE(line);
        CHECK(display_width(line) <= width);
        const std::size_t at = line.find("%\u2069");
        if (at == std::string::npos) continue;
        const std::size_t column = display_width(line.substr(0, at));
        if (percent_at == 0) percent_at = column;
        CHECK(column == percent_at);
      }
  }
}

TEST_CASE("a right-to-left show names each field in Hebrew and isolates each value") {
  const Measured p = measured();
  const std::string out = show(p, "a1", true);
  CAPTURE(out);
  every_line_mirrored(out);
  CHECK(has(out, "\u200Fפעילות \u2066a1\u2069\n"));
  CHECK(has(out, "\u200F  כותרת             \u2068פעילות\u2069\n"));
  CHECK(has(out, "  מצב               בביצוע\n"));
  CHECK(has(out, "  באיחור            כן\n"));  // due 2009-03-01, as of 2009-06-01
  CHECK(has(out, "  יעדים             \u2066T1\u2069, \u2066T2\u2069\n"));  // each id a cell
  CHECK(has(out, "  אחראי             \u2068דנה\u2069\n"));
  CHECK(has(out, "  מועד              \u20662009-03-01\u2069\n"));
  CHECK(has(out, "  מדד               \u20662\u2069 מתוך \u20664\u2069 \u2068מפגשים\u2069\n"));
  CHECK(has(out, "  פעילויות          \u2066a1.1\u2069\n"));
  for (const char* key : {"title", "status", "owner", "due", "measure", "file", " yes"})
    CHECK_MESSAGE(!has(out, key), key);
  const std::string goal = show(p, "G1", true);
  CAPTURE(goal);
  CHECK(has(goal, "  פעילויות לפי מצב  מתוכנן \u20660\u2069, בביצוע \u20661\u2069, "));
  CHECK(has(goal, ", סך הכול \u20661\u2069\n"));
}

TEST_CASE("a left-to-right show keeps the file's keys and marks nothing") {
  const Measured p = measured();
  const std::string out = show(p, "a1", false);
  CAPTURE(out);
  CHECK(out.rfind("activity a1\n", 0) == 0);
  CHECK(has(out, "\n  status             in-progress\n"));
  CHECK(has(out, "\n  overdue            yes\n"));
  CHECK(has(out, "\n  targets            T1, T2\n"));
  CHECK(has(out, "\n  measure            \u20682 of 4 מפגשים\u2069\n"));  // isolated whole
  CHECK(!has(out, "\u200F"));
  CHECK(!has(out, "\u2066"));
}

}  // namespace plan
