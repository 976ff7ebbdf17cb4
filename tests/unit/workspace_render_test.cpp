// What a workspace shows: the terminal table of `plan status`, its `--json`, and the
// roll-up summary's context and templates, over units measured from plans in memory and a
// roll-up written out by hand (the roll-up's own rules are tested in rollup_test.cpp).
#include <doctest/doctest.h>

#include <sstream>

#include "cli/workspace_output.hpp"
#include "helpers.hpp"
#include "pipeline/workspace.hpp"
#include "render/mustache_render.hpp"
#include "render/templates.hpp"
#include "render/terminal_text.hpp"
#include "render/workspace_context.hpp"
#include "render/workspace_report.hpp"
#include "render/workspace_text.hpp"

using namespace plan;
using namespace plan::test;

namespace {

const char* kHq =
    "plan:\n  title: Cooperative HQ\n  period: {start: 2009-01-01, end: 2009-12-31}\n"
    "goals:\n  - {id: G1, title: Grow the movement}\n  - {id: G2, title: Train coordinators}\n"
    "targets:\n  - {id: T1, title: Meetings, goals: [G1]}\n"
    "sections:\n  - id: S1\n    title: Work\n    activities:\n"
    "      - {id: A1, title: Hold a meeting, targets: [T1], status: in-progress, percent: 50}\n"
    "      - {id: A2, title: Another, targets: [T1], status: done, due: 2009-03-01}\n";

const char* kGalil =
    "plan:\n  title: גליל עליון\n  language: he\n  period: {start: 2009-01-01, end: 2009-12-31}\n"
    "goals:\n  - {id: L1, title: Local}\n"
    "targets:\n  - {id: T1, title: Regional meetings, goals: [L1]}\n"
    "sections:\n  - id: S1\n    title: Work\n    activities:\n"
    "      - {id: B1, title: Late one, targets: [T1], status: planned, due: 2009-02-01}\n";

const char* kNegev =
    "plan:\n  title: Negev team\n  period: {start: 2009-01-01, end: 2009-12-31}\n"
    "goals:\n  - {id: N1, title: Own}\n"
    "targets:\n  - {id: T1, title: Own target, goals: [N1]}\n"
    "sections:\n  - id: S1\n    title: Work\n    activities:\n"
    "      - {id: C1, title: Own work, targets: [T1], status: done}\n";

// Four units: hq (home of the shared goals), galil (serves hq:G1, a Hebrew title, not
// updated for long), broken (its folder could not be read: not counted) and negev
// (serves no shared goal).
struct Fixture {
  std::vector<std::unique_ptr<MeasuredPlan>> plans;
  Rollup rollup;
  std::vector<StaleActivity> hq_stale;
  Diagnostics ws_diags;
  std::vector<std::string> ws_files{"", "plans.yaml"};
  WorkspaceView view;

