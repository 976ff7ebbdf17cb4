// The pipeline as a library (src/pipeline/): a plan loaded, checked and measured without the
// command layer; plans held in memory and re-checked after one file changed; the plan at a
// git revision, with a revision that has no plan folder returned as an error.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "helpers.hpp"
#include "pipeline/checked_plan.hpp"
#include "pipeline/history.hpp"
#include "pipeline/measured_plan.hpp"
#include "pipeline/plan_sources.hpp"
#include "temp_dir.hpp"
#include "util/date.hpp"

namespace fs = std::filesystem;
using namespace plan;
using plan::test::codes;

namespace {

const char* kPlan =
    "plan: {title: P, period: {start: 2009-01-01, end: 2009-12-31}}\n"
    "goals: [{id: G1, title: Goal}]\n"
    "targets: [{id: T1, title: Target, goals: [G1]}]\n";

std::string activities(const std::string& id, const std::string& status,
                       const std::string& target) {
  return "sections:\n  - id: S" + id + "\n    title: S\n    activities:\n      - {id: " + id +
         ", title: A, targets: [" + target + "], status: " + status + "}\n";
}

std::vector<SourceText> texts(const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<SourceText> out;
  for (const auto& [path, text] : files) out.push_back({path, text, "", false});
  return out;
}

// "path code@line:col" per diagnostic: which file a finding names, not only its position.
std::string located(const CheckedPlan& c) {
  std::string out;
  for (const Diagnostic& d : c.diags)
    out += (out.empty() ? "" : " ") + c.load.plan.files[d.loc.file] + " " + d.code + "@" +
           std::to_string(d.loc.line);
  return out;
}

}  // namespace

TEST_CASE("check_sources merges the loader's and the checks' diagnostics, sorted and counted") {
  // b.yaml has a loader error (a wrong type); a.yaml links to a target that does not exist
  // (a check's error), on a later line than b's problem but in an earlier file.
  auto c = check_sources(
      "plan/", texts({{"plan/a.yaml", std::string(kPlan) + activities("A1", "done", "T9")},
                      {"plan/b.yaml", "goals: [{id: G2, title: [x]}]\n"}}));
  REQUIRE(c->index);
  CHECK(&c->index->plan() == &c->load.plan);
  CHECK(located(*c) ==
        "plan/a.yaml unserved-target@3 plan/a.yaml unknown-target@8 plan/b.yaml unserved-goal@1 "
        "plan/b.yaml wrong-type@1");
  CHECK(c->errors == 2);
  CHECK(c->warnings == count_severity(c->diags, Severity::warning));
  CHECK(c->summary().errors == 2);
  CHECK_FALSE(c->io_error);
  CHECK(c->load.diags.size() == 1);  // the loader's own list is kept apart
}

TEST_CASE("a file that could not be read makes an io_error") {
  std::vector<SourceText> files = texts({{"plan/a.yaml", kPlan}});
  files.push_back({"plan/b.yaml", "", "cannot read the file: Permission denied", true});
  auto c = check_sources("plan/", std::move(files));
  CHECK(c->io_error);
  CHECK(codes(c->diags).find("unreadable") != std::string::npos);
}

TEST_CASE("measure adds the figures as of the date, and the stages run again give the same") {
  auto m = measure(
      check_sources("plan/",
                    texts({{"plan/a.yaml", std::string(kPlan) + activities("A1", "done", "T1")}})),
      parse_date("2009-06-01"));
  REQUIRE(m->stats.plan);
  CHECK(*m->stats.plan == doctest::Approx(1.0));
  CHECK(m->stats.as_of.text() == "2009-06-01");
  CHECK(m->view().index == m->checked->index.get());
  CHECK(m->view().diags == &m->checked->diags);
  const std::string before = codes(m->checked->diags);
  index_stage(*m->checked);
  check_stage(*m->checked);
  stats_stage(*m, parse_date("2009-07-01"));
  CHECK(codes(m->checked->diags) == before);  // not doubled: the stage starts afresh
  CHECK(m->stats.as_of.text() == "2009-07-01");
}

