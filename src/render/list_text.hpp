// `plan list` for a terminal: a table of activities with a header row, and a legend for the
// marks it uses.
#pragma once

#include <string>
#include <vector>

#include "plan_index.hpp"
#include "render/status_text.hpp"
#include "stats/stats.hpp"

namespace plan {

// `rows` are indexes into PlanIndex::activities(), in the order to show them. The owner
// column is left out when no row has an owner.
std::string render_activity_list(const PlanIndex& ix, const Stats& s,
                                 const std::vector<std::size_t>& rows, const TextLayout& layout);

}  // namespace plan
