// The render stage's pieces: escaping, labels, the template context, and the engine.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>

#include <unistd.h>

#include "helpers.hpp"
#include "render/diff_output.hpp"
#include "render/embedded.hpp"
#include "render/escape.hpp"
#include "render/figures.hpp"
#include "render/history_chart.hpp"
#include "render/json_sink.hpp"
#include "render/mustache_render.hpp"
#include "render/summary.hpp"
#include "render/templates.hpp"
#include "stats/stats.hpp"
#include "util/date.hpp"

using namespace plan;

TEST_CASE("escape_html leaves no markup") {
  CHECK(escape_html("<a href=\"x\">'&'</a>") ==
        "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

TEST_CASE("escape_markdown keeps table cells whole and markup inert") {
  CHECK(escape_markdown("a | b") == "a \\| b");
  CHECK(escape_markdown("**bold** _it_ `code` [x](y) <b> ~~s~~") ==
        "\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\[x\\](y) \\<b\\> \\~\\~s\\~\\~");
  CHECK(escape_markdown("# title") == "\\# title");
  CHECK(escape_markdown("1. first") == "1\\. first");
  CHECK(escape_markdown("2009 plan") == "2009 plan");
  CHECK(escape_markdown("two\nlines") == "two lines");
  CHECK(escape_markdown("שלום | עולם") == "שלום \\| עולם");
}

TEST_CASE("the built-in labels of every language have the same keys as English") {
  std::function<void(const Json&, const std::string&, std::set<std::string>&)> keys =
      [&](const Json& j, const std::string& prefix, std::set<std::string>& out) {
        for (auto it = j.begin(); it != j.end(); ++it) {
          if (it->is_object())
            keys(*it, prefix + it.key() + ".", out);
          else
            out.insert(prefix + it.key());
        }
      };
  TemplateSet set("");
  std::vector<std::string> used;
  plan::Message error;
  std::set<std::string> en;
  keys(set.labels("en", used, error), "", en);
  CHECK(error.empty());
  CHECK(en.size() > 40);
  for (const EmbeddedFile& f : embedded_files()) {
    std::string path(f.path);
    if (path.rfind("labels/", 0) != 0) continue;
    CAPTURE(path);
    Json j = Json::parse(f.content, nullptr, false);
    REQUIRE(j.is_object());
    std::set<std::string> mine;
    keys(j, "", mine);
    CHECK(mine == en);
  }
  CHECK(set.labels("he-IL", used, error)["goals"] == "מטרות");
  CHECK(set.labels("xx", used, error)["goals"] == "Goals");  // unknown language: English
}

TEST_CASE("render_template escapes by format and never renders data as a template") {
  Json ctx = {{"title", "<b>{{x}}</b> | *"}, {"x", "EXPANDED"}, {"empty", ""}, {"none", nullptr}};
  TemplateSource t{"t", "t.mustache",
                   "{{title}}{{#empty}}E{{/empty}}{{#none}}N{{/none}}{{^none}}-{{/none}}"};
  RenderResult html = render_template(t, {}, ctx, OutputFormat::html, false);
  CHECK(html.text == "&lt;b&gt;{{x}}&lt;/b&gt; | *-");
  RenderResult md = render_template(t, {}, ctx, OutputFormat::markdown, false);
  CHECK(md.text == "\\<b\\>\\{\\{x\\}\\}\\</b\\> \\| \\*-");
  // A partial is looked up among the partials only, not among data of the same name.
  TemplateSource p{"t", "t.mustache", "[{{> title}}]"};
  RenderResult r = render_template(p, {}, ctx, OutputFormat::html, false);
  CHECK_FALSE(r.ok());
  CHECK(r.diags.at(0).message.find("no partial named 'title'") != std::string::npos);
}

TEST_CASE("render_template locates template errors and, strictly, unknown names") {
  TemplateSource bad{"t", "t.mustache", "line one\n  {{#goals}}\n"};
  RenderResult r = render_template(bad, {}, Json::object(), OutputFormat::markdown, false);
  REQUIRE(r.diags.size() == 1);
  CHECK(r.diags[0].loc.line == 2);
  CHECK(r.diags[0].loc.col == 3);
  CHECK(r.text.empty());

  TemplateSource typo{"t", "t.mustache", "{{known}}\n{{#list}}{{nope}}{{/list}}\n"};
  Json ctx = {{"known", "k"}, {"list", Json::array({Json::object()})}};
  CHECK(render_template(typo, {}, ctx, OutputFormat::markdown, false).ok());
  RenderResult strict = render_template(typo, {}, ctx, OutputFormat::markdown, true);
  REQUIRE(strict.diags.size() == 1);
  CHECK(strict.diags[0].code == "template-unknown-name");
  CHECK(strict.diags[0].loc.line == 2);
}

// ---- Template limits: every template is someone's file.

namespace {
std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}
}  // namespace

TEST_CASE(
    "template limits: a partial that includes itself, or two that include each other, stop "
    "located") {
  TemplateSource main{"t", "t.mustache", "start {{> a}} end\n"};
  TemplateSource self{"a", "partials/a.mustache", "A{{> a}}"};
  RenderResult r = render_template(main, {self}, Json::object(), OutputFormat::html, false);
  REQUIRE_FALSE(r.ok());
  CHECK(r.diags.at(0).code == "template-limit");
  CHECK(r.diags.at(0).message.find("partials nested more than 32 deep") != std::string::npos);
  CHECK(r.files.at(r.diags.at(0).loc.file) == "t.mustache");  // where 'a' is first used
  CHECK(r.text.empty());

  TemplateSource a{"a", "partials/a.mustache", "\n{{> b}}"},
      b{"b", "partials/b.mustache", "{{#x}}{{> a}}{{/x}}"};
  RenderResult mutual =
      render_template(main, {a, b}, Json{{"x", true}}, OutputFormat::markdown, false);
  REQUIRE_FALSE(mutual.ok());
  CHECK(mutual.diags.at(0).code == "template-limit");

  // A recursive partial that its data stops is fine: depth follows the data.
  TemplateSource tree{"node", "partials/node.mustache",
                      "({{name}}{{#children}}{{> node}}{{/children}})"};
  Json leaf = {{"name", "c"},
               {"children", Json::array()}};  // else {{#children}} finds the parent's
  Json data = {{"name", "a"},
               {"children", Json::array({{{"name", "b"}, {"children", Json::array({leaf})}}})}};
  TemplateSource root{"t", "t.mustache", "{{> node}}"};
  RenderResult ok = render_template(root, {tree}, data, OutputFormat::html, false);
  CHECK(ok.ok());
  CHECK(ok.text == "(a(b(c)))");
}

TEST_CASE("template limits: sections nested too deep are refused before parsing, at the tag") {
  // 100,000 nested sections took 12 GB in the parser (it copies each section's text).
  TemplateSource deep{"t", "t.mustache",
                      "x\n" + repeat("{{#plan}}", 100000) + repeat("{{/plan}}", 100000)};
  RenderResult r =
      render_template(deep, {}, Json{{"plan", Json::object()}}, OutputFormat::html, false);
  REQUIRE(r.diags.size() == 1);
  CHECK(r.diags[0].code == "template-limit");
  CHECK(r.diags[0].loc.line == 2);
  CHECK(r.diags[0].loc.col == 32 * 9 + 1);  // the 33rd opening tag
  CHECK(r.diags[0].message.find("sections nested more than 32 deep") != std::string::npos);
  // Custom delimiters are followed the way kainjow follows them.
  TemplateSource custom{"t", "t.mustache",
                        "{{=<% %>=}}" + repeat("<%#plan%>", 40) + repeat("<%/plan%>", 40)};
  CHECK(render_template(custom, {}, Json{{"plan", Json::object()}}, OutputFormat::html, false)
            .diags.at(0)
            .code == "template-limit");
  // 32 is allowed.
  TemplateSource fine{"t", "t.mustache", repeat("{{#plan}}", 32) + "ok" + repeat("{{/plan}}", 32)};
  CHECK(render_template(fine, {}, Json{{"plan", Json::object()}}, OutputFormat::html, false).text ==
        "ok");
}

TEST_CASE("template limits: sections over lists inside each other stop within the work budget") {
  // 14 nested {{#goals}} over 9 goals is 9^14 passes: it ran past 20 s.
  Json goals = Json::array();
  for (int i = 0; i < 9; ++i) goals.push_back({{"id", "G" + std::to_string(i)}});
  TemplateSource t{"t", "t.mustache",
                   "\n" + repeat("{{#goals}}", 14) + "{{id}}" + repeat("{{/goals}}", 14)};
  RenderLimits limits;
  limits.output_bytes = std::size_t{1} << 40;  // so the work budget, not the output, stops it
  RenderResult r =
      render_template(t, {}, Json{{"goals", goals}}, OutputFormat::html, false, limits);
  REQUIRE(r.diags.size() == 1);
  CHECK(r.diags[0].code == "template-limit");
  CHECK(r.diags[0].message.find("too much work") != std::string::npos);
  CHECK(r.diags[0].loc.line == 2);
}

TEST_CASE("template limits: the output has a size limit") {
  Json list = Json::array();
  for (int i = 0; i < 100; ++i) list.push_back(i);
  TemplateSource t{"t", "t.mustache", "{{#l}}{{#l}}0123456789{{/l}}{{/l}}"};
  RenderLimits limits;
  limits.output_bytes = 50'000;
  RenderResult r = render_template(t, {}, Json{{"l", list}}, OutputFormat::markdown, false, limits);
  REQUIRE(r.diags.size() == 1);
  CHECK(r.diags[0].code == "template-limit");
  CHECK(r.text.empty());
  limits.output_bytes = 100'000;
  CHECK(render_template(t, {}, Json{{"l", list}}, OutputFormat::markdown, false, limits)
            .text.size() == 100'000);
}

TEST_CASE("partial-end marks render nothing, whatever the delimiters") {
  TemplateSource main{"t", "t.mustache", "[{{> p}}]{{=<% %>=}}(<%> p%>)<%={{ }}=%>{{x}}"};
  TemplateSource p{"p", "partials/p.mustache", "P{{x}}{{=| |=}}|x|\n"};
  RenderResult r = render_template(main, {p}, Json{{"x", "1"}}, OutputFormat::html, true);
  CHECK(r.ok());
  CHECK(r.text == "[P11](P11)1");
}

// ---- Markdown: mentions and bare links are inert.

TEST_CASE("escape_markdown makes mentions and bare links inert without changing the text") {
  CHECK(escape_markdown("ping @org/team and @user") == "ping @<!-- -->org/team and @<!-- -->user");
  CHECK(escape_markdown("mail a@b.org") == "mail a@<!-- -->b.org");
  CHECK(escape_markdown("see https://x.org/a and www.y.org, WWW.Z.ORG") ==
        "see https\\://x.org/a and www\\.y.org, WWW\\.Z.ORG");
  CHECK(escape_markdown("a @ b, 10:30, 1.5") == "a @ b, 10:30, 1.5");
  CHECK(escape_markdown("צוות @org/team בעברית") == "צוות @<!-- -->org/team בעברית");
}

// ---- The summaries: labels, files that could not be read, right to left.

namespace {
// The shipped-style test plan, in `language`, measured; with `unread`, as when one of its
// nine files could not be read.
struct SmallPlan {
  LoadResult load;
  std::unique_ptr<PlanIndex> index;
  Stats stats;
  explicit SmallPlan(const std::string& language, bool unread = false) {
    const std::string text =
        std::string("plan:\n  title: Test\n  language: ") + language +
        "\n  period: {start: 2009-01-01, end: 2009-12-31}\n"
        "  contacts: {phone: 03-6925418}\n"
        "goals:\n  - {id: G1, title: Goal}\n  - {id: G2, title: Other}\n"
        "targets:\n  - {id: T1, title: 5-6 meetings, goals: [G1]}\n"
        "sections:\n  - id: S1\n    title: Section\n    activities:\n"
        "      - id: general.3\n        title: 5-6 meetings a year\n        targets: [T1]\n"
        "        status: in-progress\n        measure: {planned: 5-6, actual: 3}\n"
        "        activities:\n          - {id: general.3.1, title: First, status: done}\n";
    load = test::load_one(text);
    REQUIRE(load.diags.empty());
    if (unread) {
      for (int i = 2; i <= 9; ++i)
        load.plan.files.push_back("plan/more-" + std::to_string(i) + ".yaml");
      load.plan.files[2] = "plan/activities/01-general.yaml";
      load.plan.unread_files = {2};
    }
    index = std::make_unique<PlanIndex>(load.plan);
    stats = compute_stats(*index, parse_date("2009-06-01"));
  }
  SummaryPlan summary() const { return {*index, stats, {}, no_problems}; }
  Diagnostics no_problems;
};

std::string summary_text(const SmallPlan& plan, const std::string& format,
                         const std::string& language = "", const Json* history = nullptr) {
  TemplateSet set("");
  SummaryOptions options;
  options.format = format == "html" ? OutputFormat::html : OutputFormat::markdown;
  options.language = language;
  options.strict = true;
  options.history = history;
  auto main = set.find(format == "html" ? "summary.html.mustache" : "summary.md.mustache");
  REQUIRE(main);
  plan::Message error;
  std::optional<RenderResult> r = render_summary(plan.summary(), set, *main, options, error);
  REQUIRE(r);
  CAPTURE(r->diags.size());
  for (const Diagnostic& d : r->diags) CAPTURE(d.message);
  REQUIRE(r->ok());
  return r->text;
}
}  // namespace

TEST_CASE(
    "summaries: an unread file is said at the top, and unknown figures show as a dash with the "
    "reason") {
  for (const char* language : {"en", "he"}) {
    CAPTURE(language);
    const SmallPlan plan(language, true);
    const std::string incomplete = std::string(language) == "he"
                                       ? "1 מתוך 9 קבצים לא נקראו: הנתונים חלקיים"
                                       : "1 of 9 files could not be read: figures are incomplete";
    const std::string reason = std::string(language) == "he" ? "לא ידוע: קובץ לא נקרא"
                                                             : "unknown: a file could not be read";
    for (const char* format : {"md", "html"}) {
      CAPTURE(format);
      const std::string out = summary_text(plan, format);
      const std::size_t line = out.find(incomplete);
      REQUIRE(line != std::string::npos);
      CHECK(line < out.find(std::string(format) == "md" ? "\n## " : "<main>"));  // at the top
      CHECK(out.find(reason) != std::string::npos);
      CHECK(out.find("``") == std::string::npos);  // no empty code span before the dash
      CHECK(out.find("–") != std::string::npos);
    }
  }
  // Every file read: complete, nothing said.
  const std::string md = summary_text(SmallPlan("en"), "md");
  CHECK(md.find("could not be read") == std::string::npos);
  CHECK(md.find("unknown:") == std::string::npos);
}

TEST_CASE("summaries: right to left keeps ids, titles and ranges whole") {
  const std::string html = summary_text(SmallPlan("he"), "html");
  CHECK(html.find("dir=\"rtl\"") != std::string::npos);
  CHECK(html.find("<bdi class=\"id\">general.3</bdi> <bdi>5-6 meetings a year</bdi>") !=
        std::string::npos);
  CHECK(html.find("<bdi dir=\"ltr\">3 / 5–6</bdi>") != std::string::npos);
  CHECK(html.find("↲ <bdi>First</bdi>") != std::string::npos);  // the arrow points into the indent
  CHECK(html.find("<bdi dir=\"ltr\" class=\"nowrap\">03-6925418</bdi>") != std::string::npos);
  // Nothing is late: the overdue count is not highlighted; the errors are counted.
  CHECK(html.find("<li>באיחור 0</li>") != std::string::npos);
  CHECK(html.find("<strong>0 שגיאות</strong>") != std::string::npos);
  // Owner, partners and due are empty in the whole table: left out, header and cells.
  CHECK(html.find(">אחראי</th>") == std::string::npos);
  CHECK(html.find(">שותפים</th>") == std::string::npos);
  CHECK(html.find(">מועד</th>") == std::string::npos);
  CHECK(html.find(">מדד</th>") != std::string::npos);

  const std::string md = summary_text(SmallPlan("he"), "md");
  CHECK(md.rfind("<div dir=\"rtl\">", 0) == 0);
  CHECK(md.find("↲ First") != std::string::npos);
  CHECK(md.find("\u20663 / 5–6\u2069") != std::string::npos);
  CHECK(md.find("▌") == std::string::npos);  // a left-aligned partial block stands apart in RTL
  const std::string en = summary_text(SmallPlan("en"), "md");
  CHECK(en.find("↳ First") != std::string::npos);
  CHECK(en.find("\u2066") == std::string::npos);
}

TEST_CASE("summaries: labels follow --lang while the direction follows the plan") {
  const std::string html = summary_text(SmallPlan("he"), "html", "en");
  CHECK(html.find("dir=\"rtl\"") != std::string::npos);
  CHECK(html.find(">Goals</h2>") != std::string::npos);
  const std::string md = summary_text(SmallPlan("he"), "md", "en");
  CHECK(md.rfind("<div dir=\"rtl\">", 0) == 0);
}

TEST_CASE(
    "labels: a partial file falls back key by key, and an unknown language is refused with the "
    "list") {
  const std::string dir =
      (std::filesystem::temp_directory_path() / ("plan-labels-" + std::to_string(::getpid())))
          .string();
  std::filesystem::create_directories(dir + "/labels");
  std::ofstream(dir + "/labels/he.json")
      << "{\"goals\": \"יעדי-על\", \"status\": {\"done\": \"הושלם\"}}";
  TemplateSet set(dir);
  std::vector<std::string> used;
  plan::Message error;
  Json he = set.labels("he", used, error);
  CHECK(error.empty());
  CHECK(he["goals"] == "יעדי-על");             // the repository's
  CHECK(he["status"]["done"] == "הושלם");      // the repository's, inside an object
  CHECK(he["status"]["planned"] == "מתוכנן");  // the built-in Hebrew beside it
  CHECK(he["targets"] == "יעדים");
  REQUIRE(used.size() == 3);
  CHECK(used[0] == "built-in:labels/en.json");
  CHECK(used[2].find("labels/he.json") != std::string::npos);
  bool listed = false;
  for (const TemplateSource& t : set.label_files())
    listed = listed || (t.name == "labels/he.json" &&
                        t.origin.find("built-in:labels/he.json") != std::string::npos);
  CHECK(listed);

  used.clear();
  set.labels("fr", used, error, true);
  CHECK(render_message(error).find("'fr'") != std::string::npos);
  CHECK(render_message(error).find("en, he") != std::string::npos);
  error = {};
  set.labels("../../etc/x", used, error, true);
  CHECK_FALSE(error.empty());
  error = {};
  CHECK(set.labels("fr", used, error)["goals"] == "Goals");  // a plan's own language: English
  CHECK(error.empty());
}

TEST_CASE("summaries: the Markdown summary shows the history as a table") {
  HistoryPoint a, b;
  a.commit.date = "2009-02-01";
  a.commit.short_id = "abc1234";
  a.commit.subject = "Start @org/team";
  a.commit.time = 1233446400;
  a.completion = 0.1;
  b.commit = a.commit;
  b.commit.date = "2009-03-01";
  b.commit.short_id = "def5678";
  b.loaded = false;
  const SmallPlan plan("en");
  Json chart = history_chart({a, b}, plan.load.plan);
  CHECK(chart["x_ticks"].size() == 4);  // quarters of 2009
  CHECK(chart["x_ticks"][1]["label"] == "2009-04");
  CHECK(chart["y_ticks"].size() == 5);
  const std::string md = summary_text(plan, "md", "", &chart);
  CHECK(md.find("| 2009-02-01 | 10% | abc1234 | Start @<!-- -->org/team |") != std::string::npos);
  CHECK(md.find("| 2009-03-01 | – | def5678 |") != std::string::npos);
}

TEST_CASE(
    "diff --format md: the plan's language and direction, and no completion for a side that did "
    "not load") {
  PlanDiff d;
  d.before = 0.2;
  d.after = 0.15;  // what a broken working tree computed: not the plan's figure
  d.after_broken = true;
  d.goals.push_back({"G1", "Grow", 0.2, 0.1});
  ActivityState s1{"planned", "", "", "", 0.0}, s2{"done", "", "", "", 1.0};
  d.activities.push_back({"A1", "Kick-off", s1, s2});
  DiffLabels l{"HEAD (abc)", "working tree", Json::object(), false};
  std::string md = diff_markdown(d, l);
  CHECK(md.find("15%") == std::string::npos);
  CHECK(md.find("10%") == std::string::npos);
  CHECK(md.find("### Plan: 20% → –\n") != std::string::npos);
  CHECK(md.find("does not load") != std::string::npos);

  TemplateSet set("");
  std::vector<std::string> used;
  plan::Message error;
  d.after_broken = false;
  DiffLabels he{"HEAD (abc)", "עותק העבודה", set.labels("he", used, error), true};
  md = diff_markdown(d, he);
  CHECK(md.rfind("<div dir=\"rtl\">", 0) == 0);
  CHECK(md.find("### תוכנית: 20% → 15% (\u2066-5\u2069 נקודות)") != std::string::npos);
  CHECK(md.find("מצב מתוכנן → בוצע") != std::string::npos);
  CHECK(md.find("planned") == std::string::npos);
}

// ---- The typed context and the one route to a summary.

TEST_CASE("template context: a lazy list builds each item while the template is inside it") {
  TemplateContext ctx;
  std::size_t built = 0;
  ctx.root["l"] = ctx.lists.make(3, [&](std::size_t i) {
    ++built;
    TemplateData item{TemplateData::type::object};
    item["x"] = template_integer(static_cast<long long>(i));
    // A list inside the item: made as the item is, gone when the template leaves it.
    item["inner"] = ctx.lists.make(2, [](std::size_t k) {
      TemplateData d{TemplateData::type::object};
      d["y"] = template_text(k ? "b" : "a");
      return d;
    });
    return item;
  });
  const std::size_t at_rest = ctx.lists.items();
  const TemplateSource t{"t", "t.mustache",
                         "{{#l}}{{x}}:{{#inner}}{{y}}{{/inner}},{{/l}}{{#l}}{{x}}{{/l}}"};
  RenderResult r = render_template(t, {}, ctx, OutputFormat::markdown, true);
  REQUIRE(r.ok());
  CHECK(r.text == "0:ab,1:ab,2:ab,012");
  CHECK(built == 6);                    // each time the template enters an item
  CHECK(ctx.lists.items() == at_rest);  // the items' own lists went with them
  // The same context renders again, alike.
  CHECK(render_template(t, {}, ctx, OutputFormat::markdown, true).text == r.text);
}

TEST_CASE("template context: the report's fields and the derived ones, from the plan") {
  const SmallPlan plan("en");
  TemplateSet set("");
  plan::Message error;
  const Json labels = summary_labels(set, "", {&plan.load.plan}, error);
  REQUIRE(error.empty());
  auto ctx = template_context(plan.summary(), labels);
  const TemplateSource t{
      "t", "t.mustache",
      "{{plan.title}}|{{plan.direction}}|{{percent_text}}|{{#goals}}{{id}}:{{#target_links}}"
      "{{id}}{{/target_links}};{{/goals}}|{{#targets}}{{#goal_links}}{{id}}{{/goal_links}}"
      "{{#activity_links}}>{{id}}({{status_label}}){{/activity_links}}{{/targets}}|"
      "{{#sections}}{{#all_activities}}{{id}}={{measure_text}}/{{#indent}}i{{/indent}},"
      "{{/all_activities}}{{#has_measure}}m{{/has_measure}}{{/"
      "sections}}|{{#plan.contact_list}}{{label}}{{/plan.contact_list}}|"
      "{{#status_chart}}{{status}}{{width}} {{/status_chart}}"};
  RenderResult r = render_template(t, {}, *ctx, OutputFormat::markdown, true);
  REQUIRE(r.ok());
  CHECK(r.text ==
        "Test|ltr|100%|G1:T1;G2:;|G1>general.3(in progress)|general.3=3 / 5–6/,"
        "general.3.1=/i,m|Phone|done50 in-progress50 planned0 blocked0 dropped0 ");
}

TEST_CASE("the report item by item: show and list --json write what the whole report holds") {
  const SmallPlan plan("en");
  const Json report = build_report(*plan.index, plan.stats, {});
  const char* lists[] = {"goals", "targets", "sections", "activities"};
  const ItemKind kinds[] = {ItemKind::goal, ItemKind::target, ItemKind::section,
                            ItemKind::activity};
  std::size_t items = 0;
  for (int k = 0; k < 4; ++k)
    for (std::size_t i = 0; i < report[lists[k]].size(); ++i) {
      JsonTreeSink one;
      write_item(one, *plan.index, plan.stats, {kinds[k], i});
      CHECK(one.result == report[lists[k]][i]);
      ++items;
    }
  CHECK(items == 6);  // two goals, a target, a section, two activities
}

TEST_CASE("the labels' language: the one asked for, else the first plan that names one") {
  const SmallPlan he("he"), en("en");
  LoadResult none = test::load_one("goals:\n  - {id: G1, title: Goal}\n");
  CHECK(labels_language("en", {&he.load.plan}) == "en");
  CHECK(labels_language("", {&he.load.plan}) == "he");
  CHECK(labels_language("", {&none.plan, &he.load.plan}) == "he");
  CHECK(labels_language("", {&none.plan}).empty());
  CHECK(plans_rtl({&none.plan, &he.load.plan}));
  CHECK_FALSE(plans_rtl({&en.load.plan, &he.load.plan}));
}

TEST_CASE("figures: whole percentages floored, numbers and measures in one place") {
  CHECK(whole_percent(0.29) == 29);
  CHECK(whole_percent(0.996) == 99);
  CHECK(whole_percent_clamped(1.5) == 100);
  CHECK(percent_figure(std::nullopt) == "–");
  CHECK(percent_figure(0.5) == "50%");
  Measure m;
  m.planned.value = {5, 6};
  m.actual.value = 3;
  CHECK(measure_numbers(m) == "3 / 5–6");
  CHECK(measure_text(m) == "3 / 5–6");
  m.unit = {"workshops", {1, 1, 1}};
  CHECK(measure_text(m) == "3 / 5–6 workshops");
  CHECK(planned_text({2.5, 2.5}, "-") == "2.5");
  CHECK(planned_text({1, 2}, "-") == "1-2");
  CHECK(number_text(std::nan("")) == "–");
}
