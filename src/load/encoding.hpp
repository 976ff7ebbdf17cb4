// A file's bytes → its text: UTF-8 only, with an optional byte-order mark removed.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "diagnostic.hpp"

namespace plan {

// The text the YAML parser should see, or nothing when the file is not UTF-8 text (UTF-16
// or UTF-32 byte-order marks, NUL bytes, invalid UTF-8) or holds a line break other than
// LF and CRLF (a CR alone, NEL, U+2028, U+2029), with a located error for why.
std::optional<std::string_view> decode_text(std::string_view bytes, std::uint32_t file,
                                            Diagnostics& diags);

}  // namespace plan
