// The rendered summaries, checked by the programs that will read them: cmark-gfm for the
// Markdown, tidy for the HTML, and headless Chromium for the page as a person sees it.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "page_probe.hpp"
#include "run.hpp"

using namespace plan::test;

namespace {

const char* const kPlans[] = {"plan", "tests/golden/status-english/plan",
                              "tests/golden/plans/hostile", "tests/golden/hebrew-ids-status/plan"};

std::string render(const std::string& plan_dir, const std::string& format) {
  Run r = run(plan_cmd("--plan " + source(plan_dir) + " render --format " + format +
                       " --as-of 2009-06-01"));
  REQUIRE_MESSAGE(r.status == 0, plan_dir);
  return r.out;
}

std::string write_temp(const std::string& name, const std::string& text) {
  std::string path = artifact(name);
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::size_t count(const std::string& s, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = s.find(needle); at != std::string::npos; at = s.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("markdown: cmark-gfm keeps every table row's cells, and plan text stays inert") {
  REQUIRE_MESSAGE(have("cmark-gfm"), "cmark-gfm is needed (scripts/setup.sh installs it)");
  for (const char* plan : kPlans) {
    CAPTURE(plan);
    std::string md = write_temp("summary.md", render(plan, "md"));
    Run html = run("cmark-gfm --unsafe -e table -e strikethrough -e autolink --to html " + md);
    REQUIRE(html.status == 0);
    // Every row of a table has as many cells as its header.
    std::regex table_re("<table>([\\s\\S]*?)</table>");
    std::size_t tables = 0;
    for (std::sregex_iterator it(html.out.begin(), html.out.end(), table_re), end; it != end;
         ++it) {
      ++tables;
      std::string table = (*it)[1];
      std::regex row_re("<tr>([\\s\\S]*?)</tr>");
      std::size_t header = 0;
      for (std::sregex_iterator r(table.begin(), table.end(), row_re); r != end; ++r) {
        std::string row = (*r)[1];
        std::size_t cells = count(row, "<td") + count(row, "<th");
        if (header == 0) header = cells;
        CAPTURE(row);
        CHECK(cells == header);
      }
    }
    CHECK(tables >= 4);
    // Nothing from the plan became markup: --unsafe would pass raw HTML straight through.
    CHECK(html.out.find("<script") == std::string::npos);
    CHECK(html.out.find("href=\"javascript") == std::string::npos);
    CHECK(html.out.find("<h1>broken out") == std::string::npos);
    CHECK(html.out.find("<strong>bold") == std::string::npos);
    CHECK(html.out.find("<em>under") == std::string::npos);
    CHECK(html.out.find("<del>") == std::string::npos);
    CHECK(html.out.find("<b>units") == std::string::npos);
    CHECK(html.out.find("<img") == std::string::npos);
  }
}

TEST_CASE("html: tidy finds no errors and plan text stays inert") {
  REQUIRE_MESSAGE(have("tidy"), "tidy is needed (scripts/setup.sh installs it)");
  for (const char* plan : kPlans) {
    CAPTURE(plan);
    std::string html = render(plan, "html");
    std::string path = write_temp("summary.html", html);
    Run tidy = run("tidy -e -q " + path + " 2>&1");
    CAPTURE(tidy.out);
    CHECK(tidy.status == 0);  // 1 would be warnings, 2 errors
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<h1>broken out") == std::string::npos);
    CHECK(html.find("href=\"javascript") == std::string::npos);
    // Self-contained: nothing to fetch (plan text may mention an address, as text).
    for (const char* fetch : {"src=\"http", "href=\"http", "url(http", "<link", "@import"})
      CHECK(html.find(fetch) == std::string::npos);
  }
}

TEST_CASE("html: loads in headless Chromium and nothing overflows at 390 px or 1280 px") {
  REQUIRE_MESSAGE(have("chromium"), "chromium is needed (scripts/setup.sh installs it)");
  const std::string chromium = chromium_command();
  for (const char* plan : {"plan", "tests/golden/status-english/plan"}) {
    const std::string name = std::string(plan) == "plan" ? "shipped" : "english";
    const std::string html = render(plan, "html");
    write_temp(name + ".html", html);
    for (int width : {390, 1280}) {
      CAPTURE(plan);
      CAPTURE(width);
      const std::string w = std::to_string(width);
      std::string page = write_temp(name + "-" + w + "-probe.html", probe_page(html, width, 900));
      Run dom = run(chromium + "--window-size=1400,900 --dump-dom file://" + page + " 2>/dev/null");
      REQUIRE(dom.status == 0);
      std::smatch m;
      REQUIRE_MESSAGE(std::regex_search(dom.out, m, std::regex("data-layout=\"([^\"]*)\"")),
                      "the page did not finish loading");
      const std::string verdict = std::regex_replace(m[1].str(), std::regex("&quot;"), "\"");
      CAPTURE(verdict);
      CHECK(verdict.find("\"width\":" + w + ",") != std::string::npos);
      CHECK(verdict.find("\"scroll\":" + w + ",") != std::string::npos);  // no sideways scrolling
      CHECK(verdict.find("\"bad\":[]") != std::string::npos);             // no element sticks out
      CHECK(verdict.find("\"wraps\":0") != std::string::npos);            // no table scrolls either
      // A screenshot at that width, for a person to look at.
      std::string shot_page =
          write_temp(name + "-" + w + "-shot.html", probe_page(html, width, 3000));
      std::string shot = artifact(name + "-" + w + ".png");
      std::remove(shot.c_str());  // so the check below sees this run's screenshot, not an old one
      run(chromium + "--window-size=" + std::to_string(std::max(width, 500)) +
          ",3000 --screenshot=" + shot + " file://" + shot_page + " 2>/dev/null");
      CHECK(std::ifstream(shot, std::ios::binary).good());
    }
  }
}

TEST_CASE("a custom template given with --template renders goals and targets from the context") {
  const std::string tmpl =
      write_temp("custom.md.mustache",
                 "{{plan.title}} ({{percent_text}})\n"
                 "{{#goals}}* {{id}} {{percent_text}} {{title}}\n"
                 "{{#target_links}}  - {{id}} {{title}}\n{{/target_links}}{{/goals}}");
  Run r = run(plan_cmd("--plan " + source("tests/golden/status-english/plan") +
                       " render --template " + tmpl + " --as-of 2009-07-01 --strict 2>&1"));
  CHECK(r.status == 0);
  CHECK(r.out ==
        "Small English plan (55%)\n"
        "* G1 68% Grow membership\n"
        "  - T1 Hold regional meetings\n"
        "  - T2 Publish a newsletter\n"
        "* G2 25% Train coordinators\n"
        "  - T3 Run a course\n");
}

TEST_CASE("render --output: a failed render leaves the previous report byte for byte") {
  const std::string out = artifact("kept.md");
  std::ofstream(out, std::ios::binary) << "the previous report\n";
  const std::string broken = write_temp("broken.md.mustache", "{{#goals}} never closed\n");
  Run r = run(plan_cmd("--plan " + source("tests/golden/status-english/plan") +
                       " render --template " + broken + " --output " + out + " 2>&1"));
  CHECK(r.status == 1);
  std::stringstream kept;
  kept << std::ifstream(out, std::ios::binary).rdbuf();
  CHECK(kept.str() == "the previous report\n");

  // A good render replaces it whole.
  r = run(plan_cmd("--plan " + source("tests/golden/status-english/plan") +
                   " render --format md --as-of 2009-07-01 --output " + out + " 2>&1"));
  CHECK(r.status == 0);
  std::stringstream now;
  now << std::ifstream(out, std::ios::binary).rdbuf();
  CHECK(now.str().rfind("# Small English plan", 0) == 0);
}

namespace {
// A plan whose text mentions people and carries bare links, in a fresh folder.
std::string mentions_plan() {
  const std::string dir = artifact("mentions-plan");
  run("rm -rf " + dir + " && mkdir -p " + dir + "/plan");
  std::ofstream(dir + "/plan/plan.yaml", std::ios::binary)
      << "plan:\n  title: \"Plan @org/team https://evil.example/x\"\n  language: he\n"
         "  period: {start: 2009-01-01, end: 2009-12-31}\n"
         "goals:\n  - {id: G1, title: \"@everyone see www.evil.example\"}\n"
         "targets:\n  - {id: T1, title: \"Mail boss@evil.example now\", goals: [G1]}\n"
         "sections:\n  - id: S1\n    title: \"http://evil.example @user\"\n    activities:\n"
         "      - {id: A1, title: \"Ask @org/team at www.evil.example\", targets: [T1], status: "
         "planned,"
         " owner: \"@someone\"}\n";
  return dir + "/plan";
}
}  // namespace

TEST_CASE("markdown: mentions and bare links in plan text stay inert for cmark-gfm") {
  REQUIRE_MESSAGE(have("cmark-gfm"), "cmark-gfm is needed (scripts/setup.sh installs it)");
  Run r = run(plan_cmd("--plan " + mentions_plan() + " render --format md --as-of 2009-06-01"));
  REQUIRE(r.status == 0);
  const std::string md = write_temp("mentions.md", r.out);
  Run html = run("cmark-gfm --unsafe -e table -e autolink --to html " + md);
  REQUIRE(html.status == 0);
  CAPTURE(html.out);
  CHECK(html.out.find("<a ") == std::string::npos);
  // A mention is "@" and a name in one run of text: none is left.
  CHECK_FALSE(std::regex_search(html.out, std::regex("(^|[^A-Za-z0-9])@[A-Za-z0-9]")));
  // The text itself is whole once the markup is gone: copy and paste gives it back.
  const std::string text = std::regex_replace(html.out, std::regex("<[^>]*>"), "");
  CHECK(text.find("Ask @org/team at www.evil.example") != std::string::npos);
  CHECK(text.find("Plan @org/team https://evil.example/x") != std::string::npos);
}

TEST_CASE(
    "render --lang: labels follow it, direction stays the plan's, an unknown language is refused") {
  Run en = run(
      plan_cmd("--plan " + source("plan") + " render --format md --lang en --as-of 2009-06-01"));
  CHECK(en.status == 0);
  CHECK(en.out.rfind("<div dir=\"rtl\">", 0) == 0);
  CHECK(en.out.find("## Goals") != std::string::npos);
  Run fr = run(plan_cmd("--plan " + source("plan") + " render --format md --lang fr 2>&1"));
  CHECK(fr.status == 2);
  CHECK(fr.out.find("'fr'") != std::string::npos);
  CHECK(fr.out.find("en, he") != std::string::npos);
  Run list = run(plan_cmd("--plan " + source("plan") + " render --list-templates"));
  CHECK(list.status == 0);
  CHECK(list.out.find("labels/he.json") != std::string::npos);
}

TEST_CASE("render: a template that recurses or nests without end is a located error, exit 1") {
  const std::string self = write_temp("self.md.mustache", "{{#goals}}\n{{> self}}{{/goals}}\n");
  // A partial of that name: the repository's templates/partials folder is beside plan/.
  const std::string dir = artifact("recursive-templates");
  run("rm -rf " + dir + " && mkdir -p " + dir + "/templates/partials && cp -r " +
      source("tests/golden/status-english/plan") + " " + dir + "/plan");
  std::ofstream(dir + "/templates/partials/self.mustache") << "x{{> self}}";
  Run r = run(plan_cmd("--plan " + dir + "/plan render --template " + self + " 2>&1"));
  CHECK(r.status == 1);
  CHECK(r.out.find("[template-limit]") != std::string::npos);
  CHECK(r.out.find("self.md.mustache:2:") != std::string::npos);
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "{{#plan}}";
  const std::string nested = write_temp("nested.md.mustache", deep);
  r = run(plan_cmd("--plan " + dir + "/plan render --template " + nested + " 2>&1"));
  CHECK(r.status == 1);
  CHECK(r.out.find("nested.md.mustache:1:289") != std::string::npos);
}

TEST_CASE(
    "render holds no copy of a large plan: 240,000 goals within the plan's memory and its output") {
  // 240,000 goals (9 MB of YAML) once took over 2 GB to render, and were then refused by an
  // estimate; the template context is now built item by item as the template walks it,
  // and the text goes through a temporary file, so the peak is the loaded plan (about
  // 170 MB) and the output read back for the atomic write (about 130 MB).
  REQUIRE_MESSAGE(have("/usr/bin/time"), "GNU time is needed (scripts/setup.sh installs it)");
  const std::string dir = artifact("goals-240k");
  run("rm -rf " + dir + " && mkdir -p " + dir + "/plan");
  {
    std::ofstream f(dir + "/plan/a.yaml", std::ios::binary);
    f << "plan:\n  title: Big\n  period: {start: 2009-01-01, end: 2009-12-31}\ngoals:\n";
    for (int i = 0; i < 240000; ++i) f << "  - {id: G" << i << ", title: Goal " << i << "}\n";
  }
  Run r = run("/usr/bin/time -f 'peak %M' " +
              plan_cmd("--plan " + dir + "/plan render --format html --output " + dir +
                       "/out.html 2>&1 >/dev/null | grep -v warning"));
  CAPTURE(r.out);
  CHECK(r.out.find("non-zero status") == std::string::npos);
  std::smatch m;
  REQUIRE(std::regex_search(r.out, m, std::regex("peak (\\d+)")));
#if !defined(__SANITIZE_ADDRESS__)  // AddressSanitizer's shadow memory and quarantine add more
  CHECK(std::stol(m[1].str()) < 512 * 1024);  // KiB
#endif
  std::ifstream out(dir + "/out.html", std::ios::binary);
  REQUIRE(out.good());
  std::string text((std::istreambuf_iterator<char>(out)), std::istreambuf_iterator<char>());
  CHECK(text.find("G239999") != std::string::npos);
  CHECK(text.size() > 100u << 20);
}