TEST_CASE("plan sources: after one file changes, only that file is parsed again") {
  PlanSources s;
  s.set("plan/a.yaml", kPlan);
  s.set("plan/b.yaml", activities("A1", "done", "T1"));
  s.set("plan/c.yaml", activities("A2", "planned", "T1"));
  CHECK(s.parses() == 3);
  auto first = s.check();
  CHECK(first->errors == 0);

  s.set("plan/b.yaml", activities("A1", "done", "T9"));  // an unknown target now
  CHECK(s.parses() == 4);
  auto second = s.check();
  CHECK(located(*second) == "plan/b.yaml unknown-target@5");
  CHECK(s.parses() == 4);  // checking parses nothing

  // The same as loading the same texts afresh.
  auto fresh = check_sources("plan/", texts({{"plan/a.yaml", kPlan},
                                             {"plan/b.yaml", activities("A1", "done", "T9")},
                                             {"plan/c.yaml", activities("A2", "planned", "T1")}}));
  CHECK(located(*fresh) == located(*second));
  CHECK(measure(std::move(second), parse_date("2009-06-01"))->stats.plan ==
        measure(std::move(fresh), parse_date("2009-06-01"))->stats.plan);
}

TEST_CASE("plan sources: a new file takes its place in path order, and files after it move") {
  PlanSources s;
  s.set("plan/a.yaml", kPlan);
  s.set("plan/c.yaml", activities("A2", "planned", "T8"));
  CHECK(s.parses() == 2);
  s.set("plan/b.yaml", activities("A1", "done", "T9"));  // before c.yaml: c is parsed again
  CHECK(s.parses() == 4);
  CHECK(s.paths() == std::vector<std::string>{"plan/a.yaml", "plan/b.yaml", "plan/c.yaml"});
  CHECK(located(*s.check()) ==
        "plan/a.yaml unserved-target@3 plan/b.yaml unknown-target@5 plan/c.yaml unknown-target@5");
  CHECK(s.remove("plan/b.yaml"));
  CHECK_FALSE(s.remove("plan/b.yaml"));
  CHECK(located(*s.check()) == "plan/a.yaml unserved-target@3 plan/c.yaml unknown-target@5");
}

TEST_CASE("plan sources: an unsaved buffer's text, not the disk's, is what the check sees") {
  test::TempDir t;
  t.write("plan/a.yaml", kPlan);
  t.write("plan/b.yaml", activities("A1", "done", "T1"));
  const std::string dir = (t.path / "plan").string();
  PlanSources s = PlanSources::read_dir(dir);
  CHECK(s.parses() == 2);
  auto on_disk = s.check();
  CHECK(on_disk->errors == 0);
  // The same files, paths and figures as the command line's reading of the folder.
  auto cli = check_plan_dir(dir);
  CHECK(on_disk->load.plan.files == cli->load.plan.files);

  const std::string b = s.paths()[1];
  // The buffer: one line added above, and a link to a target that does not exist.
  s.set(b, "# unsaved\n" + activities("A1", "done", "T7"));
  CHECK(s.parses() == 3);
  auto edited = s.check();
  const std::string a = s.paths()[0];
  CHECK(located(*edited) == a + " unserved-target@3 " + b + " unknown-target@6");
  CHECK(edited->diags[1].message.find("T7") != std::string::npos);
  CHECK(check_plan_dir(dir)->errors == 0);  // the disk still holds the saved text
}

