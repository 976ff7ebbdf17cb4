// Logical → visual order for terminals that do not apply the Unicode bidirectional
// algorithm themselves (the command layer puts the terminal in explicit mode first).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "render/terminal_text.hpp"

namespace plan {

// One line (no '\n') in logical order → the same line in visual (left-to-right display)
// order: the paragraph's direction from its first strong character (a right-to-left layout
// starts its lines with U+200F), brackets mirrored, marks kept after their letters, colours
// kept on the same letters, directional marks and isolates removed. With a `width`, a line
// wider than it is first broken into rows (at the last space that fits, else anywhere but
// inside a letter's marks), each row reordered on its own as the algorithm's line rules say,
// and a right-to-left row is right-aligned in it.
std::string visual_line(std::string_view logical, std::size_t width = kNoWidthLimit);
// Every line of `text` through visual_line.
std::string visual_text(std::string_view text, std::size_t width = kNoWidthLimit);
// Whether `text` has a right-to-left letter or mark (the rest is left as it is).
bool has_rtl(std::string_view text);

}  // namespace plan
