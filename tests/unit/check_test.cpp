// One test per rule of the check stage, on small plans written out here.
#include <doctest/doctest.h>

#include "helpers.hpp"

using namespace plan;
using plan::test::check_text;
using plan::test::codes;
using plan::test::kHeader;

namespace {
// The header plus one section holding `activities` (already indented as list items).
std::string with_activities(const std::string& activities) {
  return std::string(kHeader) + "sections:\n  - id: s\n    title: S\n    activities:\n" +
         activities;
}
const char* kOk = "      - {id: a, title: A, targets: [T1]}\n";
}  // namespace

TEST_CASE("a small complete plan is clean") {
  CHECK(codes(check_text(with_activities(kOk))) == "");
}

TEST_CASE("plan-block: none, or more than one") {
  CHECK(codes(check_text("goals: []\n")) == "missing-plan@0:0");
  LoadResult r = plan::test::load(
      {{"plan/a.yaml", with_activities(kOk)}, {"plan/b.yaml", "plan: {title: again}\n"}});
  PlanIndex ix(r.plan);
  Diagnostics d = run_checks(ix);
  CHECK(codes(d) == "duplicate-plan@1:1");
  CHECK(d[0].loc.file == 2);
  REQUIRE(d[0].notes.size() == 1);
  CHECK(d[0].notes[0].loc.file == 1);
}

TEST_CASE("ids: the pattern, and duplicates compared ignoring case") {
  Diagnostics d =
      check_text(with_activities("      - {id: my act, title: A, targets: [T1]}\n"
                                 "      - {id: g1, title: B, targets: [T1]}\n"));
  CHECK(codes(d) == "bad-id@12:14 duplicate-id@13:14");
  CHECK(d[0].message.find("(e.g. 'my-act')") != std::string::npos);
  CHECK(d[1].message ==
        "duplicate id 'g1': a goal already has it (as 'G1'; ids are compared ignoring case); "
        "rename one of them");
  REQUIRE(d[1].notes.size() == 1);
  CHECK(d[1].notes[0].loc.line == 5);
}

TEST_CASE("links: unknown goals and targets, with suggestions, and a link to the wrong kind") {
  Diagnostics d = check_text(std::string(kHeader) +
                             "  - {id: T2, title: Second, goals: [G2, T1]}\n"
                             "sections:\n  - id: s\n    title: S\n    activities:\n"
                             "      - {id: a, title: A, targets: [T1, T3]}\n");
  CHECK(codes(d) == "unserved-target@8:5 unknown-goal@8:37 unknown-goal@8:41 unknown-target@13:41");
  CHECK(d[1].message == "target 'T2' names goal 'G2', which does not exist; did you mean 'G1'?");
  CHECK(d[2].message ==
        "target 'T2' names 'T1' as a goal, but 'T1' is a target; did you mean 'G1'?");
}

TEST_CASE("links: the suggestion is kept as data for quick fixes") {
  Diagnostics d = check_text(std::string(kHeader) +
                             "  - {id: T2, title: Second, goals: [G2, T1, Zebra]}\n"
                             "sections:\n  - id: s\n    title: S\n    activities:\n"
                             "      - {id: a, title: A, targets: [T3, T1]}\n");
  REQUIRE(codes(d) ==
          "unserved-target@8:5 unknown-goal@8:37 unknown-goal@8:41 unknown-goal@8:45 "
          "unknown-target@13:37");
  CHECK(d[1].suggestion == "G1");
  CHECK(d[2].suggestion == "G1");
  CHECK(d[3].suggestion.empty());  // nothing close to 'Zebra'
  CHECK(d[4].suggestion == "T1");
  CHECK(d[0].suggestion.empty());
}

TEST_CASE("target-goals: a target must serve a goal") {
  Diagnostics d = check_text(std::string(kHeader) +
                             "  - {id: T2, title: B, goals: []}\n  - {id: T3, title: C}\n" +
                             "sections:\n  - id: s\n    title: S\n    activities:\n" +
                             "      - {id: a, title: A, targets: [T1, T2, T3]}\n");
  CHECK(codes(d) == "target-without-goals@8:31 target-without-goals@9:5");
}

