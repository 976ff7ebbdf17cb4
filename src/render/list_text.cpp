#include "render/list_text.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "render/terminal_text.hpp"
#include "util/visible.hpp"

namespace plan {

namespace {
constexpr std::size_t kMaxOwnerWidth = 16, kStatusWidth = 12, kDueWidth = 10;

// The owner column in a terminal: the widest owner, but at most 16 cells and at most a
// quarter of what the row has left after the status, done and due columns, so that the
// id and the title keep room at 60 columns. Nothing is cut where nothing limits the width.
std::size_t owner_column(std::size_t widest, std::size_t other_fixed, const TextLayout& layout) {
  if (widest == 0) return 0;
  widest = std::max<std::size_t>(widest, 5);  // "OWNER"
  if (!layout.limited()) return widest;
  const std::size_t left = layout.width > other_fixed + 2 ? layout.width - other_fixed - 2 : 0;
  return std::clamp<std::size_t>(std::min(widest, left / 4), 5, kMaxOwnerWidth);
}
}  // namespace

std::string render_activity_list(const PlanIndex& ix, const Stats& s,
                                 const std::vector<std::size_t>& rows, const TextLayout& layout) {
  const TerminalLabels& w = layout.words();
  const bool rtl = layout.rtl;
  if (rows.empty()) return mirror_lines(w.no_match + "\n", rtl);
  const auto& acts = ix.activities();
  std::size_t widest_id = 2, widest_owner = 0;
  bool marked = false, dated = false;
  for (std::size_t r : rows) {
    const Activity& a = *acts[r].activity;
    widest_id = std::max(widest_id, display_width(visible(a.id.value)));
    widest_owner = std::max(widest_owner, display_width(visible(a.owner.value)));
    marked = marked || s.overdue[r];
    dated = dated || a.due.value.valid;
  }
  // Columns that no row fills are left out (the owner and the due date): room for the title.
  std::size_t status_w = std::max(kStatusWidth, display_width(w.list_status));
  for (Status k : kStatuses) status_w = std::max(status_w, display_width(w.status_word(k)) + 1);
  const std::size_t done_w = std::max<std::size_t>(4, display_width(w.list_done));
  const std::size_t duew = dated ? std::max(kDueWidth, display_width(w.list_due)) : 0;
  const std::size_t others = 1 + status_w + 1 + done_w + (duew ? 1 + duew : 0);
  const std::size_t ownerw = owner_column(widest_owner, others, layout);
  const std::size_t idw = id_column(widest_id, others + (ownerw ? 1 + ownerw : 0), layout);
  const std::size_t fixed_width = idw + others + (ownerw ? 1 + ownerw : 0);

  auto row = [&](const std::string& id, const std::string& status, const std::string& done,
                 const std::string& due, const std::string& owner, const std::string& title) {
    std::string fixed = id + " " + status + " " + done;
    if (duew) fixed += " " + due;
    if (ownerw) fixed += " " + owner;
    return table_row(fixed, fixed_width, title, layout);
  };

  std::string out = row(pad_right(w.list_id, idw), pad_right(w.list_status, status_w),
                        pad_right(w.list_done, done_w), pad_right(w.list_due, duew),
                        pad_right(w.list_owner, ownerw), w.list_title);
  out = layout.style.bold(out.substr(0, out.size() - 1)) + "\n";
  for (std::size_t r : rows) {
    const Activity& a = *acts[r].activity;
    std::string status = w.status_word(a.status.value);
    status = s.overdue[r] ? layout.style.red(pad_right(status + "!", status_w))
                          : pad_right(status, status_w);
    // An id wider than its column gets a line of its own, whole, as in `plan status`.
    const std::string id = id_cell(a.id.value, idw, "", out, rtl);
    std::string owner = visible(a.owner.value);
    if (layout.limited()) owner = truncate_to_width(owner, ownerw);
    out += row(id, status, pad_right(ltr_cell(percent_text(s.activities[r]), rtl), done_w),
               pad_right(a.due.value.valid ? ltr_cell(a.due.value.text(), rtl) : "", duew),
               pad_right(owner.empty() ? "" : free_text(owner, rtl), ownerw), a.title.value);
  }
  if (marked)
    out += "\n" + fill_label(w.overdue_legend, {{"date", ltr_cell(s.as_of.text(), rtl)}}) + "\n";
  return mirror_lines(out, rtl);
}

}  // namespace plan