TEST_CASE("a revision without the plan folder is an error, not an empty plan") {
  test::TempDir t;
  t.sh(
      "git init -q . && git -c user.name=T -c user.email=t@example.org commit -q --allow-empty -m "
      "empty");
  t.write("plan/a.yaml", std::string(kPlan) + activities("A1", "done", "T1"));
  t.sh("git add -A && git -c user.name=T -c user.email=t@example.org commit -q -m plan");
  plan::Message error;
  auto repo = Repository::open((t.path / "plan").string(), error);
  REQUIRE_MESSAGE(repo, render_message(error));
  auto head = repo->resolve("HEAD", error);
  auto first = repo->resolve("HEAD~1", error);
  REQUIRE(head);
  REQUIRE(first);

  auto m = measure_revision(*repo, *head, parse_date("2009-06-01"), {}, error);
  REQUIRE(m);
  CHECK(error.empty());
  CHECK(m->stats.plan ==
        measure(check_plan_dir((t.path / "plan").string()), parse_date("2009-06-01"))->stats.plan);

  CHECK_FALSE(measure_revision(*repo, *first, parse_date("2009-06-01"), {}, error));
  CHECK(render_message(error) == "the commit has no plan folder");

  // The walk: only the commit that has the plan, measured as of its own date.
  std::vector<HistoryPoint> points;
  error = {};
  REQUIRE(walk_history((t.path / "plan").string(), "HEAD", true, {}, points, error));
  REQUIRE(points.size() == 1);
  CHECK(points[0].loaded);
  CHECK(points[0].errors == 0);
  CHECK(points[0].commit.id == head->id);
  REQUIRE(points[0].goals.size() == 1);
  CHECK(points[0].goals[0].first == "G1");
}

TEST_CASE("plan sources: a plan updated in place equals the plan checked afresh") {
  PlanSources s;
  s.set("plan/a.yaml", kPlan);
  s.set("plan/b.yaml", activities("A1", "done", "T1"));
  s.set("plan/c.yaml", activities("A2", "planned", "T1"));
  std::unique_ptr<CheckedPlan> p = s.check();
  const CheckedPlan* first = p.get();
  auto same_as_fresh = [&] {
    auto fresh = s.check();  // (this makes `fresh` the plan update() may change next)
    CHECK(located(*p) == located(*fresh));
    CHECK(p->load.plan.sections.size() == fresh->load.plan.sections.size());
    CHECK(p->load.plan.goals.size() == fresh->load.plan.goals.size());
    CHECK(p->load.plan.unread_files == fresh->load.plan.unread_files);
    CHECK(p->index->activities().size() == fresh->index->activities().size());
    return fresh;
  };
  // The middle file: a broken link, then two sections instead of one, then none.
  s.set("plan/b.yaml", activities("A1", "done", "T9"));
  s.update(p);
  CHECK(p.get() == first);  // changed in place
  CHECK(located(*p) == "plan/b.yaml unknown-target@5");
  p = same_as_fresh();
  s.set("plan/b.yaml", activities("A1", "done", "T1") + "  - id: S2\n    title: S\n");
  s.update(p);
  CHECK(p->load.plan.sections.size() == 3);
  p = same_as_fresh();
  s.set("plan/b.yaml", "goals: [{id: G2, title: G}]\n");
  s.update(p);
  CHECK(p->load.plan.sections.size() == 1);
  CHECK(p->load.plan.goals.size() == 2);
  p = same_as_fresh();
  // A file that cannot be read, and back.
  s.set("plan/a.yaml", "plan: [\n");
  s.update(p);
  CHECK(p->load.plan.unread_files == std::vector<std::uint32_t>{1});
  p = same_as_fresh();
  s.set("plan/a.yaml", kPlan);
  s.update(p);
  CHECK(p->load.plan.unread_files.empty());
  CHECK(p->load.plan.metas.size() == 1);
  p = same_as_fresh();
  // A new file moves every later file's number: the plan is made afresh.
  s.set("plan/ab.yaml", activities("A3", "done", "T1"));
  s.update(p);
  CHECK(p->load.plan.files.size() == 5);
  same_as_fresh();
  // A plan this object did not make last (here, at the address of one it made and was
  // dropped) is not changed but replaced.
  auto other = check_sources("plan/", texts({{"plan/a.yaml", kPlan}}));
  s.update(other);
  CHECK(other->load.plan.files.size() == 5);
}
