// The example workspace (examples/federation): it checks clean, and its roll-up as of
// 2009-06-30 gives the figures worked out by hand below from the example's files; its
// history script builds the same repository every time, ending at the example's files.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "pipeline/workspace.hpp"
#include "run.hpp"
#include "util/date.hpp"

namespace fs = std::filesystem;
using namespace plan::test;

namespace {

const fs::path kExample = fs::path(PLAN_SOURCE_DIR) / "examples" / "federation";

// The completions by hand, from the example's files (docs/format.md §3 and "Workspaces";
// examples/federation/README.md shows the same working). Activities: done 1, measure
// actual / low end of planned, percent / 100, planned 0, dropped left out; a parent is the
// mean of its children. A target: the mean of the live activities naming it. A unit
// toward a goal: the plain mean of its targets naming the goal. Every weight is 1 but
// north's no.5 (2).
//   hq           every activity planned: every target 0, every goal 0, the plan 0.
//   ein-mashal   em.1 6/10 = 0.6, em.2 1, em.3 1, em.4 0.4, em.5 0.
//                EM-T1 (em.1, em.2, em.5) = 1.6/3 = 0.5333 -> hq:G2, hq:G5
//                EM-T2 (em.3, em.4) = 1.4/2 = 0.7 -> hq:G1;       plan 3.0/5 = 0.6
//   kfar-agada   ka.1 0.7, ka.2 1, ka.3 4/8 = 0.5, ka.4 0; its own goal only; plan 2.2/4 = 0.55
//   neve-dimyon  nd.1 0.2, nd.2 (blocked) 0, nd.3 1/6, nd.4 0, nd.5 dropped.
//                ND-T1 (nd.1, nd.2) = 0.1 -> hq:G2; ND-T2 (nd.3, nd.4) = 0.0833 -> hq:G1
//                plan (0.2 + 0 + 1/6 + 0)/4 = 0.0917
//   north        no.1 9/12 = 0.75, no.2 3/5 = 0.6, no.3 1, no.4 0, no.5 0.25 (weight 2).
//                NO-T1 (no.1, no.4) = 0.375 -> hq:G2, hq:G5; NO-T2 (no.2) = 0.6 -> hq:G5;
//                NO-T3 (no.3, no.5 ×2) = 1.5/3 = 0.5 -> hq:G3;  toward G5: (0.375 + 0.6)/2
//                = 0.4875; plan (0.75 + 0.6 + 1 + 0 + 2 × 0.25)/6 = 0.475
//   training     tr.1 = (tr.1.1 1 + tr.1.2 0)/2 = 0.5, tr.2 0.6, tr.3 1, tr.4 16/20 = 0.8.
//                TR-T1 (tr.1, tr.4; the children inherit, not counted again) = 0.65 ->
//                hq:G5, hq:G1; TR-T2 (tr.2, tr.3) = 0.8 -> hq:G4; plan 2.9/4 = 0.725
//   youth        yo.1 1, yo.2 10/40 = 0.25, yo.3 0.3, yo.4 0.
//                YO-T1 = 0.625 -> hq:G3, hq:G1; YO-T2 = 0.15 -> hq:G7; plan 1.55/4 = 0.3875
// A shared goal: the mean of the units' completions toward it (unit weights all 1), the
// HQ's own 0 included:
//   G1 (0 + 0.7 + 0.0833 + 0.65 + 0.625)/5 = 0.4117    G2 (0 + 0.5333 + 0.1 + 0.375)/4 = 0.2521
//   G3 (0 + 0.5 + 0.625)/3 = 0.375                     G4 (0 + 0.8)/2 = 0.4
//   G5 (0 + 0.5333 + 0.4875 + 0.65)/4 = 0.4177         G6 (0)/1 = 0 (served by hq alone)
//   G7 (0 + 0.15)/2 = 0.075
// The movement: (0 + 0.6 + 0.55 + 0.0917 + 0.475 + 0.725 + 0.3875)/7 = 0.4042.
const std::map<std::string, double> kUnitCompletion = {
    {"hq", 0.0},         {"ein-mashal", 0.6}, {"kfar-agada", 0.55}, {"neve-dimyon", 0.55 / 6},
    {"north", 2.85 / 6}, {"training", 0.725}, {"youth", 0.3875}};
const std::map<std::string, std::map<std::string, double>> kGoalContributions = {
    {"G1",
     {{"hq", 0},
      {"ein-mashal", 0.7},
      {"neve-dimyon", 1.0 / 12},
      {"training", 0.65},
      {"youth", 0.625}}},
    {"G2", {{"hq", 0}, {"ein-mashal", 1.6 / 3}, {"neve-dimyon", 0.1}, {"north", 0.375}}},
    {"G3", {{"hq", 0}, {"north", 0.5}, {"youth", 0.625}}},
    {"G4", {{"hq", 0}, {"training", 0.8}}},
    {"G5", {{"hq", 0}, {"ein-mashal", 1.6 / 3}, {"north", 0.4875}, {"training", 0.65}}},
    {"G6", {{"hq", 0}}},
    {"G7", {{"hq", 0}, {"youth", 0.15}}}};
const std::map<std::string, double> kGoalCompletion = {{"G1", 2.058333333 / 5},
                                                       {"G2", 1.008333333 / 4},
                                                       {"G3", 0.375},
                                                       {"G4", 0.4},
                                                       {"G5", 1.670833333 / 4},
                                                       {"G6", 0.0},
                                                       {"G7", 0.075}};
const double kMovement = 2.829166667 / 7;

}  // namespace

