#include "render/terminal_text.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <utf8proc.h>

#include "render/code_point.hpp"
#include "render/figures.hpp"

namespace plan {

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  utf8proc_int32_t cp;
  for (std::size_t i = 0; i < text.size();) {
    // Our own colours (ESC [ … m) take no cells; plan text never holds an ESC here, since
    // it is made visible first.
    if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
      i += 2;
      while (i < text.size() && !(text[i] >= 0x40 && text[i] <= 0x7E)) ++i;
      ++i;
      continue;
    }
    i += next_code_point(text, i, cp);
    width += cell_width(cp);
  }
  return width;
}

std::string truncate_to_width(std::string_view text, std::size_t width) {
  if (display_width(text) <= width) return std::string(text);
  if (width == 0) return "";
  const std::size_t room = width - 1;  // one cell for the ellipsis
  std::size_t used = 0, cut = 0, i = 0;
  utf8proc_int32_t prev = -1, cp;
  utf8proc_int32_t state = 0;
  while (i < text.size()) {
    std::size_t n = next_code_point(text, i, cp);
    // A cluster starts here: everything before it may be kept.
    if (prev < 0 || utf8proc_grapheme_break_stateful(prev, cp, &state)) {
      cut = i;
      if (used + cell_width(cp) > room) break;
    }
    used += cell_width(cp);
    prev = cp;
    i += n;
  }
  if (i >= text.size()) cut = text.size();
  std::string out(text.substr(0, cut));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "…";
}

std::string isolate(std::string_view text) {
  return "\u2068" + std::string(text) + "\u2069";
}

std::string bidi_safe(std::string_view text) {
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) return isolate(text);
  return std::string(text);
}

std::string ltr_cell(std::string_view text, bool rtl) {
  return rtl ? "\u2066" + std::string(text) + "\u2069" : std::string(text);
}

std::string rtl_bar(std::string_view bar, bool rtl) {
  return rtl ? "\u2067" + std::string(bar) + "\u2069" : std::string(bar);
}

std::string free_text(std::string_view text, bool rtl) {
  return rtl ? isolate(text) : bidi_safe(text);
}

std::string mirror_lines(std::string_view text, bool rtl) {
  if (!rtl) return std::string(text);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  bool at_start = true;
  for (char c : text) {
    // An empty line needs no mark: it has nothing to order.
    if (at_start && c != '\n') out += "\u200F";
    out += c;
    at_start = c == '\n';
  }
  return out;
}

std::string pad_right(std::string_view text, std::size_t width) {
  std::size_t w = display_width(text);
  return std::string(text) + std::string(w < width ? width - w : 0, ' ');
}

std::string pad_left(std::string_view text, std::size_t width) {
  std::size_t w = display_width(text);
  return std::string(w < width ? width - w : 0, ' ') + std::string(text);
}

std::string progress_bar(std::optional<double> fraction, std::size_t width) {
  // No value, or none that can be drawn: NaN would reach lround (undefined) and a loop.
  if (!fraction || std::isnan(*fraction)) return std::string(width, ' ');
  // Whole cells only: a partial-eighth block fills the left of its cell and leaves the rest
  // blank, a dark gap between the bar and the shaded cells in every terminal font. The figure
  // beside the bar gives the precision. Rounded to the nearest cell, except that only a whole
  // 100% fills the bar and anything above 0% shows at least one cell.
  const double f = std::clamp(*fraction, 0.0, 1.0);
  auto full = static_cast<std::size_t>(std::lround(f * static_cast<double>(width)));
  if (f < 1.0 && full == width && width > 0) --full;
  if (f > 0.0 && full == 0 && width > 1) full = 1;
  std::string out;
  for (std::size_t i = 0; i < full; ++i) out += "█";
  for (std::size_t i = full; i < width; ++i) out += "░";
  return out;
}

std::string percent_text(std::optional<double> fraction) {
  if (!fraction || std::isnan(*fraction)) return "   –";
  // Floor, so that 99.6% never shows as a finished 100%.
  const int p = whole_percent_clamped(*fraction);
  return fmt::format("{:>3}%", p);
}

std::string Style::paint(std::string_view text, const char* sgr) const {
  if (!color || text.empty()) return std::string(text);
  return fmt::format("\x1b[{}m{}\x1b[0m", sgr, text);
}

}  // namespace plan
