// Workspaces: plans.yaml read (load/workspace_file.*), the units loaded and checked across
// plans (pipeline/workspace.*, check/cross_plan.*), a qualified id split (workspace.*).
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "helpers.hpp"
#include "load/workspace_file.hpp"
#include "load/yaml_tree.hpp"
#include "pipeline/workspace.hpp"
#include "temp_dir.hpp"
#include "workspace.hpp"

using namespace plan;
using namespace plan::test;

namespace {

std::string unit_plan(const std::string& id, const std::string& goals_line,
                      const std::string& target_goals, const std::string& status = "done") {
  return "plan: {id: " + id + ", title: Unit " + id +
         ", period: {start: 2009-01-01, end: 2009-12-31}}\n" + goals_line +
         "targets:\n  - {id: T1, title: T, goals: [" + target_goals +
         "]}\nsections:\n  - id: s\n    title: S\n    activities:\n      - {id: a1, title: A, "
         "targets: [T1], status: " +
         status + "}\n";
}

const char* kHq =
    "plan: {id: hq, title: Headquarters}\n"
    "goals:\n  - {id: G1, title: One}\n  - {id: G2, title: Two}\n"
    "targets:\n  - {id: T1, title: T, goals: [G1]}\n"
    "sections:\n  - id: s\n    title: S\n    activities:\n"
    "      - {id: h1, title: H, targets: [T1], status: in-progress, percent: 40}\n";

// Diagnostics of every unit and of the workspace, "code" each, in the printed order.
std::string all_codes(const Workspace& ws) {
  std::string out;
  auto add = [&](const Diagnostics& ds) {
    for (const Diagnostic& d : ds) out += (out.empty() ? "" : " ") + d.code;
  };
  add(ws.diags);
  for (const Unit& u : ws.units)
    if (u.plan) add(u.plan->checked->diags);
  return out;
}

std::unique_ptr<Workspace> load(const TempDir& t) {
  return load_workspace((t.path / "plans.yaml").string(), parse_date("2009-07-01"));
}

}  // namespace

TEST_CASE("split_qualified: unit and id around the first colon, only after a unit id") {
  CHECK(split_qualified("hq:G2").unit == "hq");
  CHECK(split_qualified("hq:G2").id == "G2");
  CHECK(split_qualified("a.b-c:x:y").id == "x:y");
  CHECK_FALSE(split_qualified("G2").qualified());
  CHECK_FALSE(split_qualified(":G2").qualified());
  CHECK_FALSE(split_qualified("T9\n::x").qualified());  // not a unit id: the plan's own link
  CHECK(is_qualified("hq:"));
  CHECK_FALSE(is_qualified("1a:G1"));
}

TEST_CASE("workspace file: keys, types and values reported where written") {
  Diagnostics diags;
  WorkspaceSpec spec;
  auto root = parse_yaml(
      "workspace: {title: M, stale_after: 45, language: he}\n"
      "units:\n"
      "  - {id: hq, path: plan, weight: 2.5}\n"
      "  - {glob: 'units/*/plan', wieght: 1}\n"
      "  - {path: x}\n",
      1, diags);
  REQUIRE(root);
  build_workspace(*root, 1, spec, diags);
  CHECK(codes(diags) == "unknown-key@4:28 missing-field@5:5");
  CHECK(spec.title.value == "M");
  CHECK(spec.stale_after.value == 45);
  CHECK(spec.language.value == "he");
  REQUIRE(spec.entries.size() == 3);
  CHECK(spec.entries[0].weight.value == 2.5);
  CHECK(spec.entries[1].glob.value == "units/*/plan");
  CHECK(spec.entries[1].weight.value == 1);
}

TEST_CASE("workspace: units by path and glob, loaded, titled and in order") {
  TempDir t;
  t.write("hq/plan.yaml", kHq);
  t.write("units/b/plan/plan.yaml", unit_plan("b", "", "hq:G2"));
  t.write("units/a/plan/plan.yaml", unit_plan("a", "", "hq:G1"));
  t.write("units/.hidden/plan/plan.yaml", unit_plan("h", "", "hq:G1"));
  t.write("plans.yaml",
          "workspace: {title: M}\nunits:\n  - {id: hq, path: hq, title: The HQ, weight: 2}\n"
          "  - glob: units/*/plan\n");
  auto ws = load(t);
  CHECK(all_codes(*ws) == "");
  REQUIRE(ws->units.size() == 3);
  CHECK(ws->units[0].title == "The HQ");
  CHECK(ws->units[0].weight == 2);
  CHECK(ws->units[1].id == "a");  // path order, hidden folders left out
  CHECK(ws->units[1].title == "Unit a");
  CHECK(ws->units[2].id == "b");
  CHECK(ws->errors == 0);
  CHECK_FALSE(ws->io_error);
  // The figures: G1 = (0.4 × 2 + 1 × 1) / 3, G2 = b's 1.
  REQUIRE(ws->rollup.goals.size() == 2);
  CHECK(*ws->rollup.goals[0].completion == doctest::Approx(1.8 / 3));
  CHECK(*ws->rollup.goals[1].completion == doctest::Approx(1.0));
  CHECK(ws->rollup.units[0].errors == 0);
}

