// Places in a text (util/text_position): offsets ↔ lines and columns, for the loader's
// errors, the template errors and `plan set`'s edits.
#include <doctest/doctest.h>

#include <string>

#include "load/yaml_tree.hpp"
#include "util/text_position.hpp"

using namespace plan;

TEST_CASE("offset_of counts lines as libyaml does, with every kind of line break") {
  // Each text puts a plain scalar `mark` somewhere after breaks of one kind (in comments
  // and inside a flow list); the offset of the place libyaml reports must hold it.
  for (const char* kind : {"\n", "\r\n", "\r", "\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9"}) {
    const std::string br = kind;
    CAPTURE(br.size());
    const std::string text =
        "# a comment" + br + "a: \"x\"   # c" + br + "b: [1," + br + " 2]" + br + "c: mark" + br;
    Diagnostics d;
    auto root = parse_yaml(text, 1, d);
    REQUIRE(root);
    const YamlNode& mark = root->value_at(2);
    REQUIRE(mark.value == "mark");
    CHECK(text.compare(offset_of(text, mark.line, mark.col), 4, "mark") == 0);
    // The same breaks, as a table of where each line starts.
    const auto starts = line_starts(text);
    REQUIRE(starts.size() == 6);
    CHECK(text.compare(starts[4], 7, "c: mark") == 0);
  }
  // Columns count code points: Hebrew before the value.
  const std::string he = "שם: ערך\n";
  Diagnostics d;
  auto root = parse_yaml(he, 1, d);
  REQUIRE(root);
  CHECK(he.substr(offset_of(he, root->value_at(0).line, root->value_at(0).col)) == "ערך\n");
}

TEST_CASE("locate_offset and offset_of are each other's inverse on LF and CRLF text") {
  for (const std::string& text : {std::string("a: 1\nשם: ערך\n\n  x: [1, 2]\nlast"),
                                  std::string("a: 1\r\nשם: ערך\r\n\r\n  x: [1, 2]\r\nlast")}) {
    for (std::size_t at = 0; at <= text.size(); ++at) {
      const auto c = static_cast<unsigned char>(at < text.size() ? text[at] : 0);
      if ((c & 0xC0) == 0x80) continue;  // inside a character: no place of its own
      if (c == '\n' && at > 0 && text[at - 1] == '\r') continue;  // inside a CRLF
      const Loc loc = locate_offset(text, at, 7);
      CAPTURE(at);
      CHECK(loc.file == 7);
      CHECK(offset_of(text, loc.line, loc.col) == at);
    }
  }
  // Line 2, column 5 is the first letter of the value: 'ש', 'ם', ':', ' ' come before it.
  const std::string he = "a: 1\nשם: ערך\n";
  CHECK(locate_offset(he, he.find("ערך"), 1).line == 2);
  CHECK(locate_offset(he, he.find("ערך"), 1).col == 5);
}

TEST_CASE("locate_offset counts lines at LF only, offset_of stops at the end") {
  // A CR alone (refused by the loader, which reports it here) does not start a line.
  CHECK(locate_offset("a\rb\nc", 4, 1).line == 2);
  CHECK(locate_offset("a\rb\nc", 4, 1).col == 1);
  CHECK(locate_offset("ab", 99, 1).col == 3);  // past the end: at the end
  CHECK(offset_of("a\nb", 9, 1) == 3);
  CHECK(offset_of("a\nb", 2, 9) == 3);
}

TEST_CASE("line_break_at knows libyaml's six line breaks and nothing else") {
  CHECK(line_break_at("\n", 0) == 1);
  CHECK(line_break_at("\r\n", 0) == 2);
  CHECK(line_break_at("\r", 0) == 1);
  CHECK(line_break_at("\xC2\x85", 0) == 2);
  CHECK(line_break_at("\xE2\x80\xA8", 0) == 3);
  CHECK(line_break_at("\xE2\x80\xA9", 0) == 3);
  CHECK(line_break_at("\xE2\x80\xA7", 0) == 0);  // a hyphenation point
  CHECK(line_break_at("\xC2", 0) == 0);          // cut short at the end
  CHECK(line_break_at("ab", 1) == 0);
  CHECK(line_break_at("ab", 2) == 0);  // the end
}
