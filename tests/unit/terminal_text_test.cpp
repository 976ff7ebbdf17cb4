#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "render/status_text.hpp"
#include "render/terminal_text.hpp"
#include "util/visible.hpp"

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
  CHECK(truncate_to_width("日本語", 4) == "日…");       // a wide character does not fit half
  CHECK(truncate_to_width("ab cd", 4) == "ab…");        // no space before the ellipsis
}

TEST_CASE("progress bars are one continuous bar of whole cells and keep their width") {
  CHECK(progress_bar(0.0, 4) == "░░░░");
  CHECK(progress_bar(1.0, 4) == "████");
  CHECK(progress_bar(0.5, 4) == "██░░");
  CHECK(progress_bar(0.3, 10) == "███░░░░░░░");
  CHECK(progress_bar(0.34, 10) == progress_bar(0.3, 10));  // to the nearest cell
  CHECK(progress_bar(0.36, 10) == progress_bar(0.4, 10));
  CHECK(progress_bar(1.0 / 16, 2) == "█░");  // something done shows
  CHECK(progress_bar(0.001, 20).rfind("█░", 0) == 0);
  CHECK(progress_bar(0.99, 10) == progress_bar(0.9, 10));  // full only when all is done
  CHECK(progress_bar(std::nullopt, 3) == "   ");
  // No partial-eighth block: it would leave the rest of its cell blank, a gap in the bar.
  // Every bar is filled cells, then shaded cells, and exactly its width.
  for (std::size_t width : {1, 2, 5, 10, 20})
    for (int k = 0; k <= 1000; ++k) {
      const std::string bar = progress_bar(k / 1000.0, width);
      CAPTURE(width);
      CAPTURE(k);
      CHECK(display_width(bar) == width);
      std::size_t i = 0;
      while (bar.compare(i, 3, "█") == 0) i += 3;
      while (bar.compare(i, 3, "░") == 0) i += 3;
      CHECK(i == bar.size());
    }
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

TEST_CASE("visible shows control characters, escape sequences and line breaks escaped") {
  CHECK(visible("plain text, שָׁלוֹם") == "plain text, שָׁלוֹם");
  CHECK(visible("\x1b[2Jclear") == "\\e[2Jclear");
  CHECK(visible("\x1b]52;c;aGk=\x07") == "\\e]52;c;aGk=\\x07");  // a clipboard write
  CHECK(visible("a\nb\rc\td") == "a\\nb\\rc\\td");
  CHECK(visible(std::string("nul\0x", 5)) == "nul\\x00x");
  CHECK(visible("del\x7f") == "del\\x7f");
  CHECK(visible("csi\xc2\x9b"
                "2J") == "csi\\u009b2J");                             // C1 CSI
  CHECK(visible("nel\xc2\x85::error::x") == "nel\\u0085::error::x");  // NEL
  CHECK(visible("ls\xe2\x80\xa8ps\xe2\x80\xa9") == "ls\\u2028ps\\u2029");
  CHECK(visible("bad\xff\xc3") == "bad\\xff\\xc3");  // not UTF-8
  // Nothing below 0x20, no DEL, no C1, no line break is left.
  std::string all;
  for (int c = 0; c < 0x80; ++c) all += static_cast<char>(c);
  for (unsigned cp = 0x80; cp < 0xA0; ++cp) {
    all += static_cast<char>(0xC0 | (cp >> 6));
    all += static_cast<char>(0x80 | (cp & 0x3F));
  }
  const std::string v = visible(all);
  for (char ch : v) {
    const auto c = static_cast<unsigned char>(ch);
    CHECK((c >= 0x20 && c != 0x7F));
  }
  CHECK(v.find("\xc2\x80") == std::string::npos);
}

TEST_CASE("visible_lines splits at every kind of line break and escapes each line") {
  CHECK(visible_lines("one") == std::vector<std::string>{"one"});
  CHECK(visible_lines("a\nb\r\nc\rd\xc2\x85"
                      "e\xe2\x80\xa8"
                      "f\xe2\x80\xa9g") ==
        std::vector<std::string>{"a", "b", "c", "d", "e", "f", "g"});
  CHECK(visible_lines("x\x1b[1A\n") == std::vector<std::string>{"x\\e[1A", ""});
}

TEST_CASE("a table row never holds a raw control character or line break") {
  TextLayout narrow{30, Style{}};
  // The free text is escaped before it is cut: no escape sequence is cut open.
  std::string row =
      table_row("  id", 4, "\x1b]8;;http://x\x07link\x1b]8;;\x07 and more text", narrow);
  CHECK(row.back() == '\n');
  row.pop_back();
  CHECK(row.find('\x1b') == std::string::npos);
  CHECK(row.find('\x07') == std::string::npos);
  CHECK(row.find('\n') == std::string::npos);
  CHECK(display_width(row) <= 30);
  CHECK(table_row("  id", 4, "title\n::error file=README.md,line=1::x",
                  TextLayout{kNoWidthLimit, Style{}}) ==
        "  id title\\n::error file=README.md,line=1::x\n");
}

TEST_CASE("no width limit cuts nothing") {
  const std::string title(300, 'x');
  CHECK(table_row("  id", 4, title, TextLayout{kNoWidthLimit, Style{}}) == "  id " + title + "\n");
  CHECK(table_row("  id", 4, title, TextLayout{80, Style{}}).size() < 100);
}

TEST_CASE("an id wider than its column gets a line of its own, and the columns stay aligned") {
  std::string out;
  CHECK(id_cell("G1", 6, "  ", out) == "G1    ");
  CHECK(out.empty());
  CHECK(id_cell("a-very-long-id", 6, "  ", out) == "      ");
  CHECK(out == "  a-very-long-id\n");
  CHECK(id_column(40, 40, TextLayout{60, Style{}}) == 3);  // 60 - 40 - 1 - 16
  CHECK(id_column(40, 40, TextLayout{kNoWidthLimit, Style{}}) == 24);
  CHECK(id_column(5, 40, TextLayout{100, Style{}}) == 5);
}

TEST_CASE("NaN is no value: no bar, no percent") {
  const double nan = std::nan("");
  CHECK(progress_bar(nan, 5) == "     ");
  CHECK(percent_text(nan) == "   –");
  CHECK(progress_bar(std::numeric_limits<double>::infinity(), 4) == "████");
}

TEST_CASE("colour codes take no cells") {
  Style on{true};
  CHECK(display_width(on.red("overdue 2")) == 9);
  CHECK(pad_right(on.bold("ab"), 4) == on.bold("ab") + "  ");
}