TEST_CASE("examples/federation: the workspace checks clean, strict") {
  const Run r =
      run("cd '" + kExample.string() + "' && PLAN_HISTORY=0 " + plan_cmd("check --strict 2>&1"));
  CAPTURE(r.out);
  CHECK(r.status == 0);
  CHECK(r.out.find("error") == std::string::npos);
  CHECK(r.out.find("warning") == std::string::npos);
}

TEST_CASE("examples/federation: the roll-up matches the figures worked by hand") {
  plan::WorkspaceOptions options;
  options.history = false;
  const auto ws = plan::load_workspace((kExample / "plans.yaml").string(),
                                       plan::parse_date("2009-06-30"), options);
  REQUIRE(ws);
  REQUIRE_FALSE(ws->io_error);
  CHECK(ws->errors == 0);
  CHECK(ws->warnings == 0);

  // The units, in the order listed: hq, then the glob's matches in path order.
  std::map<std::string, std::size_t> at;
  std::string order;
  for (std::size_t i = 0; i < ws->units.size(); ++i) {
    at[ws->units[i].id] = i;
    order += (i ? " " : "") + ws->units[i].id;
  }
  CHECK(order == "hq ein-mashal kfar-agada neve-dimyon north training youth");
  REQUIRE(ws->rollup.units.size() == ws->units.size());

  for (const auto& [id, expected] : kUnitCompletion) {
    CAPTURE(id);
    REQUIRE(at.count(id) == 1);
    const plan::UnitFigures& u = ws->rollup.units[at[id]];
    CHECK(u.counted);
    REQUIRE(u.completion.has_value());
    CHECK(*u.completion == doctest::Approx(expected).epsilon(1e-9));
  }
  // neve-dimyon falls behind: two overdue (nd.2, nd.3), one blocked, one dropped.
  const plan::UnitFigures& behind = ws->rollup.units[at["neve-dimyon"]];
  CHECK(behind.counts.overdue == 2);
  CHECK(behind.pace_mark == plan::PaceMark::behind);
  CHECK(ws->rollup.units[at["ein-mashal"]].pace_mark == plan::PaceMark::ahead);

  // The shared goals: the HQ's seven, each once.
  REQUIRE(ws->rollup.goals.size() == kGoalCompletion.size());
  for (const plan::SharedGoal& g : ws->rollup.goals) {
    REQUIRE(g.unit == at["hq"]);
    const plan::Unit& home = ws->units[g.unit];
    REQUIRE(home.plan);
    const std::string goal = home.plan->checked->load.plan.goals.at(g.goal).id.value;
    CAPTURE(goal);
    REQUIRE(kGoalCompletion.count(goal) == 1);
    REQUIRE(g.completion.has_value());
    CHECK(*g.completion == doctest::Approx(kGoalCompletion.at(goal)).epsilon(1e-6));
    std::map<std::string, double> contributions;
    for (const plan::Contribution& c : g.contributions) {
      REQUIRE(c.completion.has_value());
      contributions[ws->units.at(c.unit).id] = *c.completion;
    }
    const auto& expected = kGoalContributions.at(goal);
    CHECK(contributions.size() == expected.size());
    for (const auto& [unit, value] : expected) {
      CAPTURE(unit);
      REQUIRE(contributions.count(unit) == 1);
      CHECK(contributions[unit] == doctest::Approx(value).epsilon(1e-9));
    }
  }

  // kfar-agada alone serves no shared goal (the HQ serves its own through its targets).
  std::string serving_none;
  for (std::size_t u : ws->rollup.serving_none) serving_none += ws->units.at(u).id + " ";
  CHECK(serving_none == "kfar-agada ");
  REQUIRE(ws->rollup.movement.has_value());
  CHECK(*ws->rollup.movement == doctest::Approx(kMovement).epsilon(1e-6));
}

