// Staleness: the rule (stats/staleness) on logs written by hand, the plan's `stale_after`,
// and the history walk (git/change_walk, pipeline/staleness) on small repositories built
// here with fixed commit dates.
#include <doctest/doctest.h>

#include <string>

#include "git/change_walk.hpp"
#include "helpers.hpp"
#include "pipeline/staleness.hpp"
#include "stats/staleness.hpp"
#include "temp_dir.hpp"
#include "util/date.hpp"

using namespace plan;
using namespace plan::test;

namespace {

const char* kActivities =
    "sections:\n"
    "  - id: S1\n"
    "    title: Section\n"
    "    activities:\n"
    "      - {id: A1, title: Going, targets: [T1], status: in-progress}\n"
    "      - {id: A2, title: Started, targets: [T1], status: planned, start: 2009-05-01}\n"
    "      - {id: A3, title: Later, targets: [T1], status: planned, start: 2009-09-01}\n"
    "      - {id: A4, title: Finished, targets: [T1], status: done}\n"
    "      - {id: A5, title: Stuck, targets: [T1], status: blocked}\n"
    "      - {id: a6, title: Unknown history, targets: [T1], status: in-progress}\n";

ChangeLog log_of(std::initializer_list<std::pair<const std::string, std::string>> dates) {
  ChangeLog log;
  log.known = true;
  log.activity_dates = dates;
  return log;
}

std::string ids(const PlanIndex& ix, const std::vector<StaleActivity>& stale) {
  std::string out;
  for (const StaleActivity& s : stale)
    out += (out.empty() ? "" : " ") + ix.activities()[s.activity].activity->id.value + "@" +
           s.last_change + "/" + std::to_string(s.days);
  return out;
}

}  // namespace

TEST_CASE("stale: in progress and started planned activities older than the limit") {
  auto m = measure_text(std::string(kHeader) + kActivities);
  const ChangeLog log = log_of({{"a1", "2009-04-01"},
                                {"a2", "2009-04-01"},
                                {"a3", "2009-01-01"},
                                {"a4", "2009-01-01"},
                                {"a5", "2009-01-01"}});
  // 2009-06-01 is 61 days after 2009-04-01; a6 has no date: its history is not known.
  CHECK(ids(*m->checked->index, stale_activities(*m->checked->index, log, parse_date("2009-06-01"),
                                                 30)) == "A1@2009-04-01/61 A2@2009-04-01/61");
  // Exactly the limit is not over it.
  CHECK(stale_activities(*m->checked->index, log, parse_date("2009-06-01"), 61).empty());
  CHECK(stale_activities(*m->checked->index, log, parse_date("2009-06-01"), 60).size() == 2);
}

TEST_CASE("stale: a planned activity is stale only once its start has passed") {
  auto m = measure_text(std::string(kHeader) + kActivities);
  const ChangeLog log = log_of({{"a2", "2009-01-01"}, {"a3", "2009-01-01"}});
  // As of 2009-04-30 A2 has not started; on 2009-05-01 it has (on the day counts).
  CHECK(stale_activities(*m->checked->index, log, parse_date("2009-04-30"), 30).empty());
  CHECK(ids(*m->checked->index, stale_activities(*m->checked->index, log, parse_date("2009-05-01"),
                                                 30)) == "A2@2009-01-01/120");
}

TEST_CASE("stale: a parent is as fresh as its latest sub-activity") {
  auto m = measure_text(std::string(kHeader) +
                        "sections:\n"
                        "  - id: S1\n"
                        "    title: Section\n"
                        "    activities:\n"
                        "      - id: P1\n"
                        "        title: Course\n"
                        "        targets: [T1]\n"
                        "        status: in-progress\n"
                        "        activities:\n"
                        "          - {id: C1, title: First cycle, status: done}\n"
                        "          - {id: C2, title: Second cycle, status: in-progress}\n"
                        "      - id: P2\n"
                        "        title: Quiet course\n"
                        "        targets: [T1]\n"
                        "        status: in-progress\n"
                        "        activities:\n"
                        "          - {id: C3, title: Its cycle, status: planned}\n");
  // P1's own status last changed in February, but its cycle C2 was reported in May: P1 is
  // not stale. P2 and its cycle are both quiet since February: P2 is.
  const ChangeLog log = log_of({{"p1", "2009-02-01"},
                                {"c1", "2009-03-01"},
                                {"c2", "2009-05-20"},
                                {"p2", "2009-02-01"},
                                {"c3", "2009-02-01"}});
  CHECK(ids(*m->checked->index, stale_activities(*m->checked->index, log, parse_date("2009-06-01"),
                                                 30)) == "P2@2009-02-01/120");
}

