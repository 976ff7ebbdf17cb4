// Places in a text: a byte offset ↔ a line and column as people and editors count them
// (1-based lines; columns in code points). The one place that walks lines for the loader's
// errors, the template errors and `plan set`'s edits.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "model.hpp"

namespace plan {

// The length of the line break at `pos` as libyaml counts them (LF, CRLF, CR, NEL, LINE
// SEPARATOR, PARAGRAPH SEPARATOR), or 0 when there is none.
std::size_t line_break_at(std::string_view text, std::size_t pos);

// The line and column of a byte offset into text that is valid UTF-8 up to the offset.
// Lines end at LF only: the loader refuses every other break (load/encoding.cpp) and calls
// this before that check too, where a CR alone must not move the line, as editors show it.
Loc locate_offset(std::string_view text, std::size_t offset, std::uint32_t file);

// The byte offset of a 1-based line and column (in code points), counting line breaks as
// libyaml does (line_break_at), so that libyaml's marks find their text; the text's end
// when the place lies past it. On text whose only breaks are LF and CRLF it is the inverse
// of locate_offset.
std::size_t offset_of(std::string_view text, std::uint32_t line, std::uint32_t col);

// The offset where each line starts, as offset_of counts lines (line 1 at index 0).
std::vector<std::size_t> line_starts(std::string_view text);

}  // namespace plan
