// Who has not updated, through the real binary: a repository built here with fixed commit
// dates, then `plan status` (text and --json) and `plan list --stale` as of chosen dates;
// outside a repository it is said once; PLAN_HISTORY=0 turns it off.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "run.hpp"

namespace fs = std::filesystem;
using namespace plan::test;

namespace {

struct StaleRepo {
  fs::path path;
  StaleRepo() {
    std::string t = (fs::temp_directory_path() / "plan-stale-XXXXXX").string();
    path = ::mkdtemp(t.data());
    sh("git init -q -b main . && git config user.name Tester && git config user.email "
       "t@example.org && git config commit.gpgsign false");
  }
  ~StaleRepo() { fs::remove_all(path); }
  StaleRepo(const StaleRepo&) = delete;
  StaleRepo& operator=(const StaleRepo&) = delete;
  void sh(const std::string& cmd) const {
    REQUIRE_MESSAGE(run("cd " + path.string() + " && " + cmd + " >/dev/null 2>&1").status == 0,
                    cmd);
  }
  void write(const std::string& rel, const std::string& text) const {
    fs::create_directories((path / rel).parent_path());
    std::ofstream(path / rel, std::ios::binary) << text;
  }
  void commit(const std::string& day) const {
    const std::string when = day + "T09:30:00+03:00";
    sh("git add -A && GIT_AUTHOR_DATE=" + when + " GIT_COMMITTER_DATE=" + when +
       " git commit -q -m 'progress'");
  }
  Run plan(const std::string& args, const std::string& env = "") const {
    return run("cd " + path.string() + " && " + env + " COLUMNS=100 " + plan_cmd(args + " 2>&1"));
  }
};

const char* kPlan =
    "plan:\n"
    "  title: Stale test\n"
    "  period: {start: 2009-01-01, end: 2009-12-31}\n"
    "  stale_after: 30\n"
    "goals: [{id: G1, title: Grow}]\n"
    "targets: [{id: T1, title: Meet, goals: [G1]}]\n";

std::string activities(const std::string& a1, const std::string& a2, const std::string& a3) {
  return "sections:\n"
         "  - id: S1\n"
         "    title: Work\n"
         "    activities:\n"
         "      - {id: A1, title: Conference, targets: [T1], " +
         a1 +
         "}\n"
         "      - {id: A2, title: Forums, targets: [T1], " +
         a2 +
         "}\n"
         "      - {id: A3, title: Newsletter, targets: [T1], " +
         a3 +
         "}\n"
         "      - {id: A4, title: Archive, targets: [T1], status: done}\n";
}

// The repository every case below reads: A1 last changed 2009-02-01, A2 2009-03-15 (its
// measure), A3 planned to start 2009-04-01 and never changed since 2009-01-05.
void build(const StaleRepo& r) {
  r.write("plan/plan.yaml", kPlan);
  r.write("plan/work.yaml",
          activities("status: planned", "status: in-progress, measure: {planned: 5, actual: 0}",
                     "status: planned, start: 2009-04-01"));
  r.commit("2009-01-05");
  r.write("plan/work.yaml",
          activities("status: in-progress", "status: in-progress, measure: {planned: 5, actual: 0}",
                     "status: planned, start: 2009-04-01"));
  r.commit("2009-02-01");
  r.write("plan/work.yaml",
          activities("status: in-progress", "status: in-progress, measure: {planned: 5, actual: 2}",
                     "status: planned, start: 2009-04-01"));
  r.commit("2009-03-15");
  // Later than every as-of date below: never looked at (else A2 would not be stale).
  r.write("plan/work.yaml",
          activities("status: in-progress", "status: in-progress, measure: {planned: 5, actual: 4}",
                     "status: planned, start: 2009-04-01"));
  r.commit("2009-12-01");
}

std::string section_of(const std::string& out, const std::string& heading) {
  const auto at = out.find(heading);
  if (at == std::string::npos) return "";
  return out.substr(at, out.find("\n\n", at) - at);
}

}  // namespace

TEST_CASE("plan status lists the activities with no change for longer than stale_after") {
  StaleRepo r;
  build(r);
  const Run status = r.plan("status --as-of 2009-04-20 --color never");
  CHECK(status.status == 0);
  // As of 2009-04-20, the longest silent first: A3 (started 2009-04-01) 105 days, A1 78,
  // A2 36.
  CHECK(section_of(status.out, "Stale (") ==
        "Stale (3): no change for over 30 days\n"
        "  A3 since 2009-01-05  105 days  planned     Newsletter\n"
        "  A1 since 2009-02-01   78 days  in-progress Conference\n"
        "  A2 since 2009-03-15   36 days  in-progress Forums");
}

