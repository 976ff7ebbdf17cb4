#include "pipeline/checked_plan.hpp"

#include <iterator>
#include <utility>

#include "check/check.hpp"

namespace plan {

void index_stage(CheckedPlan& c) {
  c.index = std::make_unique<PlanIndex>(c.load.plan);
}

void check_stage(CheckedPlan& c) {
  c.diags = c.load.diags;
  Diagnostics found = run_checks(*c.index);
  c.diags.insert(c.diags.end(), std::make_move_iterator(found.begin()),
                 std::make_move_iterator(found.end()));
  sort_diagnostics(c.diags);
  c.errors = count_severity(c.diags, Severity::error);
  c.warnings = count_severity(c.diags, Severity::warning);
  c.io_error = false;
  for (const Diagnostic& d : c.diags) c.io_error = c.io_error || is_io_error(d);
}

std::unique_ptr<CheckedPlan> check_loaded(LoadResult load) {
  auto c = std::make_unique<CheckedPlan>();
  c->load = std::move(load);
  index_stage(*c);
  check_stage(*c);
  return c;
}

std::unique_ptr<CheckedPlan> check_plan_dir(const std::string& dir, const LoadOptions& options) {
  return check_loaded(load_plan_dir(dir, options));
}

std::unique_ptr<CheckedPlan> check_sources(const std::string& root_display,
                                           std::vector<SourceText> files) {
  return check_loaded(load_sources(root_display, std::move(files)));
}

}  // namespace plan