TEST_CASE("statuses: unknown words are listed with a suggestion") {
  Diagnostics d = check_text(
      with_activities("      - {id: a, title: A, targets: [T1], status: in progress}\n"));
  CHECK(codes(d) == "unknown-status@12:50");
  CHECK(d[0].message ==
        "activity 'a' has status 'in progress', which is not one of 'planned', 'in-progress', "
        "'done', 'blocked' or 'dropped'; did you mean 'in-progress'?");
  CHECK(d[0].suggestion == "in-progress");
}

TEST_CASE("statuses: the plan's status gets a suggestion too") {
  std::string text = with_activities(kOk);
  text.replace(text.find("  title: Test\n"), 0, "  status: finel\n");
  Diagnostics d = check_text(text);
  REQUIRE(codes(d) == "unknown-status@2:11");
  CHECK(d[0].message ==
        "the plan's status 'finel' is not 'draft' or 'final'; did you mean 'final'?");
  CHECK(d[0].suggestion == "final");
}

TEST_CASE("dates: calendar days, shapes, periods") {
  Diagnostics d = check_text(with_activities(
      "      - {id: a, title: A, targets: [T1], due: 2009-02-30}\n"
      "      - {id: b, title: B, targets: [T1], due: 15.3.2009}\n"
      "      - {id: c, title: C, targets: [T1], start: 2009-05-01, due: 2009-04-01}\n"));
  CHECK(codes(d) == "bad-date@12:47 bad-date@13:47 bad-period@14:66");
}

TEST_CASE("measures: ordered ranges above zero, actual not negative") {
  Diagnostics d = check_text(with_activities(
      "      - {id: a, title: A, targets: [T1], measure: {planned: 6-5}}\n"
      "      - {id: b, title: B, targets: [T1], measure: {planned: 0}}\n"
      "      - {id: c, title: C, targets: [T1], measure: {planned: 3, actual: -1}}\n"));
  CHECK(codes(d) == "bad-range@12:61 bad-range@13:61 negative-actual@14:72");
}

TEST_CASE("percent from 0 to 100, weight above 0") {
  Diagnostics d = check_text(
      with_activities("      - {id: a, title: A, targets: [T1], percent: 120, weight: 0}\n"
                      "      - {id: b, title: B, targets: [T1], percent: 100, weight: 0.5}\n"));
  CHECK(codes(d) == "bad-percent@12:51 bad-weight@12:64");
}

TEST_CASE("coverage: unserved goals and targets, activities with no targets") {
  Diagnostics d = check_text(
      "plan: {title: P}\n"
      "goals:\n  - {id: G1, title: Goal}\n  - {id: G2, title: Lonely}\n"
      "targets:\n  - {id: T1, title: A, goals: [G1]}\n"
      "  - {id: T2, title: B, goals: [G1]}\n"
      "sections:\n  - id: s\n    title: S\n    activities:\n"
      "      - {id: a, title: A, targets: [T1]}\n"
      "      - id: b\n        title: B\n"
      "        activities:\n          - {id: b.1, title: Child}\n");
  CHECK(codes(d) == "unserved-goal@4:5 unserved-target@7:5 no-targets@13:9 no-targets@16:13");
}

TEST_CASE("coverage: a dropped activity serves nothing, and inherited targets count as targets") {
  Diagnostics d = check_text(with_activities(
      "      - id: a\n        title: A\n        targets: [T1]\n        status: dropped\n"
      "      - id: b\n        title: B\n        targets: [T1]\n"
      "        activities:\n          - {id: b.1, title: Child}\n"));
  CHECK(codes(d) == "");
  d = check_text(with_activities("      - {id: a, title: A, targets: [T1], status: dropped}\n"));
  CHECK(codes(d) == "unserved-target@7:5");
  CHECK(d[0].message.find("no live (not dropped) activity") != std::string::npos);
}

TEST_CASE("due-in-period warns about dates outside the plan's period") {
  Diagnostics d =
      check_text(with_activities("      - {id: a, title: A, targets: [T1], due: 2010-03-01}\n"));
  CHECK(codes(d) == "due-outside-period@12:47");
}

