// `plan status` for a terminal: a one-screen overview.
#pragma once

#include <cstddef>
#include <string>

#include "plan_index.hpp"
#include "render/report.hpp"
#include "render/terminal_text.hpp"
#include "stats/stats.hpp"

namespace plan {

struct TextLayout {
  std::size_t width = 80;  // terminal columns
  Style style;
};

std::string render_status_text(const PlanIndex& index, const Stats& stats,
                               const CheckSummary& checks, const TextLayout& layout);

// One row of an aligned table: left-to-right columns first, then the free text, isolated
// and cut so the whole row fits the width. Shared by status, list and trace.
std::string table_row(const std::string& fixed, std::size_t fixed_width, const std::string& text,
                      const TextLayout& layout);

// "▲ ahead", "▼ behind", "● on pace", coloured; blank for no mark. Always 9 cells.
std::string pace_cell(PaceMark mark, const Style& style);

}  // namespace plan
