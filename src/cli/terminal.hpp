// What the command layer knows about the terminal: its width and whether to colour.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace plan::cli {

// --color auto|always|never: auto colours only a terminal, and never with NO_COLOR set.
bool use_color(const std::string& option, std::FILE* stream);

// The terminal's width; $COLUMNS when not a terminal; kNoWidthLimit (cut nothing) for a
// file or a pipe without $COLUMNS; 80 when a terminal does not say.
std::size_t terminal_width(std::FILE* stream);

// How right-to-left text reaches a stream: as written (logical: files, pipes, terminals that
// reorder by themselves) or reordered for display (visual: a terminal in explicit mode).
enum class BidiMode { logical, visual };
// --bidi visual|logical, else $PLAN_BIDI (the same words; any other is ignored), else visual
// for a terminal (but TERM=dumb), logical otherwise.
BidiMode bidi_mode(const std::string& option, std::FILE* stream);
// Remembers the command's --bidi ("" for none): add_bidi_option calls it as it parses.
void set_bidi_option(const std::string& option);
// The one writer of text for people: in visual mode the terminal is switched to explicit
// mode (CSI 8 l) before the first right-to-left text, back at exit (CSI 8 h, also when
// killed by SIGINT, SIGTERM, SIGHUP or SIGPIPE), and every line is reordered; in
// logical mode the text is written as it is.
// The brackets are sent only to a terminal: in a file or a pipe they would be data, and a
// reader such as `head` could pass on CSI 8 l and quit before CSI 8 h.
void write_text(std::FILE* stream, std::string_view text, BidiMode mode,
                std::size_t width = SIZE_MAX);
// The same in the stream's own mode (the remembered --bidi, $PLAN_BIDI, whether it is a
// terminal), right-to-left lines right-aligned to the terminal's width.
void write_text(std::FILE* stream, std::string_view text);

}  // namespace plan::cli
