// Every completion rule of docs/format.md, each on a small plan worked out by hand.
#include <doctest/doctest.h>

#include <cfloat>
#include <cmath>
#include <limits>
#include <memory>

#include "helpers.hpp"
#include "stats/stats.hpp"
#include "util/date.hpp"

using namespace plan;

namespace {
// The plan and its index must outlive the stats, which point into them.
struct Fixture {
  LoadResult r;
  std::unique_ptr<PlanIndex> ix;
  Stats s;
  explicit Fixture(const std::string& activities, const std::string& extra = "",
                   const char* as_of = "2009-07-02") {
    r = plan::test::load_one(std::string(plan::test::kHeader) + extra +
                             "sections:\n  - id: s\n    title: S\n    activities:\n" + activities);
    ix = std::make_unique<PlanIndex>(r.plan);
    s = compute_stats(*ix, parse_date(as_of));
  }
  std::optional<double> activity(const std::string& id) const {
    for (std::size_t i = 0; i < ix->activities().size(); ++i)
      if (ix->activities()[i].activity->id.value == id) return s.activities[i];
    FAIL("no activity " << id);
    return std::nullopt;
  }
};
}  // namespace

TEST_CASE("activity: done is 1, planned with nothing measured is 0, dropped is left out") {
  Fixture f(
      "      - {id: a, title: A, targets: [T1], status: done}\n"
      "      - {id: b, title: B, targets: [T1]}\n"
      "      - {id: c, title: C, targets: [T1], status: dropped}\n");
  CHECK(f.activity("a") == 1.0);
  CHECK(f.activity("b") == 0.0);
  CHECK_FALSE(f.activity("c").has_value());
  CHECK(f.s.plan == doctest::Approx(0.5));  // (1 + 0) / 2: the dropped one is not counted
}

TEST_CASE("activity: a measure is actual over the low end of planned, capped at 1") {
  Fixture f(
      "      - {id: a, title: A, targets: [T1], measure: {planned: 5-6, actual: 2}}\n"
      "      - {id: b, title: B, targets: [T1], measure: {planned: 4, actual: 9}}\n"
      "      - {id: c, title: C, targets: [T1], measure: {planned: 3}}\n");
  CHECK(*f.activity("a") == doctest::Approx(0.4));  // 2 / 5
  CHECK(f.activity("b") == 1.0);                    // 9 / 4, capped
  CHECK(f.activity("c") == 0.0);                    // actual defaults to 0
}

TEST_CASE("activity: percent is a manual estimate that a measure wins over it") {
  Fixture f(
      "      - {id: a, title: A, targets: [T1], percent: 30}\n"
      "      - {id: b, title: B, targets: [T1], percent: 30, measure: {planned: 2, actual: 1}}\n");
  CHECK(*f.activity("a") == doctest::Approx(0.3));
  CHECK(*f.activity("b") == doctest::Approx(0.5));
}

TEST_CASE("activity: a parent takes the weighted mean of its live children, but done stands") {
  Fixture f(
      "      - id: p\n        title: P\n        targets: [T1]\n        percent: 90\n"
      "        activities:\n"
      "          - {id: p1, title: P1, status: done, weight: 3}\n"      // 1 × 3
      "          - {id: p2, title: P2, percent: 20}\n"                  // 0.2 × 1
      "          - {id: p3, title: P3, status: dropped, weight: 50}\n"  // left out
      "      - id: q\n        title: Q\n        targets: [T1]\n        status: done\n"
      "        activities:\n          - {id: q1, title: Q1}\n");
  CHECK(*f.activity("p") == doctest::Approx(3.2 / 4));  // its own percent is ignored
  CHECK(f.activity("q") == 1.0);                        // done, whatever its child says
  CHECK(f.activity("q1") == 0.0);
}

TEST_CASE("activity: a parent whose children are all dropped uses its own figures") {
  Fixture f(
      "      - id: p\n        title: P\n        targets: [T1]\n        percent: 40\n"
      "        activities:\n          - {id: p1, title: P1, status: dropped}\n");
  CHECK(*f.activity("p") == doctest::Approx(0.4));
}

TEST_CASE("section and plan: weighted means of top-level live activities") {
  Fixture f(
      "      - {id: a, title: A, targets: [T1], status: done, weight: 2}\n"
      "      - {id: b, title: B, targets: [T1], percent: 50}\n"
      "  - id: s2\n    title: S2\n    activities:\n"
      "      - {id: c, title: C, targets: [T1]}\n"
      "  - id: s3\n    title: S3\n    activities:\n"
      "      - {id: d, title: D, targets: [T1], status: dropped}\n");
  REQUIRE(f.s.sections.size() == 3);
  CHECK(*f.s.sections[0] == doctest::Approx(2.5 / 3));  // (1×2 + 0.5×1) / 3
  CHECK(*f.s.sections[1] == doctest::Approx(0.0));
  CHECK_FALSE(f.s.sections[2].has_value());      // nothing live: null, not 0
  CHECK(*f.s.plan == doctest::Approx(2.5 / 4));  // a, b and c
}