  Fixture() {
    plans.push_back(measure_text(kHq));
    plans.push_back(measure_text(kGalil));
    plans.push_back(nullptr);
    plans.push_back(measure_text(kNegev));
    const char* ids[] = {"hq", "galil", "broken", "negev"};
    const char* titles[] = {"Cooperative HQ", "גליל עליון", "Broken unit", "Negev team"};
    const char* paths[] = {"hq/plan", "units/galil/plan", "units/broken/plan", "units/negev/plan"};
    rollup.units.resize(4);
    for (std::size_t i = 0; i < 4; ++i) {
      WorkspaceUnitView u;
      u.id = ids[i];
      u.title = titles[i];
      u.path = paths[i];
      UnitFigures& f = rollup.units[i];
      if (plans[i]) {
        u.index = plans[i]->checked->index.get();
        u.stats = &plans[i]->stats;
        u.diagnostics = &plans[i]->checked->diags;
        f.counted = true;
        f.completion = plans[i]->stats.plan;
        f.pace = plans[i]->stats.pace;
        f.pace_mark = pace_mark(f.completion, f.pace);
        f.counts = plans[i]->stats.counts;
      }
      view.units.push_back(u);
    }
    hq_stale.push_back({0, "2009-04-01", 61});
    view.units[0].stale = &hq_stale;
    rollup.units[0].stale = 1;
    rollup.units[0].last_change = "2009-05-20";
    rollup.units[1].last_change = "2009-03-01";
    rollup.units[1].stale_unit = true;
    rollup.units[2].errors = 1;
    rollup.units[3].last_change = "2009-05-30";
    rollup.goals.push_back({0, 0, 0.4, {{0, {0}, 0.5}, {1, {0}, 0.25}, {2, {}, std::nullopt}}});
    rollup.goals.push_back({0, 1, std::nullopt, {}});
    rollup.serving_none = {3};
    rollup.movement = 0.4;
    view.title = "Movement plans 2009";
    view.file = "plans.yaml";
    view.as_of = parse_date("2009-06-01");
    view.rollup = &rollup;
    view.checks = {1, 0};
    view.diagnostics = &ws_diags;
    view.files = &ws_files;
  }
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::size_t count(const std::string& s, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = s.find(needle); at != std::string::npos; at = s.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("workspace status text: units, shared goals with contributors, serving none, stale") {
  Fixture fx;
  const std::string out = render_workspace_text(fx.view, TextLayout{kNoWidthLimit, Style{}});
  CAPTURE(out);
  CHECK(out.rfind("Movement plans 2009\n 40% ████░░░░░░  as of 2009-06-01 · 4 units, 1 not counted",
                  0) == 0);
  // A unit whose plan did not load shows no figure, and says so, never 0%.
  CHECK(out.find(
            "  broken    –             not counted    –    –   1     – –           Broken unit") !=
        std::string::npos);
  CHECK(out.find("not counted: its plan did not load whole") != std::string::npos);
  // galil has not changed its plan for longer than its stale_after: its date is marked.
  CHECK(out.find("2009-03-01*") != std::string::npos);
  CHECK(out.find("* no change to the plan for longer than its stale_after") != std::string::npos);
  // The Hebrew title is isolated, after the fixed columns.
  CHECK(out.find("\u2068גליל עליון\u2069") != std::string::npos);
  CHECK(out.find("Shared goals (2)") != std::string::npos);
  CHECK(out.find("  hq:G1  40% ████░░░░░░ Grow the movement") != std::string::npos);
  CHECK(out.find("served by hq 50% · galil 25% · broken not counted") != std::string::npos);
  CHECK(out.find("  hq:G2    –            Train coordinators") != std::string::npos);
  CHECK(out.find("no unit serves it") != std::string::npos);
  CHECK(out.find("Serving no shared goal (1)  negev") != std::string::npos);
  CHECK(out.find("Stale activities (1)") != std::string::npos);
  CHECK(out.find("A1 in progress 2009-04-01   61d Hold a meeting") != std::string::npos);
  // The counted units' activities: hq 2, galil 1, negev 1 (broken left out).
  CHECK(out.find("Activities (4)") != std::string::npos);
  CHECK(out.find("Check: 1 error, 0 warnings") != std::string::npos);
}

TEST_CASE("workspace status text fits 80 and 60 columns, every line") {
  Fixture fx;
  for (std::size_t width : {std::size_t{100}, std::size_t{80}, std::size_t{60}}) {
    CAPTURE(width);
    const std::string out = render_workspace_text(fx.view, TextLayout{width, Style{}});
    CAPTURE(out);
    for (const std::string& line : lines_of(out)) {
      CAPTURE(line);
      CHECK(display_width(line) <= width);
    }
    CHECK(out.find("not counted") != std::string::npos);
    CHECK(out.find("galil") != std::string::npos);
    CHECK(out.find("2009-03-01*") != std::string::npos);
  }
  // At 60 columns the bars go and each title gets a line of its own, above its figures.
  const std::string narrow = render_workspace_text(fx.view, TextLayout{60, Style{}});
  CHECK(narrow.find("█") == std::string::npos);
  CHECK(narrow.find("  negev Negev team\n") != std::string::npos);
}

TEST_CASE("workspace status text: colours only when asked, and no history said once") {
  Fixture fx;
  fx.view.history_note = "not in a git repository";
  const std::string plain = render_workspace_text(fx.view, TextLayout{kNoWidthLimit, Style{}});
  CHECK(plain.find('\x1b') == std::string::npos);
  CHECK(count(plain, "not in a git repository") == 1);
  CHECK(plain.find("Stale activities  not known: not in a git repository") != std::string::npos);
  // Not known is not none: the stale column shows no count.
  CHECK(plain.find("  1 2009-05-20") == std::string::npos);
  const std::string coloured =
      render_workspace_text(fx.view, TextLayout{kNoWidthLimit, Style{true}});
  CHECK(coloured.find("\x1b[31mnot counted") != std::string::npos);
}

TEST_CASE("workspace status text in Hebrew: the labels' words, mirrored, within the width") {
  Fixture fx;
  fx.view.history_note = "history not read";
  fx.view.history_not_read = true;
  std::vector<std::string> used;
  plan::Message error;
  const TerminalLabels he = terminal_labels(TemplateSet("").labels("he", used, error));
  REQUIRE(error.empty());
  for (std::size_t width : {kNoWidthLimit, std::size_t{120}, std::size_t{80}, std::size_t{60}}) {
    CAPTURE(width);
    const std::string out = render_workspace_text(fx.view, TextLayout{width, Style{}, true, &he});
    CAPTURE(out);
    for (const std::string& line : lines_of(out)) {
      CAPTURE(line);
      // Every line is a right-to-left paragraph of its own (RLM first; a blank line needs none).
      CHECK((line.empty() || line.rfind("\u200f", 0) == 0));
      if (width != kNoWidthLimit) CHECK(display_width(line) <= width);
    }
    CHECK(out.find("\u20664\u2069 יחידות") != std::string::npos);
    CHECK(out.find("אחת לא נספרה") != std::string::npos);
    CHECK(out.find("מטרות משותפות") != std::string::npos);
    CHECK(out.find("ההיסטוריה לא נקראה") != std::string::npos);
    CHECK(out.find("בדיקה: שגיאה אחת") != std::string::npos);
    // Ids and figures read left to right inside (LRI … PDI); no English word is left.
    CHECK(out.find("\u2066hq:G1\u2069") != std::string::npos);
    CHECK(out.find("\u20662009-06-01\u2069") != std::string::npos);
    for (const char* english : {"units", "Units", "Shared goals", "served by", "not counted",
                                "Stale activities", "history not read", "Check"})
      CHECK(out.find(english) == std::string::npos);
  }
  // A bar fills from the right (RLI … PDI) where there is room for one.
  const std::string wide = render_workspace_text(fx.view, TextLayout{120, Style{}, true, &he});
  CHECK(wide.find("\u2067████░░░░░░\u2069") != std::string::npos);
  // With history known, the stale activities are listed in the same words.
  fx.view.history_note.clear();
  fx.view.history_not_read = false;
  const std::string stale = render_workspace_text(fx.view, TextLayout{120, Style{}, true, &he});
  CAPTURE(stale);
  CHECK(stale.find("פעילויות שלא עודכנו (\u20661\u2069)") != std::string::npos);
  CHECK(stale.find("\u2066A1\u2069 בביצוע      \u20662009-04-01\u2069 \u206661\u2069 ימים") !=
        std::string::npos);
}

TEST_CASE("workspace status text: plan text cannot reach the terminal raw") {
  Fixture fx;
  fx.view.units[3].title = "evil\x1b]52;c;aGVsbG8=\x07 title";
  fx.view.units[3].id = "ne\x1bgev";
  const std::string out = render_workspace_text(fx.view, TextLayout{80, Style{}});
  CHECK(out.find('\x1b') == std::string::npos);
  CHECK(out.find("evil\\e]52") != std::string::npos);
}

TEST_CASE("workspace report: the movement's keys, then units, shared goals and stale") {
  Fixture fx;
  const Json j = build_workspace_report(fx.view);
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  CHECK(keys == std::vector<std::string>{"as_of", "workspace_file", "plan", "completion", "pace",
                                         "pace_mark", "counts", "units", "shared_goals", "stale",
                                         "serving_none", "history_note", "checks"});
  CHECK(j["completion"] == 0.4);
  CHECK(j["plan"]["title"] == "Movement plans 2009");
  // The language is the first unit's that names one (galil's): right to left.
  CHECK(j["plan"]["language"] == "he");
  CHECK(j["plan"]["direction"] == "rtl");
  CHECK(j["counts"]["total"] == 4);
  REQUIRE(j["units"].size() == 4);
  CHECK(j["units"][0]["serves"] == Json::array({"hq:G1"}));
  CHECK(j["units"][0]["stale"] == 1);
  CHECK(j["units"][1]["stale_unit"] == true);
  CHECK(j["units"][2]["counted"] == false);
  CHECK(j["units"][2]["completion"].is_null());
  CHECK(j["units"][2]["counts"].is_null());
  CHECK(j["units"][2]["errors"] == 1);
  REQUIRE(j["shared_goals"].size() == 2);
  CHECK(j["shared_goals"][0]["id"] == "hq:G1");
  CHECK(j["shared_goals"][0]["title"] == "Grow the movement");
  CHECK(j["shared_goals"][0]["contributions"][1]["unit"] == "galil");
  CHECK(j["shared_goals"][0]["contributions"][1]["completion"] == 0.25);
  CHECK(j["shared_goals"][0]["contributions"][1]["targets"] == Json::array({"T1"}));
  CHECK(j["shared_goals"][0]["contributions"][2]["counted"] == false);
  CHECK(j["shared_goals"][1]["completion"].is_null());
  CHECK(j["serving_none"] == Json::array({"negev"}));
  REQUIRE(j["stale"].size() == 1);
  CHECK(j["stale"][0]["unit"] == "hq");
  CHECK(j["stale"][0]["id"] == "A1");
  CHECK(j["stale"][0]["days"] == 61);
  CHECK(j["history_note"].is_null());

  fx.view.history_note = "not in a git repository";
  const Json unknown = build_workspace_report(fx.view);
  CHECK(unknown["stale"].is_null());
  CHECK(unknown["units"][0]["stale"].is_null());
  CHECK(unknown["history_note"] == "not in a git repository");
}

TEST_CASE("workspace report: streamed and built the same") {
  Fixture fx;
  std::FILE* f = std::tmpfile();
  REQUIRE(f);
  {
    JsonStreamSink sink(f);
    write_workspace_report(fx.view, sink);
  }
  std::rewind(f);
  std::string streamed;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) streamed.append(buf, n);
  std::fclose(f);
  CHECK(streamed == build_workspace_report(fx.view).dump(2) + "\n");
}

TEST_CASE("unit page names: safe file names, never index, never two alike") {
  Fixture fx;
  fx.view.units[0].id = "index";
  fx.view.units[1].id = "a/b";
  fx.view.units[2].id = "..";
  fx.view.units[3].id = "A_B";
  CHECK(unit_page_names(fx.view, "html") ==
        std::vector<std::string>{"index-2.html", "a_b.html", "unit...html", "A_B-2.html"});
}

namespace {
std::string render_rollup(const WorkspaceView& view, OutputFormat format,
                          const std::vector<std::string>& pages) {
  TemplateSet templates("");
  plan::Message error;
  std::vector<std::string> used;
  const Json labels = templates.labels("en", used, error);
  auto ctx = workspace_context(view, labels, pages);
  auto main = templates.find(format == OutputFormat::html ? "workspace.html.mustache"
                                                          : "workspace.md.mustache");
  REQUIRE(main);
  RenderResult r = render_template(*main, templates.partials(), *ctx, format, true);
  CAPTURE(r.text);
  for (const Diagnostic& d : r.diags) CAPTURE(d.message);
  REQUIRE(r.ok());
  CHECK(r.diags.empty());  // strict: every name the templates use is in the context
  return r.text;
}
}  // namespace

TEST_CASE("roll-up summary html: units, a grid with text in every cell, stale list, links") {
  Fixture fx;
  const std::string html =
      render_rollup(fx.view, OutputFormat::html, unit_page_names(fx.view, "html"));
  CAPTURE(html);
  CHECK(html.find("<html lang=\"he\" dir=\"rtl\">") != std::string::npos);
  CHECK(html.find("<a href=\"galil.html\"") != std::string::npos);
  CHECK(html.find("<caption>") != std::string::npos);
  CHECK(html.find("<th scope=\"col\"><a href=\"#goal-hq:G1\"") != std::string::npos);
  CHECK(html.find("<th scope=\"row\"><bdi class=\"id\">galil</bdi></th>") != std::string::npos);
  // Every cell has text: a figure, or a mark with words for a screen reader.
  CHECK(html.find("<td class=\"cell level-2\" data-label=\"hq:G1\">50%</td>") != std::string::npos);
  CHECK(html.find("<td class=\"cell level-1\" data-label=\"hq:G1\">25%</td>") != std::string::npos);
  CHECK(html.find(
            "<td class=\"cell not-serving\" data-label=\"hq:G2\"><span "
            "aria-hidden=\"true\">—</span><span class=\"sr-only\">does not serve</span></td>") !=
        std::string::npos);
  CHECK(html.find("<td class=\"cell not-counted\" colspan=\"2\">not counted</td>") !=
        std::string::npos);
  CHECK(html.find("<td class=\"cell level-1\" data-label=\"hq:G1\"><strong>40%</strong></td>") !=
        std::string::npos);
  CHECK(html.find("id=\"stale-hq\"") != std::string::npos);
  CHECK(html.find("<bdi class=\"id\">A1</bdi> <bdi>Hold a meeting</bdi>") != std::string::npos);
  // Without pages, nothing links to them.
  const std::string alone = render_rollup(fx.view, OutputFormat::html, {});
  CHECK(alone.find(".html\"") == std::string::npos);
}

TEST_CASE("roll-up summary markdown: tables, squares beside the figures, history note") {
  Fixture fx;
  fx.view.history_note = "not in a git repository";
  const std::string md =
      render_rollup(fx.view, OutputFormat::markdown, unit_page_names(fx.view, "md"));
  CAPTURE(md);
  CHECK(md.rfind("<div dir=\"rtl\">", 0) == 0);
  CHECK(md.find("| [galil](galil.md) גליל עליון |") != std::string::npos);
  CHECK(md.find("| **galil** | 🟧 25% | — |") != std::string::npos);
  CHECK(md.find("| **broken** | not counted | not counted |") != std::string::npos);
  CHECK(count(md, "not in a git repository") == 1);
}

TEST_CASE("workspace outputs through the loader: the figures of tests/golden/workspace-units") {
  WorkspaceOptions options;
  options.history = false;
  auto ws =
      load_workspace(std::string(PLAN_SOURCE_DIR) + "/tests/golden/workspace-units/plans.yaml",
                     parse_date("2009-06-01"), options);
  REQUIRE(ws);
  REQUIRE(ws->units.size() == 4);
  const WorkspaceView view = cli::workspace_view(*ws, parse_date("2009-06-01"));
  const Json j = build_workspace_report(view);
  // By hand: hq 70% (A1 40%, A2 done), galil 43% (B1 done, B2 30%, B3 0%), negev 100%;
  // broken is not counted. The movement: (0.7 × 2 + 0.4333 + 1) / 4 = 0.7083.
  CHECK(j["completion"] == 0.7083);
  // hq:G1: hq's T1 (70%, weight 2) and galil's T1 (100%, weight 1): 2.4 / 3 = 80%.
  CHECK(j["shared_goals"][0]["id"] == "hq:G1");
  CHECK(j["shared_goals"][0]["completion"] == 0.8);
  // hq:G2: galil's T2 alone, (30% + 0%) / 2.
  CHECK(j["shared_goals"][1]["completion"] == 0.15);
  CHECK(j["shared_goals"][2]["completion"].is_null());
  CHECK(j["units"][1]["id"] == "broken");
  CHECK(j["units"][1]["counted"] == false);
  CHECK(j["serving_none"] == Json::array({"negev"}));
  const std::string text = render_workspace_text(view, TextLayout{kNoWidthLimit, Style{}});
  CHECK(text.find("served by hq 70% · galil 100%") != std::string::npos);
  CHECK(text.find("Serving no shared goal (1)  negev") != std::string::npos);
  CHECK(text.find("Stale activities  not known:") != std::string::npos);
}
