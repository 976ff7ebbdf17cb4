// The check stage's and the template renderer's diagnostics are messages as data (an
// English id marked for the catalog, named arguments) and each has its Hebrew translation
// in po/he.po, read here by a small PO reader standing in for gettext.
#include <doctest/doctest.h>

#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "lsp/uri.hpp"
#include "lsp_client.hpp"
#include "po_catalog.hpp"
#include "render/diagnostics_markdown.hpp"
#include "render/mustache_render.hpp"
#include "render/summary.hpp"
#include "render/template_context.hpp"
#include "stats/stats.hpp"
#include "temp_dir.hpp"

using namespace plan;
using plan::test::check_text;
using plan::test::hebrew;
using plan::test::ids_of;
using plan::test::kHeader;
using plan::test::po_translate;

namespace {

// Bad plans that between them break every rule of the check stage that one plan can break.
std::vector<std::string> bad_plans() {
  const std::string sec = "sections:\n  - id: s\n    title: S\n    activities:\n";
  return {
      "goals: []\n",
      std::string(kHeader) +
          "  - {id: T2, title: Second, goals: [G2, T1, Zebra]}\n"
          "  - {id: T3, title: C}\n  - {id: T4, title: D, goals: []}\n" +
          sec +
          "      - {id: a, title: A, targets: [T1, T3, T9, G1, s]}\n"
          "      - {id: my act, title: B, targets: [T1]}\n"
          "      - {id: g1, title: C, targets: [T1]}\n"
          "      - {id: \"" +
          std::string(70, 'x') +
          "\", title: L, targets: [T1]}\n"
          "      - {id: d, title: D, targets: [T1], status: in progress}\n"
          "      - {id: e, title: E, targets: [T1], due: 2009-02-30}\n"
          "      - {id: f, title: F, targets: [T1], due: 15.3.2009, start: 2009-13-01}\n"
          "      - {id: h, title: H, targets: [T1], start: 2009-05-01, due: 2009-04-01}\n"
          "      - {id: i, title: I, targets: [T1], measure: {planned: 6-5}}\n"
          "      - {id: j, title: J, targets: [T1], due: 2010-03-01}\n"
          "      - {id: k, title: K, targets: [T1], status: done, measure: {planned: 5-6, "
          "actual: 2}}\n"
          "      - {id: l, title: L, targets: [T1], status: done, percent: 40}\n"
          "      - {id: m, title: M, targets: [T1], percent: 40, measure: {planned: 5, actual: "
          "1}}\n"
          "      - id: n\n        title: N\n        targets: [T1]\n        status: done\n"
          "        percent: 50\n        activities:\n          - {id: n.1, title: N1}\n"
          "          - {id: n.2, title: N2}\n"
          "      - id: o\n        title: O\n        activities:\n"
          "          - {id: o.1, title: O1}\n",
      "plan: {title: P, status: finel, period: {start: 2009-01-01, end: 2008-12-31}}\n"
      "goals:\n  - {id: G1, title: Goal}\n",
  };
}

// The codes of the rules in src/check/ (the loader's own codes are another part's).
const std::set<std::string> kCheckCodes = {
    "missing-plan",         "duplicate-plan",  "bad-id",
    "duplicate-id",         "unknown-goal",    "unknown-target",
    "target-without-goals", "unknown-status",  "bad-date",
    "bad-period",           "bad-range",       "no-targets",
    "unserved-goal",        "unserved-target", "due-outside-period",
    "done-mismatch",        "percent-ignored"};

void each_check_diagnostic(const std::function<void(const Diagnostic&)>& f) {
  std::vector<Diagnostics> all;
  for (const std::string& text : bad_plans()) all.push_back(check_text(text));
  all.push_back(check_sources("plan/", {{"plan/a.yaml", std::string(kHeader), "", false},
                                        {"plan/b.yaml", "plan: {title: again}\n", "", false}})
                    ->diags);
  for (const Diagnostics& diags : all)
    for (const Diagnostic& d : diags) {
      if (!kCheckCodes.count(d.code)) continue;
      f(d);
      for (const Diagnostic& n : d.notes) f(n);
    }
}

}  // namespace

TEST_CASE("every diagnostic of the check stage is a message with its English unchanged") {
  std::set<std::string> seen;
  each_check_diagnostic([&](const Diagnostic& d) {
    CAPTURE(d.code);
    CAPTURE(d.message);
    seen.insert(d.code);
    REQUIRE(d.text.id != nullptr);
    CHECK(render_message(d.text) == d.message);
  });
  std::string missing;
  for (const std::string& c : kCheckCodes)
    if (!seen.count(c)) missing += c + " ";
  CHECK(missing == "");  // the bad plans reach every rule
}

