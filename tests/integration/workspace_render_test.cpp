// The roll-up summary of a workspace, checked by the programs that read it, as
// render_test.cpp checks a single plan's: cmark-gfm for the Markdown, tidy for the HTML,
// headless Chromium at 390 and 1280 px; and the unit pages --output-dir writes beside it.
#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "page_probe.hpp"
#include "run.hpp"

using namespace plan::test;

namespace {

void write(const std::string& path, const std::string& text) {
  run("mkdir -p \"$(dirname '" + path + "')\"");
  std::ofstream(path, std::ios::binary) << text;
}

std::string read(const std::string& path) {
  std::stringstream s;
  s << std::ifstream(path, std::ios::binary).rdbuf();
  return s.str();
}

std::size_t count(const std::string& s, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = s.find(needle); at != std::string::npos; at = s.find(needle, at + 1)) ++n;
  return n;
}

// A Hebrew workspace: the HQ's plan with the shared goals, three units serving them or not,
// one whose plan does not parse (not counted), and one whose text is hostile.
std::string make_workspace(const std::string& name) {
  const std::string dir = artifact(name);
  run("rm -rf " + dir + " && mkdir -p " + dir);
  write(dir + "/plans.yaml",
        "workspace:\n  title: \"תוכניות העבודה של התנועה 2009\"\n  language: he\n"
        "units:\n  - id: hq\n    path: hq/plan\n    weight: 2\n  - glob: units/*/plan\n");
  const std::string period = "  period: {start: 2009-01-01, end: 2009-12-31}\n";
  write(dir + "/hq/plan/plan.yaml",
        "plan:\n  title: המטה השיתופי\n  language: he\n" + period +
            "goals:\n  - {id: G1, title: טיפוח הרעיון השיתופי}\n"
            "  - {id: G2, title: הכשרת רכזים ורכזות בכל האזורים}\n"
            "  - {id: G3, title: מטרה שאיש אינו משרת}\n"
            "targets:\n  - {id: T1, title: כנסים אזוריים, goals: [G1]}\n"
            "sections:\n  - id: S1\n    title: עבודת המטה\n    activities:\n"
            "      - {id: A1, title: כנס ארצי, targets: [T1], status: in-progress, percent: 40}\n");
  write(dir + "/units/galil/plan/plan.yaml",
        "plan:\n  title: הגליל העליון (יחידה בדויה)\n  language: he\n" + period +
            "goals:\n  - {id: L1, title: מטרה מקומית}\n"
            "targets:\n  - {id: T1, title: מפגשי חברים, goals: [hq:G1, L1]}\n"
            "  - {id: T2, title: קורס רכזים, goals: [hq:G2]}\n"
            "sections:\n  - id: S1\n    title: פעילות\n    activities:\n"
            "      - {id: B1, title: מפגש ראשון, targets: [T1], status: done}\n"
            "      - {id: B2, title: קורס, targets: [T2], status: in-progress, percent: 30}\n"
            "      - {id: B3, title: מאוחר, targets: [T2], status: planned, due: 2009-03-01}\n");
  write(dir + "/units/negev/plan/plan.yaml",
        "plan:\n  title: צוות הנגב (בדוי)\n  language: he\n" + period +
            "goals:\n  - {id: N1, title: מטרה משלהם}\n"
            "targets:\n  - {id: T1, title: יעד משלהם, goals: [N1]}\n"
            "sections:\n  - id: S1\n    title: פעילות\n    activities:\n"
            "      - {id: C1, title: עבודה, targets: [T1], status: done}\n");
  write(dir + "/units/broken/plan/plan.yaml", "plan:\n  title: [never closed\n");
  write(dir + "/units/evil/plan/plan.yaml",
        "plan:\n  title: \"<script>alert(1)</script> @org/team www.evil.example <b>units\"\n" +
            period +
            "goals:\n  - {id: E1, title: \"<img src=x onerror=alert(1)>\"}\n"
            "targets:\n  - {id: T1, title: \"**bold** [x](javascript:alert(1)) | pipe\", "
            "goals: [hq:G2]}\n"
            "sections:\n  - id: S1\n    title: \"# broken out\"\n    activities:\n"
            "      - {id: D1, title: \"_under_ ~~del~~\", targets: [T1], status: in-progress, "
            "percent: 80}\n");
  return dir;
}

