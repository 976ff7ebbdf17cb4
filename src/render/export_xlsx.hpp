// `plan export --format xlsx`: the plan as an XLSX workbook, written with libxlsxwriter.
#pragma once

#include <string>

#include "plan_index.hpp"
#include "stats/stats.hpp"

namespace plan {

// Writes the workbook to `path`, a temporary file the command layer chose and renames into
// place (libxlsxwriter writes only to a named file). Returns "" on success, else why not.
std::string write_xlsx(const PlanIndex& index, const Stats& stats, const std::string& path);

}  // namespace plan
