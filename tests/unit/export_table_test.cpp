// The exports' tables (render/export_table): every column is the report's field of the same
// name, flattened, so CSV, XLSX and `plan status --json` never disagree.
#include <doctest/doctest.h>

#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "render/export_table.hpp"
#include "render/report.hpp"

using namespace plan;

namespace {

const char* kPlan =
    "plan:\n"
    "  id: p\n"
    "  title: Test\n"
    "  period: {start: 2009-01-01, end: 2009-12-31}\n"
    "goals:\n"
    "  - {id: G1, title: Goal one, description: Why}\n"
    "  - {id: G2, title: Goal two}\n"
    "targets:\n"
    "  - {id: T1, title: Target, goals: [G1, G2], owner: dana, partners: [a, b]}\n"
    "  - {id: T2, title: Other, goals: [G2]}\n"
    "sections:\n"
    "  - id: s\n"
    "    title: Section\n"
    "    activities:\n"
    "      - id: s.1\n"
    "        title: Workshops\n"
    "        targets: [T1, T2]\n"
    "        owner: noa\n"
    "        partners: [city, school]\n"
    "        start: 2009-02-01\n"
    "        due: 2009-03-01\n"
    "        status: in-progress\n"
    "        measure: {unit: workshops, planned: 5-6, actual: 2}\n"
    "        weight: 2\n"
    "        notes: \"two\\nlines\"\n"
    "        activities:\n"
    "          - {id: s.1.1, title: Child, status: done}\n"
    "      - {id: s.2, title: Guess, targets: [T2], percent: 40}\n"
    "      - {id: s.3, title: Bare, targets: [T2], status: dropped}\n";

// The report's value at a flattened key: `measure_planned_low` is measure.planned.low,
// `counts_in_progress` is counts["in-progress"].
const Json* report_value(const Json& item, const std::string& key) {
  if (item.contains(key)) return &item[key];
  static const Json kNull;
  if (key.rfind("measure_", 0) == 0) {
    const Json& m = item["measure"];
    if (m.is_null()) return &kNull;
    std::string rest = key.substr(8);
    if (rest == "planned_low") return &m["planned"]["low"];
    if (rest == "planned_high") return &m["planned"]["high"];
    return &m[rest];
  }
  if (key.rfind("counts_", 0) == 0) {
    std::string rest = key.substr(7);
    if (rest == "in_progress") rest = "in-progress";
    return &item["counts"][rest];
  }
  return nullptr;
}

// The cell compared with the report's value: numbers equal, lists joined with ", ", null
// and empty lists as empty cells.
void check_cell(const ExportColumn& col, const ExportValue& cell, const Json& want) {
  CAPTURE(col.key);
  if (want.is_null() || (want.is_array() && want.empty()) ||
      (want.is_string() && want.get<std::string>().empty())) {
    CHECK_FALSE(cell.given);
    return;
  }
  REQUIRE(cell.given);
  if (want.is_array()) {
    std::string joined;
    for (const Json& v : want) joined += (joined.empty() ? "" : ", ") + v.get<std::string>();
    CHECK(cell.text == joined);
  } else if (want.is_string()) {
    CHECK(cell.text == want.get<std::string>());
  } else if (want.is_boolean()) {
    CHECK(col.type == ExportType::boolean);
    CHECK(cell.number == (want.get<bool>() ? 1.0 : 0.0));
  } else {
    CHECK(col.type != ExportType::text);
    CHECK(cell.number == doctest::Approx(want.get<double>()));
  }
}

void check_kind(ExportKind kind, const char* list) {
  auto m = test::measure_text(kPlan);
  REQUIRE(m->checked->diags.empty());
  const Json report = build_report(*m->checked->index, m->stats, m->summary());
  const auto& cols = export_columns(kind);
  std::size_t n = 0;
  export_rows(*m->checked->index, m->stats, kind, [&](const std::vector<ExportValue>& row) {
    REQUIRE(row.size() == cols.size());
    REQUIRE(n < report[list].size());
    const Json& item = report[list][n++];
    for (std::size_t c = 0; c < cols.size(); ++c) {
      const Json* want = report_value(item, cols[c].key);
      CAPTURE(cols[c].key);
      REQUIRE(want != nullptr);  // every column is one of the report's fields
      check_cell(cols[c], row[c], *want);
    }
  });
  CHECK(n == report[list].size());
}

}  // namespace

