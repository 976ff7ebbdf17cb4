// `plan diff` and `plan history` as text for a terminal, Markdown, JSON and CSV.
#pragma once

#include <string>
#include <vector>

#include "git/repository.hpp"
#include "render/report.hpp"
#include "render/status_text.hpp"
#include "stats/plan_diff.hpp"

namespace plan {

struct DiffLabels {
  std::string from, to;  // "HEAD", "working tree"
  // For Markdown: the labels of the plan's language (templates/labels; English when
  // empty) and whether the plan's text runs right to left.
  Json words;
  bool rtl = false;
};

std::string diff_text(const PlanDiff& d, const DiffLabels& l, const TextLayout& layout);
std::string diff_markdown(const PlanDiff& d, const DiffLabels& l);
Json diff_json(const PlanDiff& d, const DiffLabels& l);

// One point of the history: a commit and the plan's state there (null where it did not load).
struct HistoryPoint {
  CommitInfo commit;
  Completion completion;
  std::vector<std::pair<std::string, Completion>> goals;  // id, completion
  std::size_t errors = 0;
  bool loaded = true;
};

// The history as a burn-up chart for templates: points placed in a 100 × 40 box over
// the plan's period (`plan` is the report's plan object), split into runs at gaps.
Json history_chart(const std::vector<HistoryPoint>& points, const Json& plan);

std::string history_text(const std::vector<HistoryPoint>& points, const TextLayout& layout);
std::string history_csv(const std::vector<HistoryPoint>& points);
// One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; made visible;
// and, when it starts with =, +, -, @, tab or CR, prefixed with ' so no spreadsheet runs it.
std::string csv_field(const std::string& text);
Json history_json(const std::vector<HistoryPoint>& points);

}  // namespace plan
