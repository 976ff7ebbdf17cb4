// visual_line: a logical line in the order a terminal that never reorders must be given.
// The expected strings were read off GNU FriBidi's own command line (`fribidi --nopad
// --nobreak --reordernsm --clean`); the last case asks it again at test time.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "render/bidi.hpp"
#include "render/terminal_text.hpp"
#include "util/text.hpp"

using namespace plan;

namespace {
const std::string kRlm = "\u200f", kLri = "\u2066", kRli = "\u2067", kFsi = "\u2068",
                  kPdi = "\u2069";
}  // namespace

TEST_CASE("bidi: a right-to-left layout with isolated cells mirrors its columns") {
  // Id, percent, bar, counts and title, each cell isolated: the id lands on the right, the
  // bar fills from the right, the title's bracket is mirrored, the niqqud stays on its letter.
  const std::string logical = kRlm + kLri + "G1" + kPdi + " " + kLri + "42%" + kPdi + " " + kRli +
                              "███░░" + kPdi + " " + kLri + "3/7" + kPdi + " " + kFsi +
                              "שָׁלוֹם (א) v2" + kPdi;
  CHECK(visual_line(logical) == "v2 (א) םוֹלשָׁ 3/7 ░░███ 42% G1");
  // The same cells are as wide as before: only marks and isolates were taken out.
  CHECK(display_width(visual_line(logical)) == display_width(logical));
}

TEST_CASE("bidi: without the cells' isolates the columns do not mirror") {
  // Why the right-to-left layout isolates every cell: numbers after a left-to-right id
  // stay with it (rule W7), so the line reads as written.
  CHECK(visual_line(kRlm + "G1 42% ███░░ 3/7") == "G1 42% ███░░ 3/7");
}

TEST_CASE("bidi: niqqud stays after its letter") {
  CHECK(visual_line("שָׁלוֹם") == "םוֹלשָׁ");  // mem, vav+holam, lamed, shin+shin dot+qamats
}

TEST_CASE("bidi: brackets are mirrored in right-to-left text") {
  CHECK(visual_line("שלום (עולם) [x] {y}") == "{y} [x] (םלוע) םולש");
  CHECK(visual_line("מטרה 1: (א) ב") == "ב (א) :1 הרטמ");
}

TEST_CASE("bidi: an isolated Hebrew title inside an English line is reversed in place") {
  CHECK(visual_line("G1 " + kFsi + "שלום עולם" + kPdi + " done") == "G1 םלוע םולש done");
}

TEST_CASE("bidi: colours stay on the same letters") {
  // bold(red("שלום")) as Style::paint writes it, then an uncoloured word.
  CHECK(visual_line("\x1b[1m\x1b[31mשלום\x1b[0m\x1b[0m עולם") == "םלוע \x1b[1m\x1b[31mםולש\x1b[0m");
  CHECK(visual_line("G1 \x1b[32mשלום\x1b[0m done") == "G1 \x1b[32mםולש\x1b[0m done");
  // Two colours in a right-to-left line: each run re-opens its own.
  CHECK(visual_line("\x1b[32mאב\x1b[0m \x1b[31mגד\x1b[0m") ==
        "\x1b[31mדג\x1b[0m \x1b[32mבא\x1b[0m");
}

TEST_CASE("bidi: left-to-right text comes back byte for byte") {
  const std::string ascii = "  \x1b[1mG1\x1b[0m  42% \x1b[32m███░░\x1b[0m  3/7  A goal (v2)";
  CHECK(!has_rtl(ascii));
  CHECK(visual_line(ascii) == ascii);
  CHECK(visual_line(ascii, 120) == ascii);  // not right-aligned either
  CHECK(visual_text(ascii + "\n" + ascii + "\n") == ascii + "\n" + ascii + "\n");
  CHECK(!has_rtl("Größe ✓ 日本"));  // not ASCII, but nothing right-to-left
  CHECK(visual_line("Größe ✓ 日本") == "Größe ✓ 日本");
  CHECK(has_rtl("a שלום"));
  CHECK(has_rtl(kRlm + "G1"));  // an RLM alone makes the paragraph right-to-left
}