TEST_CASE("export rows of activities are the report's fields, every depth, in order") {
  check_kind(ExportKind::activities, "activities");
}

TEST_CASE("export rows of goals are the report's fields") {
  check_kind(ExportKind::goals, "goals");
}

TEST_CASE("export rows of targets are the report's fields") {
  check_kind(ExportKind::targets, "targets");
}

TEST_CASE("export columns name every field the issue lists, with types a spreadsheet uses") {
  std::set<std::string> keys;
  for (const ExportColumn& c : export_columns(ExportKind::activities)) keys.insert(c.key);
  for (const char* k :
       {"id", "title", "section", "parent", "status", "completion", "overdue", "targets", "owner",
        "partners", "start", "due", "measure_unit", "measure_planned_low", "measure_planned_high",
        "measure_actual", "percent", "weight"})
    CHECK_MESSAGE(keys.count(k) == 1, k);
  auto type_of = [](ExportKind kind, const std::string& key) {
    for (const ExportColumn& c : export_columns(kind))
      if (c.key == key) return c.type;
    FAIL("no column " << key);
    return ExportType::text;
  };
  CHECK(type_of(ExportKind::activities, "completion") == ExportType::percent);
  CHECK(type_of(ExportKind::activities, "due") == ExportType::date);
  CHECK(type_of(ExportKind::activities, "overdue") == ExportType::boolean);
  CHECK(type_of(ExportKind::activities, "measure_actual") == ExportType::number);
  CHECK(type_of(ExportKind::goals, "completion") == ExportType::percent);
  CHECK(type_of(ExportKind::goals, "counts_done") == ExportType::integer);
  CHECK(type_of(ExportKind::targets, "counts_total") == ExportType::integer);
}

TEST_CASE("export rows of a measured activity hold its figures") {
  auto m = test::measure_text(kPlan);
  const auto& cols = export_columns(ExportKind::activities);
  std::vector<std::vector<ExportValue>> rows;
  export_rows(*m->checked->index, m->stats, ExportKind::activities,
              [&](const std::vector<ExportValue>& row) { rows.push_back(row); });
  REQUIRE(rows.size() == 4);
  auto cell = [&](std::size_t r, const std::string& key) {
    for (std::size_t c = 0; c < cols.size(); ++c)
      if (cols[c].key == key) return rows[r][c];
    FAIL("no column " << key);
    return ExportValue{};
  };
  CHECK(cell(0, "id").text == "s.1");
  CHECK(cell(1, "id").text == "s.1.1");
  CHECK(cell(1, "parent").text == "s.1");
  CHECK_FALSE(cell(0, "parent").given);
  CHECK(cell(1, "depth").number == 1);
  CHECK(cell(0, "measure_planned_low").number == 5);
  CHECK(cell(0, "measure_planned_high").number == 6);
  CHECK(cell(0, "measure_actual").number == 2);
  CHECK(cell(0, "partners").text == "city, school");
  CHECK(cell(0, "due").text == "2009-03-01");
  CHECK(cell(0, "overdue").number == 1);  // due in March, measured as of June 1st
  CHECK(cell(0, "notes").text == "two\nlines");
  CHECK(cell(1, "targets").given == false);  // its own: none
  CHECK(cell(1, "effective_targets").text == "T1, T2");
  CHECK(cell(2, "percent").number == 40);
  CHECK(cell(2, "completion").number == doctest::Approx(0.4));
  CHECK_FALSE(cell(2, "measure_unit").given);
  CHECK(cell(3, "status").text == "dropped");
}
