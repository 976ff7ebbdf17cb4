// `plan history` as text for a terminal, CSV and JSON.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "render/report.hpp"
#include "render/status_text.hpp"
#include "stats/stats.hpp"

namespace plan {

// The commit a history point was measured at, as the outputs show it (the git layer's
// commit description, copied: render does not read git).
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

std::string history_text(const std::vector<HistoryPoint>& points, const TextLayout& layout);
std::string history_csv(const std::vector<HistoryPoint>& points);
// One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; made visible;
// and, when it starts with =, +, -, @, tab or CR, prefixed with ' so no spreadsheet runs it.
std::string csv_field(const std::string& text);
Json history_json(const std::vector<HistoryPoint>& points);

}  // namespace plan
