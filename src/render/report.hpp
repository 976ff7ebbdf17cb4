// The one model of a plan's state: what `plan status --json` prints and what templates
// render. Field names are chosen for people writing templates; README documents each.
#pragma once

#include <cstddef>

#include <nlohmann/json.hpp>

#include "plan_index.hpp"
#include "stats/stats.hpp"

namespace plan {

using Json = nlohmann::ordered_json;

struct CheckSummary {
  std::size_t errors = 0, warnings = 0;
};

Json build_report(const PlanIndex& index, const Stats& stats, const CheckSummary& checks);

// A completion as JSON: a number rounded to 4 decimals (stable across platforms), or null.
Json completion_json(const Completion& c);

// "rtl" for right-to-left languages (he, ar, fa…), else "ltr".
const char* direction_of(const std::string& language);

// The JSON of one status count set: {"planned": n, …, "overdue": n, "total": n}.
Json counts_json(const StatusCounts& c);

}  // namespace plan
