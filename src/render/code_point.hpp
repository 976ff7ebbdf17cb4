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

}  // namespace plan
