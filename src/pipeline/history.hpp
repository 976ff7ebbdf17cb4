// The plan at git revisions, checked and measured: one revision (`plan diff`) or every
// commit that changed the plan folder (`plan history`, `render --history`). Problems are
// returned as data; nothing here prints, reads the environment or exits.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "git/repository.hpp"
#include "load/loader.hpp"
#include "model.hpp"
#include "pipeline/measured_plan.hpp"
#include "stats/history_point.hpp"

namespace plan {

// The plan at `commit`, checked and measured as of `as_of`, within `limits`. Null, with
// `error` saying why (e.g. the commit has no plan folder), when there is no plan to load.
std::unique_ptr<MeasuredPlan> measure_revision(Repository& repo, const CommitInfo& commit,
                                               const Date& as_of, const LoadOptions& limits,
                                               Message& error);

// The plan's completion at every commit from `from` back (first parents only, or all) that
// changed the plan folder, oldest first, each measured as of its own date. A commit whose
// plan does not wholly load is a gap (`loaded` false), not a zero. False, with `error`, when
// the plan folder is not in a repository or `from` names no revision.
bool walk_history(const std::string& plan_dir, const std::string& from, bool first_parent,
                  const LoadOptions& limits, std::vector<HistoryPoint>& points, Message& error);

}  // namespace plan
