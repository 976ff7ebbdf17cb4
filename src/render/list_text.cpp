#include "render/list_text.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "render/terminal_text.hpp"

namespace plan {

namespace {
constexpr std::size_t kMaxIdWidth = 24, kMaxOwnerWidth = 16, kStatusWidth = 12, kDueWidth = 10;

// Control characters are shown, not sent to the terminal: "\x1b", never ESC itself.
std::string visible(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    const bool c1 = b == 0xC2 && i + 1 < text.size() &&
                    static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(text[i + 1]) <= 0x9F;
    if (b < 0x20 || b == 0x7F) {
      out += fmt::format("\\x{:02x}", b);
    } else if (c1) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(text[++i]));
    } else {
      out += text[i];
    }
  }
  return out;
}

// The text in a column of `width` cells: cut with "…" when longer, isolated when it could
// be right to left, then padded.
std::string cell(const std::string& text, std::size_t width) {
  return pad_right(bidi_safe(truncate_to_width(visible(text), width)), width);
}
}  // namespace

std::string render_activity_list(const PlanIndex& ix, const Stats& s,
                                 const std::vector<std::size_t>& rows, const TextLayout& layout) {
  if (rows.empty()) return "(no activities match)\n";
  const auto& acts = ix.activities();
  std::size_t idw = 2, ownerw = 0;
  bool marked = false;
  for (std::size_t r : rows) {
    const Activity& a = *acts[r].activity;
    idw = std::max(idw, display_width(visible(a.id.value)));
    ownerw = std::max(ownerw, display_width(visible(a.owner.value)));
    marked = marked || s.overdue[r];
  }
  idw = std::min(idw, kMaxIdWidth);
  if (ownerw > 0) ownerw = std::clamp<std::size_t>(ownerw, 5, kMaxOwnerWidth);  // "OWNER"
  const std::size_t fixed_width =
      idw + 1 + kStatusWidth + 1 + 4 + 1 + kDueWidth + 1 + (ownerw ? ownerw + 1 : 0);

  auto row = [&](const std::string& id, const std::string& status, const std::string& done,
                 const std::string& due, const std::string& owner, const std::string& title) {
    std::string fixed = fmt::format("{} {} {} {} ", id, status, done, due);
    if (ownerw) fixed += owner + " ";
    // table_row adds the title after the fixed columns and one space.
    fixed.pop_back();
    return table_row(fixed, fixed_width - 1, title, layout);
  };

  std::string out = row(pad_right("ID", idw), pad_right("STATUS", kStatusWidth), "DONE",
                        pad_right("DUE", kDueWidth), pad_right("OWNER", ownerw), "TITLE");
  out = layout.style.bold(out.substr(0, out.size() - 1)) + "\n";
  for (std::size_t r : rows) {
    const Activity& a = *acts[r].activity;
    std::string status = status_name(a.status.value);
    status = s.overdue[r] ? layout.style.red(pad_right(status + "!", kStatusWidth))
                          : pad_right(status, kStatusWidth);
    out += row(cell(a.id.value, idw), status, percent_text(s.activities[r]),
               pad_right(a.due.value.valid ? a.due.value.text() : "", kDueWidth),
               cell(a.owner.value, ownerw), a.title.value);
  }
  if (marked)
    out += fmt::format("\n! overdue: due before {} and neither done nor dropped\n", s.as_of.text());
  return out;
}

}  // namespace plan
