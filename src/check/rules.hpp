// One function per rule; check.cpp lists them in a table.
#pragma once

#include "diagnostic.hpp"
#include "plan_index.hpp"

namespace plan {

// identity.cpp
void check_plan_block(const PlanIndex& ix, Diagnostics& out);
void check_ids(const PlanIndex& ix, Diagnostics& out);
// links.cpp
void check_links(const PlanIndex& ix, Diagnostics& out);
void check_target_goals(const PlanIndex& ix, Diagnostics& out);
// values.cpp
void check_statuses(const PlanIndex& ix, Diagnostics& out);
void check_dates(const PlanIndex& ix, Diagnostics& out);
void check_measures(const PlanIndex& ix, Diagnostics& out);
// coverage.cpp
void check_coverage(const PlanIndex& ix, Diagnostics& out);
void check_due_in_period(const PlanIndex& ix, Diagnostics& out);
void check_done_consistency(const PlanIndex& ix, Diagnostics& out);
// percent_ignored.cpp
void check_percent_ignored(const PlanIndex& ix, Diagnostics& out);

}  // namespace plan
