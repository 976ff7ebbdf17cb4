#include "check/check.hpp"

#include "check/rules.hpp"

namespace plan {

const std::vector<Rule>& check_rules() {
  static const std::vector<Rule> rules{
      {"plan-block", check_plan_block, "exactly one file has a 'plan:' block"},
      {"ids", check_ids, "ids follow the id pattern and are unique, ignoring case"},
      {"links", check_links, "targets name goals that exist; activities name targets that exist"},
      {"target-goals", check_target_goals, "every target serves at least one goal"},
      {"statuses", check_statuses, "statuses are known words"},
      {"dates", check_dates, "dates are real YYYY-MM-DD dates; the period starts before it ends"},
      {"measures", check_measures, "planned ranges are ordered and above 0; actual is not negative"},
      {"percent-weight", check_percent_weight, "percent is 0-100; weight is above 0"},
      {"coverage", check_coverage, "every goal has a target, every target an activity"},
      {"due-in-period", check_due_in_period, "due dates fall inside the plan's period"},
      {"done", check_done_consistency, "'done' agrees with the measure, percent and children"},
  };
  return rules;
}

Diagnostics run_checks(const PlanIndex& index) {
  Diagnostics out;
  for (const Rule& r : check_rules()) r.run(index, out);
  return out;
}

}  // namespace plan
