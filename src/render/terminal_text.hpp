// Text for a terminal: widths in cells (not bytes), cutting at grapheme boundaries,
// bidirectional isolation of free text, bars and colour.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace plan {

// A width that cuts nothing: output to a file or a CI log, where no terminal sets one.
inline constexpr std::size_t kNoWidthLimit = SIZE_MAX;

// Terminal cells: combining marks (niqqud) take none, wide (CJK, emoji) characters two,
// colour codes (ESC [ … m) none.
std::size_t display_width(std::string_view text);

// The text cut to at most `width` cells, ending in "…" when cut; never splits a letter
// from its marks.
std::string truncate_to_width(std::string_view text, std::size_t width);

// FSI … PDI: the text's direction is decided inside, and cannot reorder what is around it.
std::string isolate(std::string_view text);

// Isolated when it holds any non-ASCII character (a possible right-to-left run); plain
// ASCII is returned as it is, so ids and English titles copy and paste cleanly.
std::string bidi_safe(std::string_view text);

// For a right-to-left layout (plan §0.1 of issue 18): every line of logical text is its own
// paragraph that starts with RLM, and each fixed cell is isolated, so that any viewer
// applying the bidirectional algorithm (and our own visual pass) shows the columns mirrored.
// Without the isolates, numbers and ids between them would join one left-to-right run.
// Each returns its text unchanged when `rtl` is false.
std::string ltr_cell(std::string_view text, bool rtl);   // LRI … PDI: ids, figures, dates
std::string rtl_bar(std::string_view bar, bool rtl);     // RLI … PDI: a bar fills from the right
std::string free_text(std::string_view text, bool rtl);  // FSI … PDI always (else bidi_safe)
std::string mirror_lines(std::string_view text, bool rtl);  // RLM at the start of every line

// Spaces added on the right (or left) to fill `width` cells.
std::string pad_right(std::string_view text, std::size_t width);
std::string pad_left(std::string_view text, std::size_t width);

// A bar of `width` cells: █ for the part done, in whole cells (full only at 100%, at
// least one cell above 0%), ░ for the rest; blank for no value (or NaN).
std::string progress_bar(std::optional<double> fraction, std::size_t width);

// "  0%", " 42%", "100%", or "   –" for no value (or NaN): always four cells.
std::string percent_text(std::optional<double> fraction);

// ANSI colours, applied only when enabled.
struct Style {
  bool color = false;
  std::string paint(std::string_view text, const char* sgr) const;  // sgr: "1", "32", "2;31"
  std::string bold(std::string_view t) const { return paint(t, "1"); }
  std::string dim(std::string_view t) const { return paint(t, "2"); }
  std::string green(std::string_view t) const { return paint(t, "32"); }
  std::string yellow(std::string_view t) const { return paint(t, "33"); }
  std::string red(std::string_view t) const { return paint(t, "31"); }
};

}  // namespace plan