TEST_CASE("every message of the check stage has a Hebrew translation in he.po") {
  each_check_diagnostic([&](const Diagnostic& d) {
    CAPTURE(d.message);
    std::vector<std::string> ids;
    ids_of(d.text, ids);
    for (const std::string& id : ids) {
      CAPTURE(id);
      if (id == "{items}") continue;  // one quoted item: no words to translate
      CHECK(hebrew().entries.count(id) == 1);
    }
    const std::string he = render_message(d.text, po_translate, true);
    CHECK(he != d.message);
  });
}

TEST_CASE("a check message in Hebrew isolates the plan's ids and keeps its hint") {
  Diagnostics d = check_text(std::string(kHeader) +
                             "  - {id: T2, title: Second, goals: [G2]}\n"
                             "sections:\n  - id: s\n    title: S\n    activities:\n"
                             "      - {id: a, title: A, targets: [T1, T2]}\n");
  REQUIRE(d.size() == 1);
  CHECK(d[0].code == "unknown-goal");
  CHECK(render_message(d[0].text, po_translate, true) ==
        "היעד '\u2068T2\u2069' מציין את המטרה '\u2068G2\u2069', שאינה קיימת; אולי הכוונה "
        "ל־'\u2068G1\u2069'?");
  // Plural forms: one sub-activity, and two.
  Diagnostics p = check_text(
      std::string(kHeader) + "sections:\n  - id: s\n    title: S\n    activities:\n" +
      "      - id: b\n        title: B\n        targets: [T1]\n        percent: 50\n"
      "        activities:\n          - {id: b.1, title: B1}\n"
      "      - id: c\n        title: C\n        targets: [T1]\n        percent: 50\n"
      "        activities:\n          - {id: c.1, title: C1}\n          - {id: c.2, title: "
      "C2}\n");
  REQUIRE(p.size() == 2);
  CHECK(render_message(p[0].text, po_translate, true).find("לפי תת־הפעילות שלה;") !=
        std::string::npos);
  CHECK(render_message(p[1].text, po_translate, true).find("לפי 2 תת־הפעילויות שלה;") !=
        std::string::npos);
}

TEST_CASE("the template renderer's errors are messages with a Hebrew translation") {
  const std::vector<TemplateSource> templates = {
      {"t", "t.mustache", "line one\n  {{#goals}}\n"},
      {"t", "t.mustache", "[{{> nowhere}}]"},
      {"t", "t.mustache", "a\x01"},
      {"t", "t.mustache", "{{#a}}{{#a}}{{#a}}x{{/a}}{{/a}}{{/a}}"},
  };
  RenderLimits tight;
  tight.section_depth = 2;
  std::size_t count = 0;
  for (const TemplateSource& t : templates) {
    Json ctx = {{"a", true}};
    RenderResult r = render_template(t, {}, ctx, OutputFormat::markdown, false, tight);
    for (const Diagnostic& d : r.diags) {
      CAPTURE(d.message);
      ++count;
      REQUIRE(d.text.id != nullptr);
      CHECK(render_message(d.text) == d.message);
      const std::string he = render_message(d.text, po_translate, true);
      CHECK(he.rfind("שגיאה בתבנית: ", 0) == 0);
    }
  }
  CHECK(count == templates.size());
  TemplateSource typo{"t", "t.mustache", "{{nope}}\n"};
  RenderResult strict = render_template(typo, {}, Json::object(), OutputFormat::markdown, true);
  REQUIRE(strict.diags.size() == 1);
  CHECK(render_message(strict.diags[0].text, po_translate, true) ==
        "התבנית משתמשת ב־'\u2068nope\u2069', שאינו קיים בהקשר (ראו docs/templates.md)");
}

