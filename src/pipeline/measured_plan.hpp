// A checked plan measured as of a date: what every reporting command, `plan diff` and each
// point of `plan history` start from. Nothing here prints, reads the environment or exits.
#pragma once

#include <memory>

#include "model.hpp"
#include "pipeline/checked_plan.hpp"
#include "stats/plan_diff.hpp"
#include "stats/stats.hpp"

namespace plan {

struct MeasuredPlan {
  std::unique_ptr<CheckedPlan> checked;
  Stats stats;

  CheckSummary summary() const { return checked->summary(); }
  // The three things `diff_plans` compares, pointing into this plan.
  PlanState view() const { return {checked->index.get(), &stats, &checked->diags}; }
};

// The stats stage alone: (re)computes `m.stats` as of `as_of` (the benchmark times it).
void stats_stage(MeasuredPlan& m, const Date& as_of);

// A checked plan with its figures as of `as_of`.
std::unique_ptr<MeasuredPlan> measure(std::unique_ptr<CheckedPlan> checked, const Date& as_of);

}  // namespace plan
