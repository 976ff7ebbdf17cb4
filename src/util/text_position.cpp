#include "util/text_position.hpp"

#include <algorithm>

#include "util/text.hpp"

namespace plan {

std::size_t line_break_at(std::string_view t, std::size_t pos) {
  const auto at = [&](std::size_t k) {
    return k < t.size() ? static_cast<unsigned char>(t[k]) : 0u;
  };
  if (at(pos) == '\n') return 1;
  if (at(pos) == '\r') return at(pos + 1) == '\n' ? 2 : 1;
  if (at(pos) == 0xC2 && at(pos + 1) == 0x85) return 2;
  if (at(pos) == 0xE2 && at(pos + 1) == 0x80 && (at(pos + 2) == 0xA8 || at(pos + 2) == 0xA9))
    return 3;
  return 0;
}

Loc locate_offset(std::string_view text, std::size_t offset, std::uint32_t file) {
  offset = std::min(offset, text.size());
  std::size_t line_start = 0;
  std::uint32_t line = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  std::string_view before = text.substr(line_start, offset - line_start);
  // Only the part before the offset is known to be valid UTF-8; count code points there.
  return {file, line, static_cast<std::uint32_t>(count_code_points(before) + 1)};
}

std::size_t offset_of(std::string_view text, std::uint32_t line, std::uint32_t col) {
  std::size_t pos = 0;
  for (std::uint32_t l = 1; l < line;) {
    if (pos >= text.size()) return text.size();
    if (const std::size_t b = line_break_at(text, pos)) {
      pos += b;
      ++l;
    } else {
      ++pos;
    }
  }
  for (std::uint32_t c = 1; c < col && pos < text.size(); ++c) {
    ++pos;
    while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
  }
  return pos;
}

std::vector<std::size_t> line_starts(std::string_view t) {
  std::vector<std::size_t> starts{0};
  for (std::size_t pos = 0; pos < t.size();) {
    const std::size_t b = line_break_at(t, pos);
    if (b == 0) {
      ++pos;
      continue;
    }
    pos += b;
    starts.push_back(pos);
  }
  return starts;
}

}  // namespace plan