// The same figures through `plan status --json` (README: its keys over a workspace), where
// every completion is rounded to 4 places.
TEST_CASE("examples/federation: plan status --json gives the figures worked by hand") {
  const Run r = run("cd '" + kExample.string() + "' && PLAN_HISTORY=0 " +
                    plan_cmd("status --as-of 2009-06-30 --json"));
  REQUIRE(r.status == 0);
  const nlohmann::json report = nlohmann::json::parse(r.out);
  const auto near = [](const nlohmann::json& value, double expected) {
    return value.is_number() && std::fabs(value.get<double>() - expected) <= 0.00005 + 1e-12;
  };
  CHECK(report["as_of"] == "2009-06-30");
  CHECK(near(report["completion"], kMovement));
  std::string order;
  for (const auto& unit : report["units"]) {
    const std::string id = unit["id"];
    order += (order.empty() ? "" : " ") + id;
    CAPTURE(id);
    REQUIRE(kUnitCompletion.count(id) == 1);
    CHECK(unit["counted"] == true);
    CHECK(near(unit["completion"], kUnitCompletion.at(id)));
  }
  CHECK(order == "hq ein-mashal kfar-agada neve-dimyon north training youth");
  REQUIRE(report["shared_goals"].size() == kGoalCompletion.size());
  for (const auto& goal : report["shared_goals"]) {
    CHECK(goal["unit"] == "hq");
    const std::string id = goal["goal"];
    CAPTURE(id);
    REQUIRE(kGoalCompletion.count(id) == 1);
    CHECK(near(goal["completion"], kGoalCompletion.at(id)));
    const auto& expected = kGoalContributions.at(id);
    CHECK(goal["contributions"].size() == expected.size());
    for (const auto& c : goal["contributions"]) {
      const std::string unit = c["unit"];
      CAPTURE(unit);
      REQUIRE(expected.count(unit) == 1);
      CHECK(near(c["completion"], expected.at(unit)));
    }
  }
  CHECK(report["serving_none"] == nlohmann::json::array({"kfar-agada"}));
}

TEST_CASE("examples/federation: make-history.sh builds the same repository every time") {
  REQUIRE(have("git"));
  std::string t = (fs::temp_directory_path() / "plan-federation-XXXXXX").string();
  const fs::path dir = ::mkdtemp(t.data());
  const std::string script = (kExample / "make-history.sh").string();
  const std::string env = std::string("PLAN=") + PLAN_BINARY + " ";
  for (const char* out : {"a", "b"}) {
    const Run r = run(env + script + " " + (dir / out).string() + " 2>&1");
    CAPTURE(r.out);
    REQUIRE(r.status == 0);
  }
  const Run a = run("git -C " + (dir / "a").string() + " log --format='%H %cI' 2>&1");
  const Run b = run("git -C " + (dir / "b").string() + " log --format='%H %cI' 2>&1");
  CHECK(a.out == b.out);
  // 19 commits, from 2009-01-05 to 2009-06-25 (the script itself checks that the last one's
  // units are the example's files).
  const Run count = run("git -C " + (dir / "a").string() + " rev-list --count HEAD");
  CHECK(count.out == "19\n");
  CHECK(a.out.find("2009-06-25T10:00:00+02:00") == 41);
  // The workspace in it checks clean too: the HQ plan copied in as hq/plan.
  const Run check = run("cd " + (dir / "a").string() + " && " + plan_cmd("check --strict 2>&1"));
  CAPTURE(check.out);
  CHECK(check.status == 0);
  // A second run into a folder that is not empty refuses and leaves it alone.
  const Run again = run(env + script + " " + (dir / "a").string() + " 2>&1");
  CHECK(again.status == 2);
  CHECK(run("git -C " + (dir / "a").string() + " rev-list --count HEAD").out == "19\n");
  fs::remove_all(dir);
}