TEST_CASE("target: activities naming it at any depth, and an inherited link does not count again") {
  Fixture f(
      "      - id: p\n        title: P\n        targets: [T1]\n"
      "        activities:\n"
      "          - {id: p1, title: P1, status: done}\n"                // inherits T1
      "          - {id: p2, title: P2, targets: [T2], percent: 50}\n"  // names T2 itself
      "      - {id: b, title: B, targets: [T1, T2], weight: 3}\n",
      "  - {id: T2, title: Second, goals: [G1]}\n"
      "  - {id: T3, title: Third, goals: [G1]}\n");
  // p = mean(p1 = 1, p2 = 0.5) = 0.75
  // T1: p (0.75 × 1) and b (0 × 3) → 0.75 / 4; p1 is not counted again.
  CHECK(*f.s.targets[0] == doctest::Approx(0.75 / 4));
  // T2: p2 (0.5 × 1) and b (0 × 3) → 0.5 / 4: an activity naming two targets counts in each.
  CHECK(*f.s.targets[1] == doctest::Approx(0.5 / 4));
  CHECK_FALSE(f.s.targets[2].has_value());  // no activity: a coverage gap
  CHECK(f.s.gap_targets == std::vector<std::size_t>{2});
}

TEST_CASE("goal: the plain mean of its targets' completions that are not null") {
  Fixture f(
      "      - {id: a, title: A, targets: [T1], status: done}\n"
      "      - {id: b, title: B, targets: [T2], percent: 20, weight: 10}\n",
      "  - {id: T2, title: Second, goals: [G1]}\n"
      "  - {id: T3, title: Third, goals: [G1]}\n");
  // T1 = 1 and T2 = 0.2 (the weight does not carry into the goal); T3 is null: skipped.
  CHECK(*f.s.goals[0] == doctest::Approx((1.0 + 0.2) / 2));
}

TEST_CASE("goal: null where none of its targets can be measured") {
  Fixture f("      - {id: a, title: A, targets: [T1], status: dropped}\n");
  CHECK_FALSE(f.s.goals[0].has_value());
  CHECK(f.s.gap_goals == std::vector<std::size_t>{0});
  CHECK_FALSE(f.s.plan.has_value());
}

TEST_CASE("counts: every status at every depth, and overdue") {
  Fixture f(
      "      - id: p\n        title: P\n        targets: [T1]\n        due: 2009-07-01\n"
      "        activities:\n"
      "          - {id: p1, title: P1, status: done, due: 2009-01-01}\n"     // done: not late
      "          - {id: p2, title: P2, status: blocked, due: 2009-07-01}\n"  // late
      "          - {id: p3, title: P3, status: dropped, due: 2009-01-01}\n"  // dropped: not late
      "      - {id: b, title: B, targets: [T1], status: in-progress, due: 2009-07-02}\n",  // due
                                                                                           // today
      "", "2009-07-02");
  CHECK(f.s.counts.of(Status::planned) == 1);
  CHECK(f.s.counts.of(Status::done) == 1);
  CHECK(f.s.counts.of(Status::blocked) == 1);
  CHECK(f.s.counts.of(Status::dropped) == 1);
  CHECK(f.s.counts.of(Status::in_progress) == 1);
  CHECK(f.s.counts.total() == 5);
  CHECK(f.s.counts.overdue == 2);  // p and p2: due before the as-of date, still open
}

TEST_CASE("pace: the share of the period gone before the as-of day") {
  Fixture start("      - {id: a, title: A, targets: [T1]}\n", "", "2009-01-01");
  CHECK(*start.s.pace == 0.0);
  Fixture mid("      - {id: a, title: A, targets: [T1], percent: 60}\n", "", "2009-07-02");
  CHECK(*mid.s.pace == doctest::Approx(182.0 / 365));
  CHECK(pace_mark(mid.s.plan, mid.s.pace) == PaceMark::ahead);
  CHECK(pace_mark(0.5, mid.s.pace) == PaceMark::on_pace);
  CHECK(pace_mark(0.3, mid.s.pace) == PaceMark::behind);
  CHECK(pace_mark(std::nullopt, mid.s.pace) == PaceMark::none);
  Fixture after("      - {id: a, title: A, targets: [T1]}\n", "", "2011-01-01");
  CHECK(*after.s.pace == 1.0);
}

