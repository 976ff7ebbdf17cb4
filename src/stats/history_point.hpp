// The plan's figures at one revision: what `plan history` and `render --history` show.
// Plain data: the pipeline fills it from git (a commit as `commit_info.hpp` has it),
// render writes it out.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "commit_info.hpp"
#include "stats/stats.hpp"

namespace plan {

// One point of the history: a commit and the plan's state there (null where it did not load).
struct HistoryPoint {
  CommitInfo commit;
  Completion completion;
  std::vector<std::pair<std::string, Completion>> goals;  // id, completion
  std::size_t errors = 0;
  bool loaded = true;
};

}  // namespace plan
