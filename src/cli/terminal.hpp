// What the command layer knows about the terminal: its width and whether to colour.
#pragma once

#include <cstdio>
#include <string>

namespace plan::cli {

// --color auto|always|never: auto colours only a terminal, and never with NO_COLOR set.
bool use_color(const std::string& option, std::FILE* stream);

// The terminal's width; $COLUMNS when not a terminal; 80 when neither says.
std::size_t terminal_width(std::FILE* stream);

}  // namespace plan::cli
