// `plan export --format xlsx`: what the workbook's file must be whatever its values (the
// Python read-back, tests/export/read_xlsx.py, checks the values as openpyxl sees them).
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "helpers.hpp"
#include "render/export_xlsx.hpp"
#include "stats/stats.hpp"
#include "temp_dir.hpp"
#include "util/date.hpp"

using namespace plan;

namespace {

struct Workbook {
  LoadResult r;
  std::unique_ptr<PlanIndex> ix;
  Stats s;
  explicit Workbook(const char* as_of = "2009-07-02") {
    r = plan::test::load_one(std::string(plan::test::kHeader) +
                             "sections:\n  - id: s\n    title: S\n    activities:\n"
                             "      - {id: a, title: A, targets: [T1], due: 2009-03-31}\n");
    ix = std::make_unique<PlanIndex>(r.plan);
    s = compute_stats(*ix, parse_date(as_of));
  }
  std::string write(const std::filesystem::path& path) const {
    return write_xlsx(*ix, s, path.string());
  }
};

std::string bytes_of(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("xlsx: the same plan and date give the same bytes, the clock plays no part") {
  plan::test::TempDir dir;
  Workbook w;
  REQUIRE(w.write(dir.path / "one.xlsx").empty());
  REQUIRE(w.write(dir.path / "two.xlsx").empty());
  const std::string one = bytes_of(dir.path / "one.xlsx");
  CHECK(one.rfind("PK", 0) == 0);  // a ZIP archive
  CHECK(one == bytes_of(dir.path / "two.xlsx"));
  // The document's date is the as-of date.
  Workbook later("2009-08-15");
  REQUIRE(later.write(dir.path / "later.xlsx").empty());
  CHECK(one != bytes_of(dir.path / "later.xlsx"));
}

TEST_CASE("xlsx: a path that cannot be written is an error, not a crash") {
  plan::test::TempDir dir;
  Workbook w;
  const std::string error = w.write(dir.path / "no-such-folder" / "plan.xlsx");
  CHECK_FALSE(error.empty());
  CHECK_FALSE(std::filesystem::exists(dir.path / "no-such-folder"));
}
