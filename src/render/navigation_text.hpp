// Text for `plan trace` and `plan show`: one item's chain of links, and one item in full,
// in the layout's words (TerminalLabels::navigation) and direction.
#pragma once

#include <string>
#include <vector>

#include "plan_index.hpp"
#include "render/report.hpp"
#include "render/status_text.hpp"
#include "stats/stats.hpp"

namespace plan {

// For a goal: its targets and their activities; for a target: its goals above and its
// activities below; for a section: its activities; for an activity: its parents, its
// targets and their goals. Completions everywhere.
std::string render_trace_text(const PlanIndex& ix, const Stats& s, const ItemRef& item,
                              const TextLayout& layout);

// Every field of one item of the report (`item` is its JSON object), one per line: each
// field's name in the layout's words (a key with no name of its own as it is).
std::string render_show_text(const Json& item, ItemKind kind, const TextLayout& layout);

}  // namespace plan
