// The one reader of numbers in the plan's text (util/number): the loader's values and
// `plan set`'s.
#include <doctest/doctest.h>

#include <string_view>

#include "util/number.hpp"

using namespace plan;

TEST_CASE("parse_number reads decimal numbers as YAML's core schema writes them") {
  CHECK(parse_number("5") == 5.0);
  CHECK(parse_number("-2.5") == -2.5);
  CHECK(parse_number("+3") == 3.0);
  CHECK(parse_number("1e3") == 1000.0);
  CHECK(parse_number("0.25") == 0.25);
  CHECK(parse_number(".5") == 0.5);
}

TEST_CASE("parse_number refuses what is not a finite decimal number") {
  for (const char* s : {"", " 5", "5 ", "5x", "x5", "inf", "-inf", ".inf", "nan", "NaN", "0x10",
                        "1e400", "-1e400", "1,5", "٥", "5-6", "--5", "e"}) {
    CAPTURE(s);
    CHECK_FALSE(parse_number(s));
  }
}

TEST_CASE("parse_number reads only the view it is given") {
  const std::string_view text = "12345";
  CHECK(parse_number(text.substr(0, 2)) == 12.0);
}
