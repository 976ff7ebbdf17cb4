// The scalar text `plan set` writes: yaml-cpp's choice of style, with what yaml-cpp 0.7
// leaves raw escaped, typed-looking text quoted, and `,[]{}` quoted in flow mappings.
#include <doctest/doctest.h>

#include "edit/yaml_scalar.hpp"

using namespace plan;

TEST_CASE("yaml_scalar writes plain text plain and keeps a quoting style it can") {
  CHECK(yaml_scalar("Dana", {}) == "Dana");
  CHECK(yaml_scalar("דנה כהן", {}) == "דנה כהן");
  CHECK(yaml_scalar("Dana", {ScalarStyle::single_quoted, true, false}) == "'Dana'");
  CHECK(yaml_scalar("it's", {ScalarStyle::single_quoted, true, false}) == "'it''s'");
  CHECK(yaml_scalar("Dana", {ScalarStyle::double_quoted, true, false}) == "\"Dana\"");
}

TEST_CASE("yaml_scalar quotes text that would read as something else") {
  for (const char* typed :
       {"yes", "No", "null", "~", "123", "1e5", "-1", ".5", "2009-01-01", "true", "<<", ""})
    CHECK(yaml_scalar(typed, {}).front() == '"');
  // Numbers and dates meant as such stay plain.
  CHECK(yaml_scalar("2009-01-01", {ScalarStyle::any, false, false}) == "2009-01-01");
  CHECK(yaml_scalar("3", {ScalarStyle::any, false, false}) == "3");
  CHECK(yaml_scalar("a: b", {}) == "\"a: b\"");
  CHECK(yaml_scalar("a #b", {}) == "\"a #b\"");
  CHECK(yaml_scalar(" lead", {}) == "\" lead\"");
}

TEST_CASE("yaml_scalar quotes ,[]{} in a flow mapping only") {
  CHECK(yaml_scalar("R&D,notes", {}) == "R&D,notes");
  CHECK(yaml_scalar("R&D,notes", {ScalarStyle::any, true, true}) == "\"R&D,notes\"");
  CHECK(yaml_scalar("x]", {ScalarStyle::any, true, true}) == "\"x]\"");
  CHECK(yaml_scalar("a{b", {ScalarStyle::any, true, true}) == "\"a{b\"");
}

TEST_CASE("yaml_scalar escapes every line break and control character, in any style asked") {
  for (ScalarStyle style :
       {ScalarStyle::any, ScalarStyle::single_quoted, ScalarStyle::double_quoted}) {
    const ScalarRequest r{style, true, false};
    CHECK(yaml_scalar("a\xE2\x80\xA8"
                      "b",
                      r) == "\"a\\Lb\"");
    CHECK(yaml_scalar("a\xE2\x80\xA9"
                      "b",
                      r) == "\"a\\Pb\"");
    CHECK(yaml_scalar("a\xC2\x85"
                      "b",
                      r) == "\"a\\x85b\"");
    CHECK(yaml_scalar("a\rb", r) == "\"a\\rb\"");
    CHECK(yaml_scalar("a\nb", r) == "\"a\\nb\"");
    CHECK(yaml_scalar("a\tb", r) == "\"a\\tb\"");
    CHECK(yaml_scalar("a\x7F"
                      "b",
                      r) == "\"a\\x7Fb\"");
    CHECK(yaml_scalar("a\xC2\x80"
                      "b",
                      r) == "\"a\\x80b\"");
    CHECK(yaml_scalar("a\x01"
                      "b",
                      r) == "\"a\\x01b\"");
    CHECK(yaml_scalar("\xEF\xBB\xBF"
                      "x",
                      r) == "\"\\ufeffx\"");
  }
}

// Found by the property test (yaml_writer_property_test.cpp): libyaml reads a plain '?' or
// ':' at the start of a value in a flow mapping as an indicator, and yaml-cpp writes every
// noncharacter as U+FFFD.
TEST_CASE("yaml_scalar quotes a value that starts with ? or : in a flow mapping") {
  CHECK(yaml_scalar("?a", {ScalarStyle::any, true, true}) == "\"?a\"");
  CHECK(yaml_scalar(":a", {ScalarStyle::any, true, true}) == "\":a\"");
  CHECK(yaml_scalar("?a", {}) == "?a");
}

TEST_CASE("yaml_scalar keeps noncharacters, escaped") {
  CHECK(yaml_scalar("a\xEF\xBF\xBF"
                    "b",
                    {}) == "\"a\\uFFFFb\"");
  CHECK(yaml_scalar("\xEF\xBF\xBE\xEF\xB7\x90", {}) == "\"\\uFFFE\\uFDD0\"");
  CHECK(yaml_scalar("\xF4\x8F\xBF\xBF", {ScalarStyle::single_quoted, true, false}) ==
        "\"\\U0010FFFF\"");
  // The private-use character that stands in for one while yaml-cpp writes is kept too.
  CHECK(yaml_scalar("\xF3\xB0\x80\x80\xEF\xBF\xBF", {}) == "\"\xF3\xB0\x80\x80\\uFFFF\"");
}
