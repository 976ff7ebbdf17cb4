// Plan text and commit subjects made safe to print on a terminal or into a CI log: no
// control character, escape sequence or line break from a file ever reaches the output
// raw. Applied where text meets the terminal (every text output and one-line message).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plan {

// The text with every character that a terminal or a log would act on shown as an escape:
//   ESC → \e;  LF, CR, TAB → \n, \r, \t;  other C0 and DEL → \x07, \x7f;
//   C1 (U+0080–U+009F, NEL among them), LS, PS → \u009b, \u0085, \u2028, \u2029;
//   a byte that is not valid UTF-8 → \xff.
// Everything else, Hebrew and combining marks included, is returned unchanged. The result
// is one line and holds no byte below 0x20 or DEL.
std::string visible(std::string_view text);

// The text split at its line breaks (LF, CRLF, CR, NEL, LS, PS), each line made visible:
// for the few fields meant to span lines (notes), printed one line at a time.
std::vector<std::string> visible_lines(std::string_view text);

}  // namespace plan
