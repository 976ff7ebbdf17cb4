// The plan's history as the command layer reads it: the pipeline's walk over git revisions
// (src/pipeline/history.hpp) within the environment's size limits. Shared by `plan history`
// and `plan render --history`.
#pragma once

#include <string>
#include <vector>

#include "stats/history_point.hpp"

namespace plan::cli {

// The points from `from` back; false with `error` (a bad size limit, no repository, no such
// revision), which the caller prints before exiting 2.
bool compute_history(const std::string& dir, const std::string& from, bool first_parent,
                     std::vector<HistoryPoint>& points, std::string& error);

}  // namespace plan::cli