TEST_CASE("stale: ids are matched ignoring case") {
  auto m = measure_text(std::string(kHeader) + kActivities);
  const ChangeLog log = log_of({{"a6", "2009-01-01"}});
  CHECK(ids(*m->checked->index, stale_activities(*m->checked->index, log, parse_date("2009-06-01"),
                                                 30)) == "a6@2009-01-01/151");
}

TEST_CASE("stale: nothing is stale when the log is not known, and the note is said") {
  auto m = measure_text(std::string(kHeader) + kActivities);
  ChangeLog log = log_of({{"a1", "2009-01-01"}});
  log.known = false;
  log.why_unknown = "not in a git repository";
  const Staleness s = staleness_of(*m->checked->index, log, parse_date("2009-06-01"), 30);
  CHECK(s.stale.empty());
  CHECK(s.note == "staleness not known: not in a git repository");
  log.why_unknown.clear();
  CHECK(staleness_of(*m->checked->index, log, parse_date("2009-06-01"), 30).note.empty());
}

TEST_CASE("stale_after in the plan block: read, checked, and the default otherwise") {
  auto with = [](const std::string& value) {
    return std::string("plan:\n  title: Test\n  stale_after: ") + value + "\n";
  };
  auto m = measure_text(with("14") + "goals: []\n");
  CHECK(m->checked->load.plan.meta()->stale_after.value == 14);
  CHECK(stale_after_of(m->checked->load.plan, 30) == 14);
  CHECK(stale_after_of(measure_text(kHeader)->checked->load.plan, 45) == 45);
  for (const char* bad : {"0", "3651", "2.5", "-3"}) {
    CAPTURE(bad);
    const Diagnostics d = check_text(with(bad));
    CHECK(codes(d).find("bad-stale-after@3:16") != std::string::npos);
    CHECK(stale_after_of(measure_text(with(bad))->checked->load.plan, 30) == 30);
  }
  CHECK(codes(check_text(with("soon"))).find("wrong-type@3:16") != std::string::npos);
  CHECK(codes(check_text(with("3650"))).find("bad-stale-after") == std::string::npos);
}

namespace {

// A repository in a temporary folder whose commits carry the dates given.
struct History {
  TempDir dir;
  History() {
    dir.sh(
        "git init -q -b main . && git config user.name Tester && git config user.email "
        "t@example.org && git config commit.gpgsign false");
  }
  void commit(const std::string& day) {
    const std::string when = day + "T12:00:00+02:00";
    dir.sh("git add -A && GIT_AUTHOR_DATE=" + when + " GIT_COMMITTER_DATE=" + when +
           " git commit -q --allow-empty -m c");
  }
  std::string plan_dir(const std::string& rel = "plan") const { return (dir.path / rel).string(); }
};

std::string section(const std::string& a1, const std::string& a2) {
  return "sections:\n"
         "  - id: S1\n"
         "    title: Section\n"
         "    activities:\n"
         "      - {id: A1, title: One, targets: [T1], " +
         a1 +
         "}\n"
         "      - {id: A2, title: Two, targets: [T1], " +
         a2 + "}\n";
}

}  // namespace

