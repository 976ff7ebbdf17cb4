#include "render/bidi.hpp"

#include <vector>

#include <fribidi.h>
#include <utf8proc.h>

#include "render/code_point.hpp"

namespace plan {

// GNU FriBidi 1.0.8 (Debian 12) knows Unicode 10 and utf8proc a later version: the skew
// only concerns scripts added since, never Hebrew.

namespace {

void append_utf8(std::string& out, FriBidiChar cp) {
  utf8proc_uint8_t buf[4];
  auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

// Marks and isolates only steer the reordering: once the line is in visual order they have
// no work left, and a terminal may give them a cell of their own (xterm.js does for U+2068),
// which would shift every column after them.
bool directional_control(FriBidiChar cp) {
  return cp == 0x200E || cp == 0x200F || cp == 0x061C || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

// Whether `cp` makes a paragraph or a run right-to-left: a Hebrew or Arabic letter, or an
// RLM/RLE/RLO/RLI.
bool rtl_code_point(FriBidiChar cp) {
  const FriBidiCharType t = fribidi_get_bidi_type(cp);
  return t == FRIBIDI_TYPE_RTL || t == FRIBIDI_TYPE_AL || t == FRIBIDI_TYPE_RLE ||
         t == FRIBIDI_TYPE_RLO || t == FRIBIDI_TYPE_RLI;
}

// The cells a code point takes: marks, isolates and other controls none.
std::size_t cells(FriBidiChar cp) {
  return cell_width(static_cast<utf8proc_int32_t>(cp));
}

// The line as code points, each with the colour (the SGR sequences since the last reset)
// it was written in; the colour codes themselves are taken out.
struct Decoded {
  std::vector<FriBidiChar> text;
  std::vector<std::string> sgr;
};

Decoded decode(std::string_view line) {
  Decoded d;
  std::string active;
  utf8proc_int32_t cp;
  for (std::size_t i = 0; i < line.size();) {
    // Our own colours only (ESC [ … m, from Style::paint): plan text is made visible first.
    if (line[i] == '\x1b' && i + 1 < line.size() && line[i + 1] == '[') {
      std::size_t end = i + 2;
      while (end < line.size() && !(line[end] >= 0x40 && line[end] <= 0x7E)) ++end;
      const std::string_view params = line.substr(i + 2, end - (i + 2));
      if (end < line.size() && line[end] == 'm' && (params.empty() || params == "0"))
        active.clear();
      else
        active.append(line.substr(i, end + 1 - i));
      i = end + 1;
      continue;
    }
    i += next_code_point(line, i, cp);
    d.text.push_back(static_cast<FriBidiChar>(cp));
    d.sgr.push_back(active);
  }
  return d;
}
}  // namespace

bool has_rtl(std::string_view text) {
  utf8proc_int32_t cp;
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    i += next_code_point(text, i, cp);
    if (rtl_code_point(static_cast<FriBidiChar>(cp))) return true;
  }
  return false;
}

std::string visual_line(std::string_view logical, std::size_t width) {
  // Left-to-right text stays byte for byte what it was.
  if (!has_rtl(logical)) return std::string(logical);
  Decoded d = decode(logical);
  const auto len = static_cast<FriBidiStrIndex>(d.text.size());
  std::vector<FriBidiCharType> types(d.text.size());
  std::vector<FriBidiBracketType> brackets(d.text.size());
  std::vector<FriBidiLevel> levels(d.text.size());
  std::vector<FriBidiStrIndex> map(d.text.size());
  fribidi_get_bidi_types(d.text.data(), len, types.data());
  fribidi_get_bracket_types(d.text.data(), len, types.data(), brackets.data());
  // The direction from the first strong character (rules P2, P3; isolates skipped).
  FriBidiParType base = FRIBIDI_PAR_ON;
  if (fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), len, &base,
                                          levels.data()) == 0)
    return std::string(logical);  // only on running out of memory
  // Rule L4 ('(' in a right-to-left run shows as ')'): fribidi_reorder_line does not do it.
  fribidi_shape_mirroring(levels.data(), len, d.text.data());
  for (FriBidiStrIndex i = 0; i < len; ++i) map[static_cast<std::size_t>(i)] = i;

  // A line wider than the terminal is broken into rows before reordering, each row then
  // reordered on its own with the paragraph's levels (rules L1 to L4 are per line): the
  // terminal's own wrapping of a reordered line would put the end of a right-to-left
  // sentence on its first row.
  std::vector<std::pair<std::size_t, std::size_t>> rows;  // [begin, end) in logical order
  const std::size_t n = d.text.size();
  if (width != kNoWidthLimit && width > 0) {
    std::size_t begin = 0, used = 0, space = n;
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t w = cells(d.text[i]);
      if (used + w > width && i > begin) {
        const bool at_space = space != n && space > begin;
        const std::size_t end = at_space ? space : i;
        rows.emplace_back(begin, end);
        begin = at_space ? space + 1 : i;
        used = 0;
        for (std::size_t k = begin; k < i; ++k) used += cells(d.text[k]);
        space = n;
      }
      used += w;
      if (d.text[i] == ' ') space = i;
    }
    rows.emplace_back(begin, n);
  } else {
    rows.emplace_back(0, n);
  }

  std::string out;
  out.reserve(logical.size() + rows.size() * 8);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto [begin, end] = rows[r];
    // REORDER_NSM keeps niqqud after its letter, in the letter's cell.
    if (end > begin && fribidi_reorder_line(FRIBIDI_FLAG_REORDER_NSM, types.data(),
                                            static_cast<FriBidiStrIndex>(end - begin),
                                            static_cast<FriBidiStrIndex>(begin), base,
                                            levels.data(), d.text.data(), map.data()) == 0)
      return std::string(logical);
    std::string row;
    const std::string* colour = nullptr;
    for (std::size_t v = begin; v < end; ++v) {
      if (directional_control(d.text[v])) continue;
      const std::string& sgr = d.sgr[static_cast<std::size_t>(map[v])];
      if (!colour ? !sgr.empty() : *colour != sgr) {
        if (colour && !colour->empty()) row += "\x1b[0m";
        row += sgr;
        colour = &sgr;
      }
      append_utf8(row, d.text[v]);
    }
    if (colour && !colour->empty()) row += "\x1b[0m";
    // A right-to-left paragraph reads from the right edge, as a terminal that reorders by
    // itself would show it.
    if (FRIBIDI_IS_RTL(base) && width != kNoWidthLimit) {
      const std::size_t used = display_width(row);
      if (used > 0 && used < width) row.insert(0, std::string(width - used, ' '));
    }
    if (r > 0) out += '\n';
    out += row;
  }
  return out;
}

std::string visual_text(std::string_view text, std::size_t width) {
  if (!has_rtl(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 16);
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    const bool last = nl == std::string_view::npos;
    if (last) nl = text.size();
    out += visual_line(text.substr(start, nl - start), width);
    if (!last) out += '\n';
    start = nl + 1;
  }
  return out;
}

}  // namespace plan