TEST_CASE("the job summary's Markdown speaks the messages' language, codes stay English") {
  const std::vector<std::string> files{"plan", "plan/a.yaml"};
  Diagnostics diags = check_text(std::string(kHeader) +
                                 "  - {id: T2, title: Second, goals: [G2]}\n"
                                 "sections:\n  - id: s\n    title: S\n    activities:\n"
                                 "      - {id: a, title: A, targets: [T1, T2]}\n");
  REQUIRE(diags.size() == 1);
  const std::string english = diagnostics_markdown({{&files, &diags}});
  CHECK(english.rfind("### plan check: 1 error, 0 warnings\n", 0) == 0);
  const std::string he = diagnostics_markdown({{&files, &diags}}, po_translate, true);
  CAPTURE(he);
  CHECK(he.rfind("### בדיקת התוכנית (plan check): שגיאה אחת, 0 אזהרות\n", 0) == 0);
  CHECK(he.find("| מיקום | חומרה | קוד | בעיה |") != std::string::npos);
  CHECK(he.find("| שגיאה | unknown-goal | היעד '\u2068T2\u2069' מציין") != std::string::npos);
}

TEST_CASE("a summary's list of problems speaks the messages' language") {
  auto checked = check_sources(
      "plan/", {{"plan/a.yaml",
                 std::string(kHeader) + "  - {id: T2, title: Second, goals: [G2]}\n"
                                        "sections:\n  - id: s\n    title: S\n"
                                        "    activities:\n"
                                        "      - {id: a, title: A, targets: [T1, T2]}\n",
                 "", false}});
  const Stats stats = compute_stats(*checked->index, parse_date("2009-06-01"));
  TemplateSet set("");
  plan::Message error;
  const Json labels = summary_labels(set, "en", {&checked->index->plan()}, error);
  REQUIRE(error.empty());
  const TemplateSource t{"t", "t.mustache",
                         "{{#diagnostics}}{{code}}: {{message}}{{/diagnostics}}"};
  auto english = template_context({*checked->index, stats, {}, checked->diags}, labels);
  CHECK(render_template(t, {}, *english, OutputFormat::markdown, true).text ==
        "unknown-goal: target 'T2' names goal 'G2', which does not exist; did you mean 'G1'?");
  auto he =
      template_context({*checked->index, stats, {}, checked->diags, po_translate, true}, labels);
  CHECK(render_template(t, {}, *he, OutputFormat::html, true).text ==
        "unknown-goal: היעד &#39;\u2068T2\u2069&#39; מציין את המטרה &#39;\u2068G2\u2069&#39;, "
        "שאינה קיימת; אולי הכוונה ל־&#39;\u2068G1\u2069&#39;?");
}

TEST_CASE("the language server publishes diagnostics in the language of the client's locale") {
  plan::test::TempDir dir;
  dir.write("plan/plan.yaml", std::string(kHeader) +
                                  "  - {id: T2, title: Second, goals: [G2]}\n"
                                  "sections:\n  - id: s\n    title: S\n    activities:\n"
                                  "      - {id: a, title: A, targets: [T1, T2]}\n");
  const std::string root = (dir.path / "plan").string();
  for (const char* locale : {"he", "en-us", ""}) {
    CAPTURE(locale);
    std::vector<std::string> asked;
    lsp::SessionConfig config;
    config.message_language = [&asked](const std::string& l) {
      asked.push_back(l);
      return l == "he" ? lsp::MessageLanguage{po_translate, true} : lsp::MessageLanguage{};
    };
    plan::test::LspClient c(config);
    lsp::json params{{"rootUri", lsp::uri_from_path(root)}, {"capabilities", lsp::json::object()}};
    if (*locale) params["locale"] = locale;
    c.request("initialize", params);
    c.notify("initialized", lsp::json::object());
    CHECK(asked == std::vector<std::string>{locale});  // once, with the client's locale
    const lsp::json diags = c.diagnostics(root + "/plan.yaml");
    REQUIRE(diags.is_array());
    REQUIRE(diags.size() == 1);
    CHECK(diags[0]["code"] == "unknown-goal");
    CHECK(diags[0]["message"] ==
          (std::string(locale) == "he"
               ? "היעד '\u2068T2\u2069' מציין את המטרה '\u2068G2\u2069', שאינה קיימת; אולי "
                 "הכוונה ל־'\u2068G1\u2069'?"
               : "target 'T2' names goal 'G2', which does not exist; did you mean 'G1'?"));
    // A rename the server refuses is said to the editor's user in the same language.
    const lsp::json rename =
        c.request("textDocument/rename",
                  {{"textDocument", {{"uri", lsp::uri_from_path(root + "/plan.yaml")}}},
                   {"position", {{"line", 0}, {"character", 0}}},
                   {"newName", "X"}});
    CHECK(
        rename["error"]["message"] ==
        (std::string(locale) == "he" ? "אין כאן מזהה לשינוי שם" : "there is no id here to rename"));
  }
}
