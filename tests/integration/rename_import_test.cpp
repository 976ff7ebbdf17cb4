// `plan rename` and `plan import` on a copy of a plan over several files (block and flow
// style, quoted ids, comments, Hebrew, a file with a BOM and CRLF): the exact bytes written,
// and every file byte-identical when they refuse.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "../unit/temp_dir.hpp"
#include "run.hpp"

namespace fs = std::filesystem;
using namespace plan::test;

namespace {

std::string slurp(const fs::path& p) {
  std::stringstream s;
  s << std::ifstream(p, std::ios::binary).rdbuf();
  return s.str();
}

// Every file below a folder with its bytes, to show what changed and what did not.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) files[fs::relative(e.path(), dir).string()] = slurp(e.path());
  return files;
}

// A copy of the plan in a fresh folder, as plan/.
struct Copy : TempDir {
  Copy() {
    fs::copy(source("tests/golden/plans/several-files"), path / "plan",
             fs::copy_options::recursive);
  }
  Run plan(const std::string& args) const {
    return run("cd '" + path.string() + "' && " + plan_cmd(args + " 2>&1"));
  }
};

// `text` with each `from` replaced by `to`, failing the test when one is missing.
std::string replaced(std::string text,
                     const std::vector<std::pair<std::string, std::string>>& edits) {
  for (const auto& [from, to] : edits) {
    const std::size_t at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    text.replace(at, from.size(), to);
  }
  return text;
}

}  // namespace

TEST_CASE("plan rename changes the id and every link to it, in every file, and nothing else") {
  Copy c;
  auto expected = snapshot(c.path);
  const Run r = c.plan("rename g1 Goal.1");
  CHECK(r.status == 0);
  CHECK(r.out ==
        "goal G1 → Goal.1: 3 places in 2 files\n"
        "  plan/goals.yaml: 1\n"
        "  plan/targets.yaml: 2\n");
  expected["plan/goals.yaml"] =
      replaced(expected["plan/goals.yaml"], {{"id: \"G1\"    #", "id: \"Goal.1\"    #"}});
  expected["plan/targets.yaml"] =
      replaced(expected["plan/targets.yaml"],
               {{"[G1, \"G2\"]", "[Goal.1, \"G2\"]"}, {"- 'G1'   #", "- 'Goal.1'   #"}});
  CHECK(snapshot(c.path) == expected);
  CHECK(c.plan("check --strict").out == "");
}

TEST_CASE("plan rename keeps a byte-order mark and CRLF line ends") {
  Copy c;
  auto expected = snapshot(c.path);
  const Run r = c.plan("rename general.1 general.10");
  CHECK(r.status == 0);
  expected["plan/activities/general.yaml"] = replaced(
      expected["plan/activities/general.yaml"], {{"- id: general.1\r\n", "- id: general.10\r\n"}});
  CHECK(snapshot(c.path) == expected);
}

TEST_CASE("plan rename refuses a taken, invalid or unknown id and leaves every file as it was") {
  Copy c;
  const auto before = snapshot(c.path);
  for (const char* args :
       {"G1 g2", "G1 T1", "G1 1G", "G1 'G 1'", "G9 G10", "general.1 general.2"}) {
    CAPTURE(args);
    const Run r = c.plan(std::string("rename ") + args);
    CHECK(r.status == 2);
    CHECK(r.out.find("Nothing was changed.") != std::string::npos);
    CHECK(snapshot(c.path) == before);
  }
}

TEST_CASE("plan rename --dry-run shows the diff and writes nothing") {
  Copy c;
  const auto before = snapshot(c.path);
  const Run r = c.plan("rename T1 T10 --dry-run");
  CHECK(r.status == 0);
  CHECK(r.out.find("-        targets: [T1, T2]\r\n+        targets: [T10, T2]\r\n") !=
        std::string::npos);
  CHECK(snapshot(c.path) == before);
}

TEST_CASE("plan import applies every row in order, across files, keeping every other byte") {
  Copy c;
  auto expected = snapshot(c.path);
  // Saved by a spreadsheet: a BOM, ';' between cells, CRLF, a quoted cell with a ';'.
  c.write("rows.csv",
          "\xEF\xBB\xBFid;field;value\r\n"
          "general.1;status;in-progress\r\n"
          "general.1;actual;3\r\n"
          "general.1;actual+=;1\r\n"
          "GENERAL.2;owner;\"נועה; ודנה\"\r\n");
  const Run r = c.plan("import rows.csv");
  CHECK(r.status == 0);
  expected["plan/activities/general.yaml"] =
      replaced(expected["plan/activities/general.yaml"],
               {{"status: planned     #", "status: in-progress #"},  // the comment keeps its column
                {"actual: 2\r\n", "actual: 4\r\n"},
                {"status: in-progress}", "status: in-progress, owner: נועה; ודנה}"}});
  expected["rows.csv"] = slurp(c.path / "rows.csv");
  CHECK(snapshot(c.path) == expected);
  CHECK(r.out.find("4 rows applied to 1 file") != std::string::npos);
}

TEST_CASE("plan import reads standard input, separated by tabs") {
  Copy c;
  const auto before = snapshot(c.path);
  c.write("rows.tsv", "id\tfield\tvalue\ngeneral.2\tstatus\tdone\n");
  const Run r = c.plan("import - < rows.tsv");
  CHECK(r.status == 0);
  auto after = snapshot(c.path);
  CHECK(after["plan/activities/general.yaml"] ==
        replaced(before.at("plan/activities/general.yaml"),
                 {{"targets: [T1], status: in-progress}", "targets: [T1], status: done}"}}));
}

TEST_CASE("plan import writes nothing when a row is bad or the rows would break the plan") {
  Copy c;
  c.write("bad.csv",
          "id,field,value\n"
          "general.1,status,done\n"
          "general.1,colour,red\n");
  // The first row alone is fine; the second row's due is before the activity's start.
  c.write("breaks.csv",
          "id,field,value\n"
          "general.2,status,done\n"
          "general.1,due,2009-02-01\n");
  const auto before = snapshot(c.path);
  Run r = c.plan("import bad.csv");
  CHECK(r.status == 2);
  CHECK(r.out.find("bad.csv:3:11: 'colour' cannot be set") != std::string::npos);
  CHECK(snapshot(c.path) == before);
  r = c.plan("import breaks.csv");
  CHECK(r.status == 1);
  CHECK(r.out.find("bad-period") != std::string::npos);
  CHECK(snapshot(c.path) == before);
}

TEST_CASE("plan import follows a link to its CSV file") {
  Copy c;
  c.write("rows.csv", "id,field,value\ngeneral.2,status,done\n");
  fs::create_symlink(c.path / "rows.csv", c.path / "link.csv");
  const Run r = c.plan("import link.csv --dry-run");
  CHECK(r.status == 0);
  CHECK(r.out.find("general.2: status in-progress → done") != std::string::npos);
}
