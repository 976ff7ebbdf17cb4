// The roll-up of a workspace (stats/rollup.*), on plans held in memory, against figures
// worked out by hand.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "stats/rollup.hpp"

using namespace plan;
using namespace plan::test;

namespace {

// A plan's text: `targets` are "id: goal, goal" lines, `acts` "id target percent|done".
std::string plan_text(const std::string& id, const std::vector<std::string>& goals,
                      const std::vector<std::pair<std::string, std::string>>& targets,
                      const std::vector<std::pair<std::string, std::string>>& acts) {
  std::string s = "plan:\n  id: " + id + "\n  title: " + id +
                  "\n  period: {start: 2009-01-01, end: 2009-12-31}\n";
  if (!goals.empty()) {
    s += "goals:\n";
    for (const std::string& g : goals) s += "  - {id: " + g + ", title: " + g + "}\n";
  }
  s += "targets:\n";
  for (const auto& [t, gs] : targets)
    s += "  - {id: " + t + ", title: " + t + ", goals: [" + gs + "]}\n";
  s += "sections:\n  - id: s\n    title: S\n    activities:\n";
  for (const auto& [a, rest] : acts)
    s += "      - {id: " + a + ", title: " + a + ", " + rest + "}\n";
  return s;
}

struct Fixture {
  std::vector<std::unique_ptr<MeasuredPlan>> plans;
  std::vector<RollupUnit> units;
  void add(const std::string& id, double weight, const std::string& text, bool broken = false) {
    std::vector<SourceText> files{{"u/" + id + "/a.yaml", text, "", false}};
    if (broken) files.push_back({"u/" + id + "/b.yaml", "goals: [unclosed\n", "", false});
    plans.push_back(
        measure(check_sources("u/" + id + "/", std::move(files)), parse_date("2009-07-01")));
    RollupUnit u;
    u.id = id;
    u.weight = weight;
    u.index = plans.back()->checked->index.get();
    u.stats = &plans.back()->stats;
    u.counted = plans.back()->checked->load.plan.unread_files.empty();
    units.push_back(u);
  }
};

// hq (weight 2): goals G1, G2; its own target T1 serves G1 through h1 at 40%.
// east (weight 1): T1 → hq:G1 (e1 done, e2 at 50%: 0.75), T2 → HQ:g1 (e3 at 0%: 0).
// west (weight 3): T1 → hq:G2 (w1 at 80%).
// north (weight 1): serves only its own goal N1 (n1 done).
Fixture movement() {
  Fixture f;
  f.add("hq", 2,
        plan_text("hq", {"G1", "G2"}, {{"T1", "G1"}},
                  {{"h1", "targets: [T1], status: in-progress, percent: 40"}}));
  f.add("east", 1,
        plan_text("east", {}, {{"T1", "hq:G1"}, {"T2", "HQ:g1"}},
                  {{"e1", "targets: [T1], status: done"},
                   {"e2", "targets: [T1], status: in-progress, percent: 50"},
                   {"e3", "targets: [T2], status: planned, percent: 0"}}));
  f.add("west", 3,
        plan_text("west", {}, {{"T1", "hq:G2"}},
                  {{"w1", "targets: [T1], status: in-progress, percent: 80"}}));
  f.add("north", 1,
        plan_text("north", {"N1"}, {{"T1", "N1"}}, {{"n1", "targets: [T1], status: done"}}));
  return f;
}

}  // namespace

