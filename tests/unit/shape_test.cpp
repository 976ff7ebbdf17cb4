// The algorithmic shape of the pipeline, not its speed: loading, linking, checking and
// measuring a plan ten times larger makes at most about ten times as many id lookups.
// A quadratic lookup (a search of every item for every link) would make a hundred times.
#include <doctest/doctest.h>

#include <string>

#include "helpers.hpp"
#include "util/text.hpp"

using namespace plan;

namespace {
std::string synthetic(int activities) {
  std::string s = "plan: {title: P, period: {start: 2009-01-01, end: 2009-12-31}}\ngoals:\n";
  const int targets = activities / 10;
  for (int g = 0; g < 10; ++g) s += "  - {id: G" + std::to_string(g) + ", title: g}\n";
  s += "targets:\n";
  for (int t = 0; t < targets; ++t)
    s += "  - {id: T" + std::to_string(t) + ", title: t, goals: [G" + std::to_string(t % 10) +
         "]}\n";
  s += "sections:\n  - id: S\n    title: s\n    activities:\n";
  for (int a = 0; a < activities; ++a)
    s += "      - {id: A" + std::to_string(a) + ", title: a, targets: [T" +
         std::to_string(a % targets) + ", T" + std::to_string((a * 7) % targets) +
         "], status: " + (a % 3 ? "done" : "in-progress") + "}\n";
  return s;
}

std::size_t lookups(int activities) {
  const std::string text = synthetic(activities);
  const std::size_t before = ascii_lower_calls();
  auto m = plan::test::measure_text(text);
  REQUIRE(m->stats.activities.size() == static_cast<std::size_t>(activities));
  return ascii_lower_calls() - before;
}
}  // namespace

TEST_CASE("linking, checks and stats make a bounded number of id lookups per item") {
  const std::size_t small = lookups(1000), large = lookups(10000);
  CAPTURE(small);
  CAPTURE(large);
  CHECK(small > 0);
  CHECK(large <= small * 11);  // linear: ten times the items, about ten times the lookups
  CHECK(large / 10000 <= 20);  // and a handful per activity
}
