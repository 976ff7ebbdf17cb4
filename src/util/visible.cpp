#include "util/visible.hpp"

#include <fmt/format.h>

namespace plan {

namespace {

// The length of the valid UTF-8 sequence at `i` and its code point, or 0 when the byte
// there does not start one.
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char c = b(0);
  std::size_t len;
  unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    cp = c & 0x1Fu;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    cp = c & 0x0Fu;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    cp = c & 0x07u;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // past U+10FFFF
  } else {
    return 0;
  }
  if (i + len > s.size() || b(1) < lo || b(1) > hi) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((b(k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(k) & 0x3Fu);
  }
  return len;
}

bool is_line_break(char32_t cp) {
  return cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

}  // namespace

std::string visible(std::string_view text) {
  // Most text needs nothing: printable ASCII, and UTF-8 that has no C1, LS or PS.
  bool plain = true;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7F || c >= 0x80) {
      plain = false;
      break;
    }
  }
  if (plain) return std::string(text);

  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const std::size_t n = decode(text, i, cp);
    if (n == 0) {  // not UTF-8: show the byte
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i]));
      ++i;
      continue;
    }
    if (cp == 0x1B)
      out += "\\e";
    else if (cp == '\n')
      out += "\\n";
    else if (cp == '\r')
      out += "\\r";
    else if (cp == '\t')
      out += "\\t";
    else if (cp < 0x20 || cp == 0x7F)
      out += fmt::format("\\x{:02x}", static_cast<unsigned>(cp));
    else if ((cp >= 0x80 && cp < 0xA0) || is_line_break(cp))
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
    else
      out.append(text, i, n);
    i += n;
  }
  return out;
}

std::vector<std::string> visible_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    std::size_t n = decode(text, i, cp);
    if (n == 0) {
      n = 1;
      cp = 0xFFFD;
    }
    if (cp == '\n' || cp == '\r' || is_line_break(cp)) {
      lines.push_back(visible(text.substr(start, i - start)));
      if (cp == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++n;  // CRLF is one break
      start = i + n;
    }
    i += n;
  }
  lines.push_back(visible(text.substr(start)));
  return lines;
}

}  // namespace plan