TEST_CASE("bidi: a right-to-left line is right-aligned in the width") {
  CHECK(visual_line(kRlm + "שלום", 10) == "      םולש");
  CHECK(visual_line(kRlm + "\x1b[1mשלום\x1b[0m", 6) == "  \x1b[1mםולש\x1b[0m");
  CHECK(visual_line(kRlm + "שלום", 3) == "ולש\n  ם");  // wider than the width: in rows
  CHECK(visual_line("G1 " + kFsi + "שלום" + kPdi, 10) == "G1 םולש");  // left-to-right line
  CHECK(visual_line(kRlm, 10).empty());                               // nothing to show
  CHECK(visual_line(kRlm + "שלום") == "םולש");                        // no width: no padding
}

TEST_CASE("bidi: a line wider than the terminal is broken into rows before reordering") {
  // Five three-letter words in 8 cells: two words a row, the sentence's start on the first
  // row, each row read from the right. A terminal wrapping the reordered line itself would
  // put the sentence's end first.
  const std::string line = kRlm + "אבג דהו זחט יטכ למנ";
  const std::string rows = visual_line(line, 8);
  CHECK(rows == " והד גבא\n כטי טחז\n     נמל");
  for (std::size_t start = 0, nl; start <= rows.size(); start = nl + 1) {
    nl = rows.find('\n', start);
    if (nl == std::string::npos) nl = rows.size();
    CHECK(display_width(rows.substr(start, nl - start)) == 8);
  }
  // A word longer than a row is cut inside it, never between a letter and its niqqud.
  const std::string marks = visual_line(kRlm + "שָׁלוֹםשָׁלוֹם", 3);
  CHECK(marks == "וֹלשָׁ\nלשָׁם\n םוֹ");
  // Without a width nothing is broken.
  CHECK(visual_line(line).find('\n') == std::string::npos);
}

TEST_CASE("bidi: visual_text reorders every line and keeps the line breaks") {
  CHECK(visual_text("אב\nG1\n\nגד\n") == "בא\nG1\n\nדג\n");
  CHECK(visual_text("אב\nגד") == "בא\nדג");
  CHECK(visual_text(kRlm + "אב\n", 4) == "  בא\n");
  CHECK(visual_text("").empty());
}

TEST_CASE("bidi: invalid UTF-8 does not break the line") {
  const std::string out = visual_line("שלום \xff\xfe עולם \xc3");
  CHECK(find_invalid_utf8(out) == std::string::npos);
  CHECK(out.find("םולש") != std::string::npos);
  CHECK(out.find("\uFFFD") != std::string::npos);
  CHECK(display_width(out) == 4 + 1 + 2 + 1 + 4 + 1 + 1);
}

TEST_CASE("bidi: the same order as GNU FriBidi's command line") {
  // The oracle the terminal tests use too; libfribidi-bin is in scripts/debian-packages.txt.
  REQUIRE_MESSAGE(std::system("command -v fribidi >/dev/null") == 0, "fribidi (libfribidi-bin)");
  const std::string lines[] = {
      "שָׁלוֹם בַּקִּבּוּץ (ב) - 12 מתוך 30",
      kRlm + kLri + "G2" + kPdi + " " + kFsi + "תוכנית עבודה 2025" + kPdi,
      "Plan: " + kFsi + "עברית, English [1]" + kPdi + " end",
  };
  const std::string in = "/tmp/plan-bidi-test-in.txt";
  for (const std::string& line : lines) {
    std::ofstream(in, std::ios::binary) << line << "\n";
    std::string expected;
    if (FILE* p =
            ::popen(("fribidi --nopad --nobreak --reordernsm --clean < " + in).c_str(), "r")) {
      char buf[512];
      for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) expected.append(buf, n);
      ::pclose(p);
    }
    if (!expected.empty() && expected.back() == '\n') expected.pop_back();
    CAPTURE(line);
    CHECK(visual_line(line) == expected);
  }
  std::remove(in.c_str());
}