TEST_CASE("stats on 2,000 targets and activities: link lists and figures") {
  // Every other activity is complete; each serves its own target, all under G1.
  std::string targets, acts;
  for (int i = 0; i < 2000; ++i) {
    targets += "  - {id: X" + std::to_string(i) + ", title: x, goals: [G1]}\n";
    acts += "      - {id: a" + std::to_string(i) + ", title: a, targets: [X" + std::to_string(i) +
            "], percent: " + std::to_string(i % 2 ? 100 : 0) + "}\n";
  }
  Fixture f(acts, targets);
  CHECK(f.s.goal_targets[0].size() == 2001);
  CHECK(*f.s.goals[0] == doctest::Approx(1000.0 / 2000));  // T1 is null (no activity)
  CHECK(f.s.goal_counts[0].total() == 2000);
}

TEST_CASE("figures stay finite with weights near the largest double") {
  // Built in memory, past whatever the loader allows: weights whose sum overflows to
  // infinity once made inf / inf = NaN, which reached the progress bar and the JSON.
  Plan p;
  p.files = {"plan/", "plan/a.yaml"};
  p.metas.push_back({});
  p.goals.push_back({});
  p.goals[0].id.value = "G1";
  p.targets.push_back({});
  p.targets[0].id.value = "T1";
  p.targets[0].goals.value = {Ref{"G1", {}}};
  p.sections.push_back({});
  p.sections[0].id.value = "s";
  auto activity = [](const std::string& id, double weight, double percent) {
    Activity a;
    a.id.value = id;
    a.targets.value = {Ref{"T1", {}}};
    a.targets.loc.line = 1;
    a.weight.value = weight;
    a.percent.value = percent;
    a.percent.loc.line = 1;
    return a;
  };
  for (double w : {1e308, 1e308, DBL_MAX, 1.0, 1e-300})
    p.sections[0].activities.push_back(
        activity("a" + std::to_string(p.sections[0].activities.size()), w, 100));
  p.sections[0].activities.push_back(activity("zero", 1e308, 0));
  Activity parent = activity("parent", 1e308, 0);
  for (double w : {1e308, 1e308, 1e308})
    parent.activities.push_back(activity("c" + std::to_string(parent.activities.size()), w, 50));
  parent.activities.push_back(activity("inf", std::numeric_limits<double>::infinity(), 50));
  parent.activities.push_back(activity("nan", std::nan(""), std::nan("")));
  p.sections[0].activities.push_back(parent);

  PlanIndex ix(p);
  Stats s = compute_stats(ix, parse_date("2009-07-02"));
  auto finite = [](const Completion& c) { return c && std::isfinite(*c) && *c >= 0 && *c <= 1; };
  REQUIRE(finite(s.plan));
  for (const Completion& c : s.activities) CHECK(finite(c));
  CHECK(finite(s.sections[0]));
  CHECK(finite(s.targets[0]));
  CHECK(finite(s.goals[0]));
  // Weighted as written: 1e308, 1e308 and DBL_MAX done, 1e308 at 0, the parent (its
  // children at 50%; NaN counts as nothing done, with a weight of 1 that does not show).
  CHECK(*s.activities[6] == doctest::Approx(0.5));
  const double top = 2 + DBL_MAX / 1e308;
  CHECK(*s.plan == doctest::Approx((top + 0.5) / (top + 2)));
}

TEST_CASE("an unread file leaves the whole plan's figures and the gaps unknown") {
  // b.yaml does not parse: it could hold any activity, of any target, so nothing summed
  // over the plan is known; the section of a.yaml, which was read whole, keeps its figure.
  LoadResult r = plan::test::load(
      {{"plan/a.yaml", std::string(plan::test::kHeader) +
                           "  - {id: T2, title: Other, goals: [G1]}\n"
                           "sections:\n  - id: s\n    title: S\n    activities:\n"
                           "      - {id: a, title: A, targets: [T1], percent: 40}\n"},
       {"plan/b.yaml", "sections:\n  - id: t\n\ttitle: broken\n"}});
  REQUIRE(r.plan.unread_files.size() == 1);
  PlanIndex ix(r.plan);
  Stats s = compute_stats(ix, parse_date("2009-07-02"));
  CHECK_FALSE(s.complete);
  CHECK_FALSE(s.plan.has_value());
  for (const Completion& c : s.goals) CHECK_FALSE(c.has_value());
  for (const Completion& c : s.targets) CHECK_FALSE(c.has_value());
  CHECK(s.gap_goals.empty());
  CHECK(s.gap_targets.empty());  // T2 has no activity in what was read, but b.yaml may have one
  REQUIRE(s.sections.size() == 1);
  CHECK(*s.sections[0] == doctest::Approx(0.4));
  CHECK(*s.activities[0] == doctest::Approx(0.4));
  CHECK(pace_mark(s.plan, s.pace) == PaceMark::none);
}

TEST_CASE("a plan whose files were all read is complete, with its gaps") {
  Fixture f("      - {id: a, title: A, targets: [T1], percent: 40}\n",
            "  - {id: T2, title: Other, goals: [G1]}\n");
  CHECK(f.s.complete);
  CHECK(*f.s.plan == doctest::Approx(0.4));
  CHECK(f.s.gap_targets.size() == 1);
}