TEST_CASE("done: warns when the measure, percent or children disagree") {
  Diagnostics d = check_text(with_activities(
      "      - {id: a, title: A, targets: [T1], status: done, measure: {planned: 5-6, actual: 2}}\n"
      "      - {id: b, title: B, targets: [T1], status: done, percent: 40}\n"
      "      - id: c\n        title: C\n        targets: [T1]\n        status: done\n"
      "        activities:\n"
      "          - {id: c.1, title: C1, status: done}\n"
      "          - {id: c.2, title: C2, measure: {planned: 2, actual: 2}}\n"
      "          - {id: c.3, title: C3}\n"
      "          - {id: c.4, title: C4, status: dropped}\n"
      "      - {id: d, title: D, targets: [T1], status: done, measure: {planned: 5-6, actual: "
      "5}}\n"));
  CHECK(codes(d) == "done-mismatch@12:50 done-mismatch@13:50 done-mismatch@17:17");
  CHECK(d[0].message.find("its measure counts 2 of 5-6") != std::string::npos);
  CHECK(d[2].message.find("1 of its 3 sub-activities is not complete") != std::string::npos);
}

TEST_CASE("a file that cannot be read skips the whole-plan rules instead of cascading") {
  LoadResult r =
      plan::test::load({{"plan/a.yaml", "goals: [\n"},
                        {"plan/b.yaml", "targets:\n  - {id: T1, title: T, goals: [G1]}\n"}});
  PlanIndex ix(r.plan);
  CHECK(codes(r.diags) == "yaml-syntax@1:8");  // at the unclosed '['
  CHECK(codes(run_checks(ix)) == "");          // no "missing plan", no "unknown goal G1"
}

TEST_CASE("an id longer than 64 characters is a bad-id, and a long reference costs little") {
  const std::string long_id(20000, 'a');
  Diagnostics d =
      check_text(std::string(kHeader) + "  - {id: T" + long_id + ", title: Long, goals: [G1]}\n" +
                 "sections:\n  - id: s\n    title: S\n    activities:\n" +
                 "      - {id: a, title: A, targets: [U" + long_id + "]}\n");
  CHECK(codes(d) == "unserved-target@7:5 unserved-target@8:5 bad-id@8:10 unknown-target@13:37");
  REQUIRE(d.size() == 4);
  CHECK(d[2].message.find("at most 64 characters") != std::string::npos);
  CHECK(d[2].message.size() < 200);  // the id is shown in part
  // No suggestion is looked for: one would cost 20,000² steps (it was 3 GB of memory).
  CHECK(d[3].message.find("did you mean") == std::string::npos);

  const std::string id64(64, 'b'), id65(65, 'b');
  CHECK(codes(check_text(
            with_activities("      - {id: " + id64 + ", title: A, targets: [T1]}\n"))) == "");
  CHECK(codes(check_text(with_activities("      - {id: " + id65 +
                                         ", title: A, targets: [T1]}\n"))) == "bad-id@12:14");
}

TEST_CASE("percent-ignored: a percent beside a measure or live sub-activities is not counted") {
  Diagnostics d = check_text(with_activities(
      "      - {id: a, title: A, targets: [T1], percent: 40, measure: {planned: 5, actual: 1}}\n"
      "      - id: b\n        title: B\n        targets: [T1]\n        percent: 50\n"
      "        activities:\n"
      "          - {id: b.1, title: B1}\n"
      "          - {id: b.2, title: B2, status: dropped}\n"
      "      - id: c\n        title: C\n        targets: [T1]\n        percent: 50\n"
      "        activities:\n"
      "          - {id: c.1, title: C1, status: dropped}\n"
      "      - {id: e, title: E, targets: [T1], percent: 40}\n"
      "      - {id: f, title: F, targets: [T1], status: dropped, percent: 40, measure: {planned: "
      "5}}\n"));
  CHECK(codes(d) == "percent-ignored@12:51 percent-ignored@16:18");
  CHECK(d[0].message.find("comes from its measure") != std::string::npos);
  CHECK(d[1].message.find("comes from its 1 sub-activity;") != std::string::npos);
}
