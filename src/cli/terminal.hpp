// What the command layer knows about the terminal: its width and whether to colour.
#pragma once

#include <cstdio>
#include <string>

namespace plan::cli {

// --color auto|always|never: auto colours only a terminal, and never with NO_COLOR set.
bool use_color(const std::string& option, std::FILE* stream);

// The terminal's width; $COLUMNS when not a terminal; kNoWidthLimit (cut nothing) for a
// file or a pipe without $COLUMNS; 80 when a terminal does not say.
std::size_t terminal_width(std::FILE* stream);

}  // namespace plan::cli