TEST_CASE("plan status --json has the stale activities with their exact dates") {
  StaleRepo r;
  build(r);
  const Run status = r.plan("status --as-of 2009-03-31 --json");
  REQUIRE(status.status == 0);
  const auto report = nlohmann::json::parse(status.out);
  const auto& stale = report.at("stale");
  CHECK(stale.at("known") == true);
  CHECK(stale.at("note") == "");
  CHECK(stale.at("after_days") == 30);
  // A3 has not started by 2009-03-31; A2 changed 16 days before.
  REQUIRE(stale.at("activities").size() == 1);
  const auto& a1 = stale.at("activities").at(0);
  CHECK(a1.at("id") == "A1");
  CHECK(a1.at("status") == "in-progress");
  CHECK(a1.at("last_change") == "2009-02-01");
  CHECK(a1.at("days") == 58);
  CHECK(a1.at("file") == "plan/work.yaml");
  CHECK(a1.at("line") == 5);
}

TEST_CASE("plan list --stale lists only the stale activities") {
  StaleRepo r;
  build(r);
  const Run list = r.plan("list --stale --as-of 2009-04-20 --json");
  REQUIRE(list.status == 0);
  const auto rows = nlohmann::json::parse(list.out);
  std::string ids;
  for (const auto& row : rows) ids += row.at("id").get<std::string>() + " ";
  CHECK(ids == "A1 A2 A3 ");
  // A shorter limit in the plan: A2 (36 days) stays, as 30 < 36; with 40 it goes.
  r.write("plan/plan.yaml", std::string(kPlan).replace(std::string(kPlan).find("30"), 2, "40"));
  const Run fewer = r.plan("list --stale --as-of 2009-04-20 --json");
  ids.clear();
  for (const auto& row : nlohmann::json::parse(fewer.out))
    ids += row.at("id").get<std::string>() + " ";
  CHECK(ids == "A1 A3 ");
}

TEST_CASE("an as-of date before the first commit: nothing is known and nothing is said") {
  StaleRepo r;
  build(r);
  const Run status = r.plan("status --as-of 2008-12-31 --color never");
  CHECK(status.out.find("Stale (") == std::string::npos);
  CHECK(status.out.find("staleness") == std::string::npos);
  const auto report = nlohmann::json::parse(r.plan("status --as-of 2008-12-31 --json").out);
  CHECK_FALSE(report.contains("stale"));
}

TEST_CASE("PLAN_HISTORY=0 turns staleness off: no list, no note, no key") {
  StaleRepo r;
  build(r);
  const Run status = r.plan("status --as-of 2009-04-20 --color never", "PLAN_HISTORY=0");
  CHECK(status.status == 0);
  CHECK(status.out.find("Stale (") == std::string::npos);
  CHECK(status.out.find("staleness") == std::string::npos);
  const auto report =
      nlohmann::json::parse(r.plan("status --as-of 2009-04-20 --json", "PLAN_HISTORY=0").out);
  CHECK_FALSE(report.contains("stale"));
}

TEST_CASE("outside a git repository nothing is stale, and it is said once") {
  std::string t = (fs::temp_directory_path() / "plan-nogit-XXXXXX").string();
  const fs::path dir = ::mkdtemp(t.data());
  fs::create_directories(dir / "plan");
  std::ofstream(dir / "plan/plan.yaml") << kPlan;
  std::ofstream(dir / "plan/work.yaml")
      << activities("status: in-progress", "status: in-progress", "status: in-progress");
  const std::string cd = "cd " + dir.string() +
                         " && GIT_CEILING_DIRECTORIES=" + dir.parent_path().string() +
                         " COLUMNS=100 ";
  const Run status = run(cd + plan_cmd("status --as-of 2009-06-01 --color never 2>&1"));
  CHECK(status.status == 0);
  std::size_t said = 0;
  for (auto at = status.out.find("staleness not known: not in a git repository");
       at != std::string::npos; at = status.out.find("staleness not known", at + 1))
    ++said;
  CHECK(said == 1);
  CHECK(status.out.find("Stale (") == std::string::npos);
  const auto report =
      nlohmann::json::parse(run(cd + plan_cmd("status --as-of 2009-06-01 --json")).out);
  CHECK(report.at("stale").at("known") == false);
  CHECK(report.at("stale").at("note") == "staleness not known: not in a git repository");
  CHECK(report.at("stale").at("activities").empty());
  const Run list = run(cd + plan_cmd("list --stale --as-of 2009-06-01 2>&1 >/dev/null"));
  CHECK(list.status == 0);
  CHECK(list.out == "plan: staleness not known: not in a git repository\n");
  // In the labels' language, as status says it: Hebrew for a Hebrew plan or --lang he.
  const Run hebrew =
      run(cd + plan_cmd("list --stale --lang he --as-of 2009-06-01 2>&1 >/dev/null"));
  CHECK(hebrew.status == 0);
  CHECK(hebrew.out == "\u200Fplan: לא ידוע אילו פעילויות ללא עדכון: לא במאגר git\n");
  fs::remove_all(dir);
}
