// A commit as the outputs show it: plain data, so the git layer can make it and the stats and
// render stages can carry it (in a history point) without knowing git.
#pragma once

#include <string>

namespace plan {

struct CommitInfo {
  std::string id;  // full hex
  std::string short_id;
  std::string date;     // YYYY-MM-DD in the committer's time zone
  long long time = 0;   // seconds since the epoch
  std::string subject;  // the first line of the message
};

}  // namespace plan