// `plan` in the workspace's folder (found there: no option needed), history off so the
// figures do not depend on this repository's commits.
Run plan_in(const std::string& dir, const std::string& args) {
  return run("cd " + dir + " && PLAN_HISTORY=0 " + plan_cmd(args));
}

// Every `href` that names a file (not an anchor) names one that was written.
void check_links(const std::string& dir, const std::string& text, const std::string& pattern) {
  std::regex link(pattern);
  std::size_t links = 0;
  for (std::sregex_iterator it(text.begin(), text.end(), link), end; it != end; ++it) {
    const std::string target = (*it)[1];
    CAPTURE(target);
    CHECK(std::ifstream(dir + "/" + target).good());
    ++links;
  }
  CHECK(links > 0);
}

}  // namespace

TEST_CASE("workspace render html: tidy finds nothing, the page is self-contained, units linked") {
  REQUIRE_MESSAGE(have("tidy"), "tidy is needed (scripts/setup.sh installs it)");
  const std::string dir = make_workspace("ws-html");
  Run r = plan_in(dir, "render --format html --as-of 2009-06-01 --output-dir site 2>&1");
  CAPTURE(r.out);
  CHECK(r.status == 1);  // the broken unit's error, printed; the pages are still written
  CHECK(r.out.find("units/broken/plan/plan.yaml") != std::string::npos);
  const std::string index = read(dir + "/site/index.html");
  REQUIRE(!index.empty());
  CHECK(index.find("<html lang=\"he\" dir=\"rtl\">") != std::string::npos);
  // Every page passes tidy: the roll-up, and each unit's own summary.
  for (const char* page :
       {"index.html", "hq.html", "galil.html", "negev.html", "evil.html", "broken.html"}) {
    CAPTURE(page);
    Run tidy = run("tidy -e -q " + dir + "/site/" + page + " 2>&1");
    CAPTURE(tidy.out);
    CHECK(tidy.status == 0);
  }
  // The unit whose plan did not load whole is marked, never counted as 0; its own page
  // says which file could not be read.
  CHECK(index.find("<td class=\"cell not-counted\" colspan=\"3\">לא נספרה</td>") !=
        std::string::npos);
  CHECK(read(dir + "/site/broken.html").find("1 of 1 files could not be read") != std::string::npos);
  check_links(dir + "/site", index, "href=\"([^\"#]+\\.html)\"");
  // The grid: a caption, scoped headers, text in every cell.
  CHECK(index.find("<caption>") != std::string::npos);
  CHECK(index.find("<th scope=\"col\"><a href=\"#goal-hq:G1\"") != std::string::npos);
  std::regex cell("<td class=\"cell [^\"]*\"[^>]*>(.*?)</td>");
  std::size_t cells = 0;
  for (std::sregex_iterator it(index.begin(), index.end(), cell), end; it != end; ++it, ++cells)
    CHECK_FALSE(std::regex_replace((*it)[1].str(), std::regex("<[^>]*>"), "").empty());
  CHECK(cells >= 12);
  // Plan text stays inert, and nothing is fetched.
  for (const char* raw : {"<script", "<img", "<b>units", "href=\"javascript"})
    CHECK(index.find(raw) == std::string::npos);
  for (const char* fetch : {"src=\"http", "href=\"http", "url(http", "<link", "@import"})
    CHECK(index.find(fetch) == std::string::npos);
}

