#include <doctest/doctest.h>

#include "render/terminal_text.hpp"

using namespace plan;

TEST_CASE("display_width counts cells: Hebrew letters one, niqqud none, wide characters two") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("שלום") == 4);
  CHECK(display_width("שָׁלוֹם") == 4);  // shin with qamats and shin dot, vav with holam
  CHECK(display_width("日本") == 4);
  CHECK(display_width(isolate("שלום")) == 4);  // the isolates take no cell
}

TEST_CASE("truncate_to_width cuts at cluster boundaries and adds an ellipsis") {
  CHECK(truncate_to_width("short", 10) == "short");
  CHECK(truncate_to_width("abcdefghij", 5) == "abcd…");
  // Never separates a letter from its niqqud: "שָׁ" stays whole.
  std::string cut = truncate_to_width("שָׁלוֹם עליכם", 3);
  CHECK(cut == "שָׁל…");
  CHECK(display_width(cut) == 3);
  CHECK(truncate_to_width("שָׁלוֹם עליכם", 4) == "שָׁלוֹ…");  // vav keeps its holam
  CHECK(truncate_to_width("日本語", 4) == "日…");  // a wide character does not fit half
  CHECK(truncate_to_width("ab cd", 4) == "ab…");   // no space before the ellipsis
}

TEST_CASE("progress bars fill in eighths and keep their width") {
  CHECK(progress_bar(0.0, 4) == "░░░░");
  CHECK(progress_bar(1.0, 4) == "████");
  CHECK(progress_bar(0.5, 4) == "██░░");
  CHECK(progress_bar(1.0 / 16, 2) == "▏░");
  CHECK(progress_bar(std::nullopt, 3) == "   ");
  for (double f : {0.0, 0.13, 0.5, 0.99, 1.0}) CHECK(display_width(progress_bar(f, 10)) == 10);
}

TEST_CASE("percent_text floors, so only complete work shows 100%") {
  CHECK(percent_text(0.0) == "  0%");
  CHECK(percent_text(0.996) == " 99%");
  CHECK(percent_text(1.0) == "100%");
  CHECK(percent_text(0.29) == " 29%");  // 0.29 × 100 is 28.999… in binary
  CHECK(percent_text(std::nullopt) == "   –");
}

TEST_CASE("Style paints only when colour is on") {
  Style off{false}, on{true};
  CHECK(off.red("x") == "x");
  CHECK(on.red("x") == "\x1b[31mx\x1b[0m");
}
