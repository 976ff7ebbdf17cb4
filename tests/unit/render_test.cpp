// The render stage's pieces: escaping, labels, the template context, and the engine.
#include <doctest/doctest.h>

#include <functional>
#include <set>

#include "render/embedded.hpp"
#include "render/escape.hpp"
#include "render/mustache_render.hpp"
#include "render/templates.hpp"

using namespace plan;

TEST_CASE("escape_html leaves no markup") {
  CHECK(escape_html("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
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
          if (it->is_object()) keys(*it, prefix + it.key() + ".", out);
          else out.insert(prefix + it.key());
        }
      };
  TemplateSet set("");
  std::string used, error;
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
  TemplateSource t{"t", "t.mustache", "{{title}}{{#empty}}E{{/empty}}{{#none}}N{{/none}}{{^none}}-{{/none}}"};
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
