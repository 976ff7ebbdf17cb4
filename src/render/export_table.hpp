// The exports' tables (`plan export --format csv|xlsx`): one row per goal, target or
// activity (every depth), with every field the report has for it, typed so that a
// spreadsheet gets numbers, percentages and dates rather than text. Rows are produced one at
// a time: a table of 100,000 activities is never held whole.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "plan_index.hpp"
#include "stats/stats.hpp"

namespace plan {

enum class ExportKind { goals, targets, activities };

// What a column holds.
enum class ExportType {
  text,     // `text`
  integer,  // `number`, a whole number
  number,   // `number`
  percent,  // `number`, a fraction: 0.45 is 45%
  date,     // `text`, YYYY-MM-DD
  boolean,  // `number`, 0 or 1
};

struct ExportColumn {
  std::string key;  // the report's key (`due`, `measure_unit`): CSV's header, stable for scripts
  ExportType type = ExportType::text;
};

// One cell; `given` false is an empty cell.
struct ExportValue {
  bool given = false;
  std::string text;
  double number = 0;
};

// The columns of a kind's table, in order.
const std::vector<ExportColumn>& export_columns(ExportKind kind);

// Calls `row` with each item's values (one per column of export_columns(kind)) in document
// order; the vector is reused between calls.
void export_rows(const PlanIndex& index, const Stats& stats, ExportKind kind,
                 const std::function<void(const std::vector<ExportValue>&)>& row);

}  // namespace plan