TEST_CASE("rollup: a shared goal's completion is the units' completions weighted by unit weight") {
  Fixture f = movement();
  const Rollup r = compute_rollup(f.units, parse_date("2009-07-01"));
  // Shared goals: every goal of hq (the only unit another unit names), in its order.
  REQUIRE(r.goals.size() == 2);
  CHECK(r.goals[0].unit == 0);
  CHECK(r.goals[0].goal == 0);
  CHECK(r.goals[1].goal == 1);
  // G1: hq's own T1 (0.4, weight 2) and east's T1 and T2 (mean of 0.75 and 0 = 0.375,
  // weight 1): (0.4 * 2 + 0.375 * 1) / 3 = 1.175 / 3.
  const SharedGoal& g1 = r.goals[0];
  REQUIRE(g1.contributions.size() == 2);
  CHECK(g1.contributions[0].unit == 0);
  CHECK(g1.contributions[0].targets == std::vector<std::size_t>{0});
  CHECK(*g1.contributions[0].completion == doctest::Approx(0.4));
  CHECK(g1.contributions[1].unit == 1);
  CHECK(g1.contributions[1].targets == std::vector<std::size_t>{0, 1});
  CHECK(*g1.contributions[1].completion == doctest::Approx(0.375));
  CHECK(*g1.completion == doctest::Approx(1.175 / 3));
  // G2: west alone, 0.8; hq serves it with none of its own targets.
  REQUIRE(r.goals[1].contributions.size() == 1);
  CHECK(r.goals[1].contributions[0].unit == 2);
  CHECK(*r.goals[1].completion == doctest::Approx(0.8));
  // The movement: hq 0.4 (×2), east (1 + 0.5 + 0) / 3 = 0.5 (×1), west 0.8 (×3), north 1
  // (×1): (0.8 + 0.5 + 2.4 + 1) / 7 = 4.7 / 7.
  CHECK(*r.units[1].completion == doctest::Approx(0.5));
  CHECK(*r.movement == doctest::Approx(4.7 / 7));
  // north serves no shared goal.
  CHECK(r.serving_none == std::vector<std::size_t>{3});
  CHECK(r.units[0].counts.total() == 1);
  CHECK(r.units[1].counts.total() == 3);
  CHECK(r.units[0].counted);
}

TEST_CASE("rollup: a unit not counted is left out of every figure, never counted as 0") {
  Fixture f = movement();
  // south (weight 10) serves hq:G2 at 0%, but one of its files could not be read.
  f.add("south", 10,
        plan_text("south", {}, {{"T1", "hq:G2"}},
                  {{"s1", "targets: [T1], status: in-progress, percent: 0"}}),
        /*broken=*/true);
  const Rollup r = compute_rollup(f.units, parse_date("2009-07-01"));
  CHECK_FALSE(r.units[4].counted);
  CHECK_FALSE(r.units[4].completion.has_value());
  // G2 stays west's 0.8, and the movement 4.7 / 7: south's 0 (weight 10) would have
  // pulled both down.
  REQUIRE(r.goals[1].contributions.size() == 2);
  CHECK(r.goals[1].contributions[1].unit == 4);
  CHECK_FALSE(r.goals[1].contributions[1].completion.has_value());
  CHECK(*r.goals[1].completion == doctest::Approx(0.8));
  CHECK(*r.movement == doctest::Approx(4.7 / 7));
  // Not counted: not in serving_none either.
  CHECK(r.serving_none == std::vector<std::size_t>{3});
}

TEST_CASE("rollup: a unit whose folder was not read at all has no figures") {
  Fixture f = movement();
  RollupUnit gone;
  gone.id = "gone";
  gone.weight = 5;
  f.units.push_back(gone);
  const Rollup r = compute_rollup(f.units, parse_date("2009-07-01"));
  REQUIRE(r.units.size() == 5);
  CHECK_FALSE(r.units[4].counted);
  CHECK(r.units[4].counts.total() == 0);
  CHECK(*r.movement == doctest::Approx(4.7 / 7));
}

TEST_CASE("rollup: no unit names another's goal, so there are no shared goals") {
  Fixture f;
  f.add("north", 1,
        plan_text("north", {"N1"}, {{"T1", "N1"}}, {{"n1", "targets: [T1], status: done"}}));
  f.add("south", 1,
        plan_text("south", {"S1"}, {{"T1", "S1"}},
                  {{"s1", "targets: [T1], status: in-progress, percent: 50"}}));
  const Rollup r = compute_rollup(f.units, parse_date("2009-07-01"));
  CHECK(r.goals.empty());
  CHECK(r.serving_none == std::vector<std::size_t>{0, 1});
  CHECK(*r.movement == doctest::Approx(0.75));
}
