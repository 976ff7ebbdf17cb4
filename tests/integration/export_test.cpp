// `plan export` run as a user runs it: the CSV read back by Python's csv module and checked
// cell by cell against `plan status --json`, outputs that cannot be written, the workbook
// kept off a terminal, the same bytes every time.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

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

std::string quoted(const std::string& s) {
  return "'" + s + "'";
}

// The plan's and the test's environment: no history (staleness is not exported), and a
// reader whose output is UTF-8 whatever the machine's locale.
const char* kEnv = "PLAN_HISTORY=0 LC_ALL=C.UTF-8 PYTHONIOENCODING=utf-8 ";

std::size_t entries(const fs::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

}  // namespace

TEST_CASE("plan export csv reads back in Python's csv module with the report's values") {
  REQUIRE(have("python3"));
  TempDir tmp;
  const std::string csv = (tmp.path / "out.csv").string();
  const std::string json = (tmp.path / "report.json").string();
  for (const char* dir :
       {"plan", "tests/golden/export-hostile/plan", "tests/golden/status-control-chars/plan"}) {
    for (const char* kind : {"activities", "goals", "targets"}) {
      CAPTURE(dir);
      CAPTURE(kind);
      const std::string plan = "--plan " + quoted(source(dir)) + " ";
      const Run e = run(std::string(kEnv) + plan_cmd(plan + "export --as-of 2009-06-01 --kind " +
                                                     kind + " -o " + quoted(csv) + " 2>/dev/null"));
      // The control-character plan has errors (bad ids): printed, exit 1, written all the same.
      CHECK(e.status == (std::string(dir).find("control") != std::string::npos ? 1 : 0));
      run(std::string(kEnv) +
          plan_cmd(plan + "status --json --as-of 2009-06-01 > " + quoted(json) + " 2>/dev/null"));
      const Run r = run(std::string(kEnv) + "python3 " +
                        quoted(source("tests/integration/export_read_csv.py")) + " " + quoted(csv) +
                        " " + quoted(json) + " " + kind + " 2>&1");
      INFO(r.out);
      CHECK(r.status == 0);
      CHECK(r.out.rfind("ok ", 0) == 0);
    }
  }
}

TEST_CASE("plan export writes the same bytes every time, to stdout as to -o") {
  TempDir tmp;
  const std::string plan = "--plan " + quoted(source("plan")) + " ";
  const std::string file = (tmp.path / "a.csv").string();
  const Run first = run(std::string(kEnv) + plan_cmd(plan + "export --as-of 2009-06-30"));
  const Run second = run(std::string(kEnv) + "SOURCE_DATE_EPOCH=1246320000 " + PLAN_BINARY + " " +
                         plan + "export");  // 2009-06-30 from the environment
  REQUIRE(first.status == 0);
  CHECK(first.out.size() > 1000);
  CHECK(second.out == first.out);
  REQUIRE(run(std::string(kEnv) + plan_cmd(plan + "export --as-of 2009-06-30 -o " + quoted(file)))
              .status == 0);
  CHECK(slurp(file) == first.out);
  // The format follows the output's extension when --format is not given.
  const std::string ics = (tmp.path / "a.ics").string();
  REQUIRE(run(std::string(kEnv) + plan_cmd(plan + "export --as-of 2009-06-30 -o " + quoted(ics)))
              .status == 0);
  CHECK(slurp(ics) ==
        run(std::string(kEnv) + plan_cmd(plan + "export --format ics --as-of 2009-06-30")).out);
}

TEST_CASE("plan export to an output it cannot write exits 2 and leaves nothing behind") {
  TempDir tmp;
  const std::string plan = "--plan " + quoted(source("plan")) + " ";
  tmp.write("out/keep.csv", "old");
  const fs::path keep = tmp.path / "out" / "keep.csv";
  ::chmod(keep.c_str(), 0444);
  fs::create_directories(tmp.path / "out" / "folder.csv");
  fs::create_directories(tmp.path / "tmp");
  for (const char* format : {"csv", "ics", "xlsx"}) {
    CAPTURE(format);
    for (const std::string& target : {keep.string(), (tmp.path / "out" / "folder.csv").string(),
                                      (tmp.path / "out" / "missing" / "x.csv").string()}) {
      CAPTURE(target);
      // TMPDIR: where the workbook is made before it is written; it must be left empty.
      const Run r = run(std::string(kEnv) + "TMPDIR=" + quoted((tmp.path / "tmp").string()) + " " +
                        plan_cmd(plan + "export --as-of 2009-06-30 --format " + format + " -o " +
                                 quoted(target) + " 2>&1"));
      CHECK(r.status == 2);
      CHECK(r.out.find("plan: cannot write") != std::string::npos);
      CHECK(slurp(keep) == "old");
      CHECK(entries(tmp.path / "out") == 2);  // keep.csv and folder.csv/, no temporary file
      CHECK(entries(tmp.path / "out" / "folder.csv") == 0);
      CHECK(entries(tmp.path / "tmp") == 0);
    }
  }
}

TEST_CASE("plan export keeps a workbook off a terminal, and --kind off the other formats") {
  // Unquoted: the command is quoted whole for `script` (the source path has no spaces).
  const std::string plan = "--plan " + source("plan") + " ";
  if (have("script")) {
    // `script` runs the command on a pseudo-terminal: a binary workbook would garble it.
    const Run r = run(std::string(kEnv) + "script -qec " +
                      quoted(plan_cmd(plan + "export --format xlsx")) + " /dev/null 2>&1");
    CHECK(r.status == 2);
    CHECK(r.out.find("-o FILE.xlsx") != std::string::npos);
  }
  const Run k = run(plan_cmd(plan + "export --format xlsx --kind goals 2>&1 >/dev/null"));
  CHECK(k.status == 2);
  CHECK(k.out.find("--kind is for csv") != std::string::npos);
}
