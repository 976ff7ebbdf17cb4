#include "check/check.hpp"

#include "check/rules.hpp"

namespace plan {

const std::vector<Rule>& check_rules() {
  static const std::vector<Rule> rules{
      {"plan-block", check_plan_block, "exactly one file has a 'plan:' block", true},
      {"ids", check_ids, "ids follow the id pattern and are unique, ignoring case", false},
      {"links", check_links, "targets name goals that exist; activities name targets that exist",
       true},
      {"target-goals", check_target_goals, "every target serves at least one goal", false},
      {"statuses", check_statuses, "statuses are known words", false},
      {"dates", check_dates, "dates are real YYYY-MM-DD dates; the period starts before it ends",
       false},
      {"measures", check_measures, "planned ranges are ordered (bounds are checked on loading)",
       false},
      {"coverage", check_coverage, "every goal has a target, every target an activity", true},
      {"due-in-period", check_due_in_period, "due dates fall inside the plan's period", false},
      {"done", check_done_consistency, "'done' agrees with the measure, percent and children",
       false},
      {"percent-ignored", check_percent_ignored,
       "no percent beside a measure or sub-activities, which decide instead", false},
  };
  return rules;
}

Diagnostics run_checks(const PlanIndex& index) {
  Diagnostics out;
  const bool whole = index.plan().unread_files.empty();
  for (const Rule& r : check_rules())
    if (whole || !r.whole_plan) r.run(index, out);
  return out;
}

}  // namespace plan
