// The plan's history as a burn-up chart for the summaries' templates.
#pragma once

#include <vector>

#include "model.hpp"
#include "render/history_output.hpp"

namespace plan {

// Points placed in a 100 × 40 box over the plan's period (else over the commits' span),
// split into runs at gaps, with axes and the same points as table rows.
Json history_chart(const std::vector<HistoryPoint>& points, const Plan& plan);

}  // namespace plan
