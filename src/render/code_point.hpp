// One code point of UTF-8 text, decoded the same way by every part of the terminal's text.
#pragma once

#include <cstddef>
#include <string_view>

#include <utf8proc.h>

namespace plan {

// Decodes the code point at byte `i` into `cp` and returns its length in bytes; invalid bytes
// (never in a loaded plan) count as U+FFFD, one byte each.
inline std::size_t next_code_point(std::string_view s, std::size_t i, utf8proc_int32_t& cp) {
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()) + i,
                            static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (n <= 0) {
    cp = 0xFFFD;
    return 1;
  }
  return static_cast<std::size_t>(n);
}

// The cells a code point takes in a terminal: none for control characters and combining
// marks (niqqud), two for wide (CJK, emoji) characters, else one.
inline std::size_t cell_width(utf8proc_int32_t cp) {
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return 0;
  const int w = utf8proc_charwidth(cp);
  return w > 0 ? static_cast<std::size_t>(w) : 0;
}

}  // namespace plan