TEST_CASE("workspace: links across plans checked in the unit's own files") {
  TempDir t;
  t.write("hq/plan.yaml", kHq);
  t.write("units/a/plan/plan.yaml", unit_plan("a", "", "hq:G3, hqq:G1, HQ:g2"));
  t.write("plans.yaml",
          "workspace: {title: M}\nunits:\n  - {id: hq, path: hq}\n  - glob: units/*/plan\n");
  auto ws = load(t);
  REQUIRE(ws->units.size() == 2);
  const Diagnostics& d = ws->units[1].plan->checked->diags;
  CHECK(codes(d) == "unknown-goal@3:32 unknown-unit@3:39");
  CHECK(d[0].suggestion == "hq:G1");
  CHECK(d[1].suggestion == "hq:G1");
  CHECK(ws->rollup.units[1].errors == 2);
  CHECK(ws->errors == 2);
  // hq's G2 is served from unit a: no unserved-goal warning for it.
  CHECK(ws->units[0].plan->checked->warnings == 0);
}

TEST_CASE("workspace: a cycle of units serving each other's goals") {
  TempDir t;
  t.write("a/plan.yaml", unit_plan("a", "goals: [{id: A1, title: A}]\n", "b:B1"));
  t.write("b/plan.yaml", unit_plan("b", "goals: [{id: B1, title: B}]\n", "a:A1"));
  t.write("c/plan.yaml", unit_plan("c", "goals: [{id: C1, title: C}]\n", "a:A1"));
  t.write("plans.yaml", "workspace: {title: M}\nunits:\n  - glob: '*'\n");
  auto ws = load(t);
  REQUIRE(ws->units.size() == 3);
  REQUIRE(codes(ws->diags) == "unit-cycle@4:32");
  const Diagnostic& d = ws->diags[0];
  CHECK(ws->spec.files.at(d.loc.file).find("b/plan.yaml") != std::string::npos);
  REQUIRE(d.notes.size() == 1);
  CHECK(ws->spec.files.at(d.notes[0].loc.file).find("a/plan.yaml") != std::string::npos);
}

TEST_CASE("workspace: bad units are reported and not read, the others still are") {
  TempDir t;
  t.write("hq/plan.yaml", kHq);
  t.write("inner/plans.yaml", "workspace: {title: I}\nunits: [{id: x, path: x}]\n");
  t.write("empty/README", "nothing\n");
  t.write("broken/plan.yaml", "plan: [oops\n");
  std::filesystem::create_directory_symlink("/", t.path / "out");
  t.write("plans.yaml",
          "workspace: {title: M}\nunits:\n"
          "  - {id: hq, path: hq}\n"            // 3
          "  - {id: HQ, path: hq}\n"            // 4 duplicate-unit
          "  - {id: inner, path: inner}\n"      // 5 nested-workspace
          "  - {id: none, path: nowhere}\n"     // 6 missing-unit
          "  - {id: empty, path: empty}\n"      // 7 missing-unit
          "  - {id: out, path: out}\n"          // 8 unit-outside
          "  - {id: up, path: ..}\n"            // 9 unit-outside
          "  - {glob: 'teams/*'}\n"             // 10 empty-glob
          "  - {id: broken, path: broken}\n");  // 11: read, not counted
  auto ws = load(t);
  CHECK(codes(ws->diags) ==
        "duplicate-unit@4:10 nested-workspace@5:23 missing-unit@6:22 missing-unit@7:23 "
        "unit-outside@8:21 unit-outside@9:20 empty-glob@10:12");
  REQUIRE(ws->units.size() == 7);
  CHECK(ws->units[0].plan);
  for (std::size_t i = 1; i <= 5; ++i) CHECK_FALSE(ws->units[i].plan);
  REQUIRE(ws->units[6].plan);
  CHECK_FALSE(ws->rollup.units[6].counted);
  CHECK(ws->rollup.units[0].counted);
  CHECK_FALSE(ws->io_error);
}

TEST_CASE("workspace: a workspace file that cannot be read is an I/O error") {
  TempDir t;
  auto ws = load(t);
  CHECK(ws->io_error);
  CHECK(codes(ws->diags) == "unreadable@0:0");
  CHECK(ws->units.empty());
}

TEST_CASE("find_workspace_file: the nearest plans.yaml upwards") {
  TempDir t;
  t.write("plans.yaml", "workspace: {title: M}\nunits: []\n");
  t.write("units/a/plan/plan.yaml", "");
  const std::string found = find_workspace_file((t.path / "units/a/plan").string());
  REQUIRE_FALSE(found.empty());
  CHECK(std::filesystem::equivalent(found, t.path / "plans.yaml"));
}

TEST_CASE("a plan checked alone: qualified goals against the workspace that lists it") {
  TempDir t;
  t.write("hq/plan.yaml", kHq);
  t.write("units/a/plan/plan.yaml", unit_plan("a", "", "hq:G1, hq:G9"));
  t.write("solo/plan.yaml", unit_plan("solo", "", "hq:G1"));
  t.write("plain/plan.yaml", unit_plan("plain", "goals: [{id: P, title: P}]\n", "P"));
  t.write("plans.yaml",
          "workspace: {title: M}\nunits:\n  - {id: hq, path: hq}\n  - glob: units/*/plan\n");
  auto check_alone = [&](const std::string& dir) {
    auto c = check_plan_dir((t.path / dir).string());
    check_across_alone(*c, (t.path / dir).string(), {});
    return codes(c->diags);
  };
  CHECK(check_alone("units/a/plan") == "unknown-goal@3:39");
  CHECK(check_alone("solo") == "unknown-unit@3:32");  // not listed by the workspace
  CHECK(check_alone("plain") == "");
}