TEST_CASE("workspace render md: cmark-gfm keeps every table row's cells, text stays inert") {
  REQUIRE_MESSAGE(have("cmark-gfm"), "cmark-gfm is needed (scripts/setup.sh installs it)");
  const std::string dir = make_workspace("ws-md");
  Run r = plan_in(dir, "render --format md --as-of 2009-06-01 --output-dir site 2>/dev/null");
  CHECK(r.status == 1);
  const std::string md = read(dir + "/site/index.md");
  REQUIRE(!md.empty());
  CHECK(md.rfind("<div dir=\"rtl\">", 0) == 0);
  check_links(dir + "/site", md, "\\]\\(([^)#]+\\.md)\\)");
  Run html = run("cmark-gfm --unsafe -e table -e strikethrough -e autolink --to html " + dir +
                 "/site/index.md");
  REQUIRE(html.status == 0);
  std::regex table_re("<table>([\\s\\S]*?)</table>");
  std::size_t tables = 0;
  for (std::sregex_iterator it(html.out.begin(), html.out.end(), table_re), end; it != end; ++it) {
    ++tables;
    const std::string table = (*it)[1];
    std::regex row_re("<tr>([\\s\\S]*?)</tr>");
    std::size_t header = 0;
    for (std::sregex_iterator row(table.begin(), table.end(), row_re); row != end; ++row) {
      const std::string cells = (*row)[1];
      const std::size_t n = count(cells, "<td") + count(cells, "<th");
      if (header == 0) header = n;
      CAPTURE(cells);
      CHECK(n == header);
    }
  }
  CHECK(tables >= 3);  // counts, units, grid (and the stale lists when known)
  for (const char* raw : {"<script", "<img", "<b>units", "<strong>bold", "<del>", "<em>under",
                          "href=\"javascript", "<h1>broken out"})
    CHECK(html.out.find(raw) == std::string::npos);
  // History is off: staleness is not known, and that is said once.
  CHECK(count(md, "לא ידוע מי לא עדכן") == 1);
}

TEST_CASE(
    "workspace render html: loads in headless Chromium, nothing overflows at 390 or 1280 px") {
  REQUIRE_MESSAGE(have("chromium"), "chromium is needed (scripts/setup.sh installs it)");
  const std::string dir = make_workspace("ws-chromium");
  plan_in(dir, "render --format html --as-of 2009-06-01 --output rollup.html 2>/dev/null");
  const std::string html = read(dir + "/rollup.html");
  REQUIRE(!html.empty());
  for (int width : {390, 1280}) {
    CAPTURE(width);
    const std::string w = std::to_string(width);
    const std::string verdict = page_verdict(html, "workspace", width);
    REQUIRE_MESSAGE(!verdict.empty(), "the page did not finish loading");
    CAPTURE(verdict);
    CHECK(verdict.find("\"width\":" + w + ",") != std::string::npos);
    CHECK(verdict.find("\"scroll\":" + w + ",") != std::string::npos);
    CHECK(verdict.find("\"bad\":[]") != std::string::npos);
    CHECK(verdict.find("\"wraps\":0") != std::string::npos);
  }
}

TEST_CASE("workspace render: usage errors are said and write nothing") {
  const std::string dir = make_workspace("ws-usage");
  Run both = plan_in(dir, "render --format html --output a.html --output-dir site 2>&1");
  CHECK(both.status == 2);
  CHECK(both.out.find("not both") != std::string::npos);
  Run history = plan_in(dir, "render --format html --history 2>&1");
  CHECK(history.status == 2);
  CHECK(history.out.find("one plan") != std::string::npos);
  CHECK_FALSE(std::ifstream(dir + "/site/index.html").good());
  Run one = run(plan_cmd("--plan " + source("tests/golden/status-english/plan") +
                         " render --format md --output-dir " + dir + "/one 2>&1"));
  CHECK(one.status == 2);
  CHECK(one.out.find("--output-dir renders a workspace") != std::string::npos);
}
