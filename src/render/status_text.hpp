// `plan status` for a terminal: a one-screen overview.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "plan_index.hpp"
#include "render/report.hpp"
#include "render/terminal_labels.hpp"
#include "render/terminal_text.hpp"
#include "stats/staleness.hpp"
#include "stats/stats.hpp"

namespace plan {

struct TextLayout {
  std::size_t width = 80;  // terminal columns; kNoWidthLimit: cut nothing
  Style style;
  // A right-to-left language: the layout mirrors (see ltr_cell in terminal_text.hpp).
  bool rtl = false;
  const TerminalLabels* labels = nullptr;  // null: English
  bool limited() const { return width != kNoWidthLimit; }
  const TerminalLabels& words() const { return labels ? *labels : english_terminal_labels(); }
};

// With `staleness`, the stale activities are listed after the overdue ones (when there are
// any), and its note is said once.
std::string render_status_text(const PlanIndex& index, const Stats& stats,
                               const CheckSummary& checks, const TextLayout& layout,
                               const Staleness* staleness = nullptr);

// One row of an aligned table: left-to-right columns first, then the free text, made
// visible (no control character), isolated and cut so the whole row fits the width.
// Shared by status, list and trace.
std::string table_row(const std::string& fixed, std::size_t fixed_width, const std::string& text,
                      const TextLayout& layout);

// The cell of an id column `width` cells wide. An id (made visible) that is wider gets a
// line of its own, `indent` + id, appended to `out`, and its row continues on the next
// line with a blank cell: nothing is cut and the columns stay aligned.
std::string id_cell(const std::string& id, std::size_t width, const std::string& indent,
                    std::string& out, bool rtl = false);

// How wide an id column may be: the widest id, but at most 24 cells and at most what
// leaves `min_text` cells of free text in a row of `fixed_without_id` other fixed cells.
std::size_t id_column(std::size_t widest, std::size_t fixed_without_id, const TextLayout& layout,
                      std::size_t min_text = 16);

// The parts joined with " · ", as many to a line as fit; later lines indented by `indent`.
std::string wrap_parts(const std::string& lead, const std::vector<std::string>& parts,
                       const TextLayout& layout, std::size_t indent = 2);

// A completion's "42%", green when complete, dim when there is none.
std::string coloured_percent(const Completion& c, const Style& style);

// The checks' verdict after a blank line, pointing at `plan check` for the details (left out
// where the line would not fit `width`). Shared by status over one plan and over a workspace.
std::string check_line(const CheckSummary& checks, const Style& style, std::size_t width,
                       const TerminalLabels& words = english_terminal_labels(), bool rtl = false);

// "done/live", e.g. 3/7: finished work against the work that still counts.
std::string done_of_live(const StatusCounts& c);

// "▲ ahead", "▼ behind", "● on pace", coloured; blank for no mark. Always 9 cells.
std::string pace_cell(PaceMark mark, const Style& style);
// The same in the layout's words, `width` cells wide (pace_width).
std::string pace_cell(PaceMark mark, const Style& style, const TerminalLabels& words,
                      std::size_t width);
std::size_t pace_width(const TerminalLabels& words);

// Why staleness is not known, or how far back it is (a shallow clone), in the labels' words
// (the JSON keeps the English `note`): for status's list of stale activities and list --stale.
std::string staleness_note(const Staleness& st, const TerminalLabels& w, bool rtl);

}  // namespace plan
