// `plan history` as text for a terminal, CSV and JSON.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "render/report.hpp"
#include "render/status_text.hpp"
#include "stats/history_point.hpp"
#include "stats/stats.hpp"

namespace plan {

// A row a commit, in the layout's words and direction (see TextLayout).
std::string history_text(const std::vector<HistoryPoint>& points, const TextLayout& layout);
std::string history_csv(const std::vector<HistoryPoint>& points);
// One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; made visible;
// and, when it starts with =, +, -, @, tab or CR, prefixed with ' so no spreadsheet runs it.
std::string csv_field(const std::string& text);
Json history_json(const std::vector<HistoryPoint>& points);

}  // namespace plan
