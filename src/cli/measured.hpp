// The start of every reporting command: the plan folder loaded, checked and measured as of
// --as-of (src/pipeline/measured_plan.hpp), and its end: the errors printed, the exit code.
#pragma once

#include <memory>
#include <string>

#include "cli/pipeline.hpp"
#include "pipeline/measured_plan.hpp"
#include "stats/staleness.hpp"

namespace plan::cli {

// The name command files used before the pipeline had its own folder (as Checked):
// members checked, stats, summary().
using Measured = MeasuredPlan;

// Returns null after printing why (a bad --as-of, no plan folder): the caller exits 2.
std::unique_ptr<MeasuredPlan> load_and_measure(const GlobalOptions& global,
                                               const std::string& as_of);

// Whether commands read git's history for staleness: not when PLAN_HISTORY is 0 (for
// output that must not depend on the checkout's commits).
bool history_enabled();

// The plan's stale activities as of its figures' date (history read unless turned off).
Staleness staleness_for(const MeasuredPlan& m);

// Prints the plan's errors (not warnings: `plan check` lists those) and returns the exit
// code. The plan is not freed: the process ends right after, and on a large plan the
// kernel reclaims the memory far faster than a million calls to free().
int finish(std::unique_ptr<MeasuredPlan>& m);

// Hands an object to the end of the process instead of destroying it (see finish). Under
// AddressSanitizer it is destroyed as usual, so leak checking stays meaningful.
template <class T>
void keep_until_exit(std::unique_ptr<T>& p) {
#if !defined(__SANITIZE_ADDRESS__)
  static_cast<void>(p.release());
#else
  static_cast<void>(p);
#endif
}

}  // namespace plan::cli
