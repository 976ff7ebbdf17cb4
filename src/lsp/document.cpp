#include "lsp/document.hpp"

#include <algorithm>

#include "util/text_position.hpp"

namespace plan::lsp {

namespace {

// The length of the UTF-8 sequence that starts with byte `b` (1 for a stray byte, so a
// walk always moves on).
std::size_t seq_len(unsigned char b) {
  if (b < 0xC0) return 1;
  if (b < 0xE0) return 2;
  if (b < 0xF0) return 3;
  return 4;
}

std::uint32_t char_units(std::size_t len, Encoding enc) {
  if (enc == Encoding::utf8) return static_cast<std::uint32_t>(len);
  return len == 4 ? 2 : 1;  // outside the Basic Multilingual Plane: a surrogate pair
}

}  // namespace

std::size_t quoted_end(std::string_view t, std::size_t open, std::size_t limit) {
  const char q = t[open];
  for (std::size_t i = open + 1; i < limit; ++i) {
    if (q == '"' && t[i] == '\\') {
      ++i;
      continue;
    }
    if (t[i] != q) continue;
    if (q == '\'' && i + 1 < limit && t[i + 1] == '\'') {
      ++i;
      continue;
    }
    return i + 1;
  }
  return std::string_view::npos;
}

std::uint32_t units(std::string_view text, Encoding enc) {
  if (enc == Encoding::utf8) return static_cast<std::uint32_t>(text.size());
  std::uint32_t n = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t len = std::min(seq_len(static_cast<unsigned char>(text[i])), text.size() - i);
    n += char_units(len, enc);
    i += len;
  }
  return n;
}

void Document::set_text(std::string text) {
  text_ = std::move(text);
  yaml_starts_.clear();
  starts_.assign(1, 0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') {
      starts_.push_back(i + 1);
    } else if (text_[i] == '\r') {
      if (i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
      starts_.push_back(i + 1);
    }
  }
}

void Document::replace(Range range, std::string_view with, Encoding enc) {
  std::size_t a = offset_at(range.start, enc), b = offset_at(range.end, enc);
  if (b < a) std::swap(a, b);
  std::string next;
  next.reserve(text_.size() - (b - a) + with.size());
  next.append(text_, 0, a).append(with).append(text_, b, std::string::npos);
  set_text(std::move(next));
}

std::size_t Document::offset_at(Position p, Encoding enc) const {
  if (p.line >= starts_.size()) return text_.size();
  const std::size_t begin = starts_[p.line];
  std::size_t end = p.line + 1 < starts_.size() ? starts_[p.line + 1] : text_.size();
  while (end > begin && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  std::size_t i = begin;
  std::uint32_t col = 0;
  while (i < end) {
    const std::size_t len = std::min(seq_len(static_cast<unsigned char>(text_[i])), end - i);
    const std::uint32_t w = char_units(len, enc);
    if (col + w > p.character) break;
    col += w;
    i += len;
  }
  return i;
}

Position Document::position_at(std::size_t offset, Encoding enc) const {
  offset = std::min(offset, text_.size());
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const std::size_t line = static_cast<std::size_t>(it - starts_.begin()) - 1;
  const std::size_t begin = starts_[line];
  return {static_cast<std::uint32_t>(line),
          units(std::string_view(text_).substr(begin, offset - begin), enc)};
}

std::size_t Document::offset_of(Loc loc) const {
  if (loc.line == 0) return 0;
  // From the line's start, found once per text: a walk from the text's start for each place
  // made an answer about many places (an outline, references) quadratic in the file's size.
  if (yaml_starts_.empty()) yaml_starts_ = plan::line_starts(text_);
  if (loc.line > yaml_starts_.size()) return text_.size();
  std::size_t begin = yaml_starts_[loc.line - 1];
  // The loader counts columns after a byte-order mark.
  if (loc.line == 1 && text_.compare(0, 3, "\xEF\xBB\xBF") == 0) begin = 3;
  return begin + plan::offset_of(std::string_view(text_).substr(begin), 1,
                                 std::max<std::uint32_t>(loc.col, 1));
}

std::pair<std::size_t, std::size_t> Document::token_span(std::size_t begin) const {
  const std::string& t = text_;
  const std::size_t n = t.size();
  begin = std::min(begin, n);
  std::size_t line_end = begin;
  while (line_end < n && t[line_end] != '\n' && t[line_end] != '\r') ++line_end;
  if (begin >= n) return {begin, begin};
  const char c = t[begin];
  if (c == '"' || c == '\'') {
    // An unclosed quote ends with its line.
    const std::size_t e = quoted_end(t, begin, n);
    return {begin, e == std::string::npos ? line_end : e};
  }
  if (c == '[' || c == '{') {
    // To the matching bracket, across lines (a bounded walk: at most the text).
    int depth = 0;
    char quote = 0;
    for (std::size_t i = begin; i < n; ++i) {
      if (quote) {
        if (t[i] == quote) quote = 0;
        continue;
      }
      if (t[i] == '"' || t[i] == '\'') quote = t[i];
      if (t[i] == '[' || t[i] == '{') ++depth;
      if ((t[i] == ']' || t[i] == '}') && --depth == 0) return {begin, i + 1};
    }
    return {begin, line_end};
  }
  // A plain scalar or key: in a flow collection (an open bracket before it on its line) it
  // ends at ',', ']' or '}'; it always ends at ": ", at " #" and at the line's end.
  std::size_t line_start = begin;
  while (line_start > 0 && t[line_start - 1] != '\n' && t[line_start - 1] != '\r') --line_start;
  int open = 0;
  char quote = 0;
  for (std::size_t i = line_start; i < begin; ++i) {
    if (quote) {
      if (t[i] == quote) quote = 0;
    } else if (t[i] == '"' || t[i] == '\'') {
      quote = t[i];
    } else if (t[i] == '[' || t[i] == '{') {
      ++open;
    } else if ((t[i] == ']' || t[i] == '}') && open > 0) {
      --open;
    }
  }
  std::size_t i = begin;
  for (; i < line_end; ++i) {
    const char d = t[i];
    if (d == ':' && (i + 1 == line_end || t[i + 1] == ' ' || t[i + 1] == '\t')) break;
    if ((d == ' ' || d == '\t') && i + 1 < line_end && t[i + 1] == '#') break;
    if (open > 0 && (d == ',' || d == ']' || d == '}')) break;
  }
  while (i > begin && (t[i - 1] == ' ' || t[i - 1] == '\t')) --i;
  if (i == begin) i = std::min(line_end, begin + seq_len(static_cast<unsigned char>(c)));
  return {begin, i};
}

Range Document::token_range(Loc loc, Encoding enc) const {
  if (loc.line == 0) {
    std::size_t end = 0;
    while (end < text_.size() && text_[end] != '\n' && text_[end] != '\r') ++end;
    return {{0, 0}, position_at(end, enc)};
  }
  const auto [a, b] = token_span(offset_of(loc));
  return {position_at(a, enc), position_at(b, enc)};
}

}  // namespace plan::lsp
