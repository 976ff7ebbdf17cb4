#include "pipeline/measured_plan.hpp"

#include <utility>

namespace plan {

void stats_stage(MeasuredPlan& m, const Date& as_of) {
  m.stats = compute_stats(*m.checked->index, as_of);
}

std::unique_ptr<MeasuredPlan> measure(std::unique_ptr<CheckedPlan> checked, const Date& as_of) {
  auto m = std::make_unique<MeasuredPlan>();
  m->checked = std::move(checked);
  stats_stage(*m, as_of);
  return m;
}

}  // namespace plan
