// The table of diagnostic codes (one source for the README and the code-scanning outputs),
// and the SARIF, GitLab and Markdown forms of the problems.
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "diagnostic_codes.hpp"
#include "render/code_scanning.hpp"
#include "render/diagnostics_markdown.hpp"
#include "render/gitlab_quality.hpp"
#include "render/sarif.hpp"

using namespace plan;
using Json = nlohmann::json;

namespace {

std::string trim(const std::string& s) {
  const auto a = s.find_first_not_of(' ');
  const auto b = s.find_last_not_of(' ');
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

// The README's table of codes, row by row, as its three cells.
std::vector<DiagnosticCodeRow> readme_rows() {
  std::ifstream in(std::string(PLAN_SOURCE_DIR) + "/README.md");
  std::vector<DiagnosticCodeRow> rows;
  std::string line;
  bool in_table = false;
  while (std::getline(in, line)) {
    if (line == "| code | severity | what |") {
      in_table = true;
      continue;
    }
    if (!in_table) continue;
    if (line.rfind("| ---", 0) == 0) continue;
    if (line.empty() || line[0] != '|') break;
    std::vector<std::string> cells;
    std::size_t start = 1;
    for (int i = 0; i < 3; ++i) {
      // The description is the rest of the line: it may hold no '|', as Markdown would end
      // its cell there.
      const std::size_t end = i < 2 ? line.find(" | ", start) : line.rfind(" |");
      cells.push_back(trim(line.substr(start, end - start)));
      start = end + 2;
    }
    DiagnosticCodeRow row;
    std::size_t at = 0;
    while ((at = cells[0].find('`', at)) != std::string::npos) {
      const std::size_t close = cells[0].find('`', at + 1);
      row.codes.push_back(cells[0].substr(at + 1, close - at - 1));
      at = close + 1;
    }
    row.severity = cells[1];
    row.what = cells[2];
    rows.push_back(row);
  }
  return rows;
}

Loc at(std::uint32_t file, std::uint32_t line, std::uint32_t col) {
  return Loc{file, line, col};
}

}  // namespace

TEST_CASE("the table of codes is the README's, row for row") {
  const auto readme = readme_rows();
  const auto& table = diagnostic_code_rows();
  REQUIRE(readme.size() > 30);
  REQUIRE(readme.size() == table.size());
  for (std::size_t i = 0; i < table.size(); ++i) {
    CAPTURE(i);
    CHECK(readme[i].codes == table[i].codes);
    CHECK(readme[i].severity == table[i].severity);
    CHECK(readme[i].what == table[i].what);
  }
}

TEST_CASE("every code a check or the loader reports is in the table") {
  // The codes `plan check` can print (template codes belong to plan render, also listed).
  for (const char* code :
       {"yaml-syntax", "duplicate-key", "unknown-key", "wrong-type", "duplicate-id", "unknown-goal",
        "unknown-target", "unknown-unit", "unit-cycle", "unserved-goal", "no-targets",
        "percent-ignored", "empty-file", "empty-glob", "bad-stale-after", "template-limit"}) {
    CAPTURE(code);
    CHECK(find_diagnostic_code(code) != nullptr);
  }
  CHECK(find_diagnostic_code("no-such-code") == nullptr);
  // One entry per code, the descriptions of every row that names it kept.
  std::set<std::string> seen;
  for (const DiagnosticCode& c : diagnostic_codes()) CHECK(seen.insert(c.code).second);
  CHECK(find_diagnostic_code("bad-stale-after")->what.size() == 2);
  CHECK(find_diagnostic_code("unserved-goal")->severity == Severity::warning);
  CHECK(find_diagnostic_code("unreadable")->severity == Severity::error);
}

TEST_CASE("paths become URI references, every byte but the unreserved encoded") {
  CHECK(path_to_uri_reference("plan/goals.yaml") == "plan/goals.yaml");
  CHECK(path_to_uri_reference("../a b/#x%.yaml") == "../a%20b/%23x%25.yaml");
  CHECK(path_to_uri_reference("יעד") == "%D7%99%D7%A2%D7%93");
}

TEST_CASE("a fingerprint ignores the line and column, not the code, file or message") {
  const Diagnostic d = make_error("unknown-goal", at(1, 10, 3), "target 'T1' names goal 'G9'");
  Diagnostic moved = d;
  moved.loc = at(1, 42, 7);
  CHECK(diagnostic_fingerprint("plan/a.yaml", d) == diagnostic_fingerprint("plan/a.yaml", moved));
  CHECK(diagnostic_fingerprint("plan/a.yaml", d).size() == 16);
  CHECK(diagnostic_fingerprint("plan/a.yaml", d) != diagnostic_fingerprint("plan/b.yaml", d));
  CHECK(diagnostic_fingerprint("plan/a.yaml", d) != diagnostic_fingerprint("plan/a.yaml", d, 1));
  Diagnostic other = d;
  other.code = "unknown-target";
  CHECK(diagnostic_fingerprint("plan/a.yaml", d) != diagnostic_fingerprint("plan/a.yaml", other));
  other = d;
  other.message = "target 'T1' names goal 'G8'";
  CHECK(diagnostic_fingerprint("plan/a.yaml", d) != diagnostic_fingerprint("plan/a.yaml", other));
  // A message that quotes a line number keeps its print when the line moves.
  const Diagnostic quoted = make_error("yaml-syntax", at(1, 9, 1), "a block that starts at line 7");
  Diagnostic quoted_moved = quoted;
  quoted_moved.message = "a block that starts at line 12";
  CHECK(diagnostic_fingerprint("f", quoted) == diagnostic_fingerprint("f", quoted_moved));
}

TEST_CASE("SARIF: rules from the table, help links only to a web address") {
  const std::vector<std::string> files{"plan", "plan/a.yaml", "/abs/b.yaml"};
  Diagnostics diags{make_warning("unserved-goal", at(1, 4, 5), "goal 'G2' is served by no target"),
                    make_error("bad-stale-after", at(2, 0, 0), "stale_after is 0"),
                    make_error("something-new", at(1, 1, 1), "a code the table lacks")};
  diags[0].notes.push_back(make_note(at(2, 3, 1), "see here"));
  const std::vector<DiagnosticGroup> groups{{&files, &diags}};

  const Json offline = Json::parse(format_sarif(groups, {"1.2.3", "file:///src/README.md"}));
  const Json& run = offline["runs"][0];
  CHECK(run["tool"]["driver"]["version"] == "1.2.3");
  CHECK_FALSE(run["tool"]["driver"].contains("informationUri"));
  const Json& rules = run["tool"]["driver"]["rules"];
  REQUIRE(rules.size() == 3);
  // The table's order (bad-stale-after's first row is above unserved-goal's), then the
  // unknown code.
  CHECK(rules[0]["id"] == "bad-stale-after");
  CHECK(rules[1]["id"] == "unserved-goal");
  CHECK(rules[2]["id"] == "something-new");
  CHECK(rules[1]["defaultConfiguration"]["level"] == "warning");
  CHECK(rules[0]["defaultConfiguration"]["level"] == "error");
  CHECK(rules[1]["shortDescription"]["text"] ==
        markdown_to_plain(find_diagnostic_code("unserved-goal")->what[0]));
  CHECK_FALSE(rules[1].contains("helpUri"));
  // One row: the full description repeats the short one (GitHub requires a full one).
  CHECK(rules[1]["fullDescription"] == rules[1]["shortDescription"]);
  // Two rows name bad-stale-after: both in its full description and help.
  CHECK(rules[0]["fullDescription"]["text"].get<std::string>().find("(workspace file)") !=
        std::string::npos);
  CHECK(rules[0]["help"]["markdown"].get<std::string>().find("\n\n") != std::string::npos);

  const Json& results = run["results"];
  REQUIRE(results.size() == 3);
  CHECK(results[0]["ruleIndex"] == 1);
  CHECK(results[1]["ruleIndex"] == 0);
  CHECK(results[2]["ruleIndex"] == 2);
  CHECK(results[0]["relatedLocations"][0]["message"]["text"] == "see here");
  CHECK(results[0]["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "file:///abs/b.yaml");
  const Json& absolute = results[1]["locations"][0]["physicalLocation"];
  CHECK(absolute["artifactLocation"]["uri"] == "file:///abs/b.yaml");
  CHECK_FALSE(absolute["artifactLocation"].contains("uriBaseId"));
  CHECK(absolute["region"]["startLine"] == 1);  // a whole file: its first line
  CHECK_FALSE(absolute["region"].contains("startColumn"));

  const Json online = Json::parse(format_sarif(groups, {"1.2.3", "https://example.org/README.md"}));
  CHECK(online["runs"][0]["tool"]["driver"]["informationUri"] == "https://example.org/README.md");
  CHECK(online["runs"][0]["tool"]["driver"]["rules"][1]["helpUri"] ==
        "https://example.org/README.md#diagnostics");
}

TEST_CASE("GitLab: a line for a whole file, notes in the description") {
  const std::vector<std::string> files{"plan", "plan/a.yaml"};
  Diagnostics diags{make_warning("empty-file", at(1, 0, 0), "no data"),
                    make_error("duplicate-id", at(1, 5, 3), "duplicate id 'A1'")};
  diags[1].notes.push_back(make_note(at(1, 2, 3), "first here"));
  diags.push_back(diags[1]);
  const Json report = Json::parse(format_gitlab_quality({{&files, &diags}}));
  REQUIRE(report.size() == 3);
  CHECK(report[0]["location"]["lines"]["begin"] == 1);
  CHECK(report[0]["severity"] == "minor");
  CHECK(report[1]["severity"] == "major");
  CHECK(report[1]["description"] == "duplicate id 'A1' (note: plan/a.yaml:2: first here)");
  CHECK(report[1]["fingerprint"] != report[2]["fingerprint"]);
}

TEST_CASE("the job summary's Markdown escapes plan text and stops at its row limit") {
  const std::vector<std::string> files{"plan", "plan/a|b.yaml"};
  Diagnostics diags{
      make_error("unknown-goal", at(1, 3, 4), "names goal '[x](http://evil)|<b>\n## heading'")};
  diags[0].notes.push_back(make_note(at(1, 1, 1), "first"));
  std::string md = diagnostics_markdown({{&files, &diags}});
  CHECK(md.rfind("### plan check: 1 error, 0 warnings\n", 0) == 0);
  CHECK(md.find("\n## heading") == std::string::npos);
  CHECK(md.find("\\[x\\](http\\://evil)") != std::string::npos);
  CHECK(md.find("a|b") == std::string::npos);
  CHECK(md.find("| note |") != std::string::npos);

  Diagnostics many;
  for (std::size_t i = 0; i < kMaxMarkdownRows + 5; ++i)
    many.push_back(make_warning("no-targets", at(1, 1, 1), "x"));
  md = diagnostics_markdown({{&files, &many}});
  CHECK(md.find("And 5 more") != std::string::npos);
  const Diagnostics none;
  CHECK(diagnostics_markdown({{&files, &none}}).empty());
}