TEST_CASE("walk: the last change of each activity, commits after the as-of date ignored") {
  History h;
  h.dir.write("plan/plan.yaml", kHeader);
  h.dir.write("plan/s.yaml", section("status: in-progress", "status: planned"));
  h.commit("2009-01-10");
  h.dir.write("plan/s.yaml", section("status: in-progress, percent: 20", "status: planned"));
  h.commit("2009-02-15");
  h.dir.write("README.md", "outside the plan\n");  // not in the folder: no change to it
  h.commit("2009-03-01");
  // A title changes: not a change of state.
  h.dir.write("plan/s.yaml",
              section("status: in-progress, percent: 20, title: Uno", "status: planned"));
  h.commit("2009-03-20");
  h.dir.write("plan/s.yaml",
              section("status: in-progress, percent: 20, title: Uno", "status: in-progress"));
  h.commit("2009-07-01");

  auto logs = read_change_logs({h.plan_dir()}, parse_date("2009-06-01"));
  REQUIRE(logs.size() == 1);
  CHECK(logs[0].known);
  CHECK_FALSE(logs[0].shallow);
  CHECK(logs[0].last_change == "2009-03-20");
  CHECK(logs[0].activity_dates.at("a1") == "2009-02-15");
  CHECK(logs[0].activity_dates.at("a2") == "2009-01-10");

  logs = read_change_logs({h.plan_dir()}, parse_date("2009-07-01"));
  CHECK(logs[0].activity_dates.at("a2") == "2009-07-01");
  CHECK(logs[0].last_change == "2009-07-01");

  // Before the first commit nothing is known, and nothing is said.
  logs = read_change_logs({h.plan_dir()}, parse_date("2009-01-09"));
  CHECK_FALSE(logs[0].known);
  CHECK(logs[0].why_unknown.empty());
}

TEST_CASE("walk: an activity moved to another file keeps its date, a new one is dated") {
  History h;
  h.dir.write("plan/plan.yaml", kHeader);
  h.dir.write("plan/a.yaml", section("status: in-progress", "status: in-progress"));
  h.commit("2009-01-10");
  // A2 moves to b.yaml unchanged; A3 appears there.
  h.dir.write("plan/a.yaml",
              "sections:\n  - id: S1\n    title: S\n    activities:\n"
              "      - {id: A1, title: One, targets: [T1], status: in-progress}\n");
  h.dir.write("plan/b.yaml",
              "sections:\n  - id: S2\n    title: S\n    activities:\n"
              "      - {id: A2, title: Two, targets: [T1], status: in-progress}\n"
              "      - {id: A3, title: Three, targets: [T1], status: planned,"
              " activities: [{id: A3.1, title: Sub, status: in-progress}]}\n");
  h.commit("2009-02-01");
  const auto logs = read_change_logs({h.plan_dir()}, parse_date("2009-06-01"));
  CHECK(logs[0].activity_dates.at("a1") == "2009-01-10");
  CHECK(logs[0].activity_dates.at("a2") == "2009-01-10");
  CHECK(logs[0].activity_dates.at("a3") == "2009-02-01");
  CHECK(logs[0].activity_dates.at("a3.1") == "2009-02-01");
}

TEST_CASE("walk: a file that does not parse in one commit does not reset the dates") {
  History h;
  h.dir.write("plan/plan.yaml", kHeader);
  h.dir.write("plan/s.yaml", section("status: in-progress", "status: in-progress"));
  h.commit("2009-01-10");
  h.dir.write("plan/s.yaml", "sections: [\n");
  h.commit("2009-02-01");
  h.dir.write("plan/s.yaml", section("status: in-progress", "status: done"));
  h.commit("2009-03-01");
  const auto logs = read_change_logs({h.plan_dir()}, parse_date("2009-06-01"));
  CHECK(logs[0].activity_dates.at("a1") == "2009-01-10");
  CHECK(logs[0].activity_dates.at("a2") == "2009-03-01");
}

TEST_CASE("walk: many folders at once, each its own log") {
  History h;
  for (const char* u : {"units/a/plan", "units/b/plan"}) {
    h.dir.write(std::string(u) + "/plan.yaml", kHeader);
    h.dir.write(std::string(u) + "/s.yaml", section("status: in-progress", "status: planned"));
  }
  h.commit("2009-01-10");
  h.dir.write("units/b/plan/s.yaml", section("status: done", "status: planned"));
  h.commit("2009-02-01");
  // A folder holding no plan of ours, beside them: entered only on the way to the units.
  h.dir.write("units/c/notes.yaml", "x: 1\n");
  h.commit("2009-02-02");
  const auto logs = read_change_logs({h.plan_dir("units/a/plan"), h.plan_dir("units/b/plan")},
                                     parse_date("2009-06-01"));
  REQUIRE(logs.size() == 2);
  CHECK(logs[0].activity_dates.at("a1") == "2009-01-10");
  CHECK(logs[0].last_change == "2009-01-10");
  CHECK(logs[1].activity_dates.at("a1") == "2009-02-01");
  CHECK(logs[1].activity_dates.at("a2") == "2009-01-10");
  CHECK(logs[1].last_change == "2009-02-01");
}

