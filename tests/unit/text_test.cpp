#include <doctest/doctest.h>

#include "util/date.hpp"
#include "util/text.hpp"

using namespace plan;

TEST_CASE("find_invalid_utf8 accepts Hebrew and rejects broken sequences") {
  CHECK(find_invalid_utf8("שָׁלוֹם plain ascii") == std::string_view::npos);
  CHECK(find_invalid_utf8("ab\xff") == 2);
  CHECK(find_invalid_utf8("\xC0\xAF") == 0);          // overlong '/'
  CHECK(find_invalid_utf8("x\xED\xA0\x80") == 1);     // UTF-16 surrogate
  CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);  // past U+10FFFF
  CHECK(find_invalid_utf8("\xD7") == 0);              // truncated Hebrew letter
}

TEST_CASE("count_code_points counts letters, not bytes") {
  CHECK(count_code_points("abc") == 3);
  CHECK(count_code_points("שלום") == 4);
}

TEST_CASE("edit_distance counts a swap of neighbours as one edit") {
  CHECK(edit_distance("title", "title") == 0);
  CHECK(edit_distance("titel", "title") == 1);
  CHECK(edit_distance("Goals", "goals") == 0);
  CHECK(edit_distance("statsu", "status") == 1);
  CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("did_you_mean suggests only close words") {
  const std::vector<std::string> keys{"id", "title", "targets", "status"};
  CHECK(render_message(did_you_mean_message("titel", keys)) == "; did you mean 'title'?");
  CHECK(did_you_mean_message("zzzzzz", keys).empty());
  CHECK(closest_match("G9", {"G1", "T1"}) == "G1");
}

TEST_CASE("quoted_list joins with commas and a last separator") {
  CHECK(quoted_list({"a"}) == "'a'");
  CHECK(quoted_list({"a", "b", "c"}) == "'a', 'b' or 'c'");
}

TEST_CASE("parse_date is strict about shape and the calendar") {
  CHECK(parse_date("2009-02-28").valid);
  CHECK(parse_date("2008-02-29").valid);
  CHECK_FALSE(parse_date("2009-02-29").valid);
  CHECK_FALSE(parse_date("2009-02-30").valid);
  CHECK_FALSE(parse_date("2009-13-01").valid);
  CHECK_FALSE(parse_date("15.3.2009").valid);
  CHECK_FALSE(parse_date("2009-3-15").valid);
  CHECK(parse_date("2009-02-30").year == 2009);  // shaped like a date, not a real one
}

TEST_CASE("day numbers round-trip and order dates") {
  CHECK(days_from_civil(1970, 1, 1) == 0);
  CHECK(date_from_days(days_from_civil(2009, 12, 31)).text() == "2009-12-31");
  CHECK(day_number(parse_date("2010-01-01")) - day_number(parse_date("2009-01-01")) == 365);
  CHECK(parse_date("2009-01-01") < parse_date("2009-01-02"));
}
