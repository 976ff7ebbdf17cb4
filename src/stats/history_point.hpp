// The plan's figures at one revision: what `plan history` and `render --history` show.
// Plain data: the pipeline fills it from git, render writes it out.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "stats/stats.hpp"

namespace plan {

// The commit a history point was measured at, as the outputs show it (the git layer's
// commit description, copied: neither stats nor render reads git).
struct HistoryCommit {
  std::string id;  // full hex
  std::string short_id;
  std::string date;     // YYYY-MM-DD in the committer's time zone
  long long time = 0;   // seconds since the epoch
  std::string subject;  // the first line of the message
};

// One point of the history: a commit and the plan's state there (null where it did not load).
struct HistoryPoint {
  HistoryCommit commit;
  Completion completion;
  std::vector<std::pair<std::string, Completion>> goals;  // id, completion
  std::size_t errors = 0;
  bool loaded = true;
};

}  // namespace plan
