// The id plan add gives a new item: its neighbours' pattern continued, unique in the plan.
#include <doctest/doctest.h>

#include <set>

#include "edit/next_id.hpp"
#include "util/text.hpp"

using namespace plan;

namespace {
std::string next(const std::vector<std::string>& siblings, const std::string& parent = "",
                 const std::string& first = "", const std::set<std::string>& taken = {}) {
  return next_id(siblings, parent, first,
                 [&](const std::string& id) { return taken.count(ascii_lower(id)) > 0; });
}
}  // namespace

TEST_CASE("next_id continues the neighbours' numbering") {
  CHECK(next({"general.1", "general.2", "general.7"}, "general") == "general.8");
  CHECK(next({"T1", "T17", "T3"}) == "T18");
  CHECK(next({"accompaniment.3.1", "accompaniment.3.6"}, "accompaniment.3") == "accompaniment.3.7");
  CHECK(next({"a08", "a09"}) == "a10");
  CHECK(next({"G1", "g2"}) == "g3");  // the stem of the last one, numbers of all alike
}

TEST_CASE("next_id starts a list from its parent or its kind's letter") {
  CHECK(next({}, "general") == "general.1");
  CHECK(next({}, "", "G") == "G1");
  CHECK(next({"general", "alliance"}) == "");  // words: no pattern to follow
}

TEST_CASE("next_id skips ids taken anywhere in the plan, ignoring case") {
  CHECK(next({"T1", "T2"}, "", "T", {"t3", "t4"}) == "T5");
  CHECK(next({}, "s", "", {"s.1"}) == "s.2");
}

TEST_CASE("next_id gives nothing rather than an invalid id") {
  CHECK(next({std::string(63, 'a') + "9"}) == "");
}
