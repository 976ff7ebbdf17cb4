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

class JsonSink;

// "rtl" for right-to-left languages (he, ar, fa…), else "ltr".
const char* direction_of(const std::string& language);

// Writes the report to a sink: a stream for `status --json`, a tree for everything else.
void write_report(const PlanIndex& index, const Stats& stats, const CheckSummary& checks, JsonSink& sink);
Json build_report(const PlanIndex& index, const Stats& stats, const CheckSummary& checks);

}  // namespace plan