// Staleness over a workspace, on the repository make-history.sh builds with fixed commit
// dates (2009-01-05 … 2009-06-25). As of 2009-06-30 with stale_after 30, stale is what has
// not changed since before 2009-05-31 (examples/federation/README.md): nd.1 and nd.3 (last
// changed 2009-03-20), nd.4 (planned, started 2009-03-01, unchanged since its unit's first
// commit, 2009-01-05), em.4 (2009-04-25), no.2 (2009-05-10). Not stale: yo.3 (2009-06-01,
// 29 days), and tr.1, a course whose own status last changed in February but whose second
// cycle was reported in June (a parent is as recent as its latest sub-activity).
TEST_CASE("examples/federation: who has not updated, from the history make-history.sh commits") {
  REQUIRE(have("git"));
  std::string t = (fs::temp_directory_path() / "plan-federation-XXXXXX").string();
  const fs::path dir = ::mkdtemp(t.data());
  const std::string repo = (dir / "movement").string();
  const Run made = run(std::string("PLAN=") + PLAN_BINARY + " " +
                       (kExample / "make-history.sh").string() + " " + repo + " 2>&1");
  CAPTURE(made.out);
  REQUIRE(made.status == 0);

  const Run status = run("cd " + repo + " && " + plan_cmd("status --json --as-of 2009-06-30"));
  REQUIRE(status.status == 0);
  const auto report = nlohmann::json::parse(status.out);
  std::map<std::string, std::string> stale;  // id -> last change
  for (const auto& s : report["stale"]) stale[s["id"].get<std::string>()] = s["last_change"];
  CHECK(stale == std::map<std::string, std::string>{{"em.4", "2009-04-25"},
                                                    {"nd.1", "2009-03-20"},
                                                    {"nd.3", "2009-03-20"},
                                                    {"nd.4", "2009-01-05"},
                                                    {"no.2", "2009-05-10"}});
  std::map<std::string, long> per_unit;
  for (const auto& u : report["units"])
    if (u["stale"].is_number()) per_unit[u["id"].get<std::string>()] = u["stale"].get<long>();
  CHECK(per_unit == std::map<std::string, long>{{"hq", 0},
                                                {"ein-mashal", 1},
                                                {"kfar-agada", 0},
                                                {"neve-dimyon", 3},
                                                {"north", 1},
                                                {"training", 0},
                                                {"youth", 0}});
  CHECK(report["history_note"].is_null());

  // plan list --stale over the workspace: the same activities, by unit.
  const Run list = run("cd " + repo + " && " + plan_cmd("list --stale --json --as-of 2009-06-30"));
  REQUIRE(list.status == 0);
  std::string listed;
  for (const auto& u : nlohmann::json::parse(list.out)) {
    listed += u["unit"].get<std::string>() + ":";
    for (const auto& a : u["activities"]) listed += " " + a["id"].get<std::string>();
    listed += ";";
  }
  CHECK(listed == "ein-mashal: em.4;neve-dimyon: nd.1 nd.3 nd.4;north: no.2;");
  // A filter naming ids of one plan needs --plan over a workspace.
  CHECK(run("cd " + repo + " && " + plan_cmd("list --target NO-T1 2>&1")).status == 2);
  fs::remove_all(dir);
}
