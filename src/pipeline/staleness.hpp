// The history behind staleness: one walk of the repository's first-parent history for many
// plan folders at once (a workspace's units, or one plan), parsing only the files each
// commit changed. Problems are data; nothing here prints or exits.
#pragma once

#include <string>
#include <vector>

#include "model.hpp"
#include "pipeline/measured_plan.hpp"
#include "stats/staleness.hpp"

namespace plan {

// One ChangeLog per folder, in the order given. Outside a repository every log is not
// known and says why; an as-of date before every commit gives logs that are not known and
// say nothing (a plan as of a date its history does not reach).
std::vector<ChangeLog> read_change_logs(const std::vector<std::string>& plan_dirs,
                                        const Date& as_of);

// One plan's staleness as of its figures' date (`plan status`, `plan list --stale`): its
// history read when `history` is on, its `stale_after` or `fallback_days`. With history
// off nothing is known and nothing is said.
Staleness plan_staleness(const MeasuredPlan& m, const std::string& plan_dir, bool history,
                         int fallback_days);

}  // namespace plan