TEST_CASE("walk: working-tree changes count on the as-of date when it is not before HEAD") {
  History h;
  h.dir.write("plan/plan.yaml", kHeader);
  h.dir.write("plan/s.yaml", section("status: in-progress", "status: in-progress"));
  h.commit("2009-01-10");
  h.dir.write("plan/s.yaml", section("status: in-progress", "status: done"));
  h.dir.write("plan/new.yaml",
              "sections:\n  - id: S9\n    title: S\n    activities:\n"
              "      - {id: N1, title: New, targets: [T1], status: in-progress}\n");
  auto logs = read_change_logs({h.plan_dir()}, parse_date("2009-06-01"));
  CHECK(logs[0].activity_dates.at("a1") == "2009-01-10");
  CHECK(logs[0].activity_dates.at("a2") == "2009-06-01");
  CHECK(logs[0].activity_dates.at("n1") == "2009-06-01");
  // An as-of date before HEAD's looks at the commits only.
  logs = read_change_logs({h.plan_dir()}, parse_date("2009-01-09"));
  CHECK_FALSE(logs[0].known);
}

TEST_CASE("walk: a repository with no commit yet: the working tree is all there is") {
  History h;
  h.dir.write("plan/plan.yaml", kHeader);
  h.dir.write("plan/s.yaml", section("status: in-progress", "status: in-progress"));
  const auto logs = read_change_logs({h.plan_dir()}, parse_date("2009-06-01"));
  CHECK(logs[0].known);
  CHECK(logs[0].activity_dates.at("a1") == "2009-06-01");
}

TEST_CASE("walk: outside a repository nothing is known, and it says why") {
  TempDir dir;
  dir.write("plan/plan.yaml", kHeader);
  const auto logs = read_change_logs({(dir.path / "plan").string()}, parse_date("2009-06-01"));
  CHECK_FALSE(logs[0].known);
  CHECK(logs[0].why_unknown == "not in a git repository");
  CHECK(logs[0].activity_dates.empty());
}

TEST_CASE("walk: a shallow clone dates only what changed after its boundary") {
  History h;
  h.dir.write("plan/plan.yaml", kHeader);
  h.dir.write("plan/s.yaml", section("status: in-progress", "status: in-progress"));
  h.commit("2009-01-10");
  h.dir.write("plan/s.yaml", section("status: in-progress", "status: in-progress, percent: 5"));
  h.commit("2009-02-01");
  h.dir.write("plan/s.yaml", section("status: in-progress", "status: in-progress, percent: 9"));
  h.commit("2009-03-01");
  h.dir.sh("git clone -q --depth 2 file://$PWD shallow");
  const auto logs = read_change_logs({h.plan_dir("shallow/plan")}, parse_date("2009-06-01"));
  CHECK(logs[0].known);
  CHECK(logs[0].shallow);
  CHECK(logs[0].boundary == "2009-02-01");
  CHECK(logs[0].activity_dates.count("a1") == 0);  // before the boundary: not known
  CHECK(logs[0].activity_dates.at("a2") == "2009-03-01");
}

TEST_CASE("walk: a change of style or key order is no change, one of value is") {
  History h;
  h.dir.write("plan/plan.yaml", kHeader);
  const auto write = [&](const std::string& a1, const std::string& a2) {
    h.dir.write("plan/s.yaml", "sections:\n  - id: S1\n    title: S\n    activities:\n" + a1 + a2);
  };
  write(
      "      - {id: A1, title: One, targets: [T1], status: in-progress,"
      " measure: {unit: x, planned: 5, actual: 1}}\n",
      "      - {id: A2, title: Two, targets: [T1], status: in-progress, percent: 5}\n");
  h.commit("2009-01-10");
  // Block style, keys in another order, an owner and notes added: A1 has not changed.
  write(
      "      - id: A1\n        status: in-progress\n        owner: Dana\n"
      "        measure:\n          actual: 1\n          unit: x\n          planned: 5\n"
      "        title: One\n        targets: [T1]\n        notes: quiet\n",
      "      - {id: A2, title: Two, targets: [T1], status: in-progress, percent: 6}\n");
  h.commit("2009-02-01");
  const auto logs = read_change_logs({h.plan_dir()}, parse_date("2009-06-01"));
  CHECK(logs[0].activity_dates.at("a1") == "2009-01-10");
  CHECK(logs[0].activity_dates.at("a2") == "2009-02-01");
}
