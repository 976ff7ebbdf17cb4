// The course every writing command shares: what is written, what is refused, and a file
// that an editor saves while plan is editing it.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "cli/edit_transaction.hpp"
#include "pipeline/checked_plan.hpp"
#include "temp_dir.hpp"

using plan::CheckedPlan;
using plan::cli::EditBatch;
using plan::cli::EditRequest;
using plan::cli::GlobalOptions;
using plan::cli::run_edit;

namespace {

const char* kActivities =
    "sections:\n"
    "  - id: s\n"
    "    title: S\n"
    "    activities:\n"
    "      - {id: a1, title: A, targets: [T1], status: planned}  # keep me\n";

struct Fixture {
  plan::test::TempDir dir;
  GlobalOptions global;
  std::string file;
  Fixture() {
    dir.write("plan/plan.yaml",
              "plan: {title: P}\ngoals: [{id: G1, title: G}]\n"
              "targets: [{id: T1, title: T, goals: [G1]}]\n");
    dir.write("plan/s.yaml", kActivities);
    global.plan_dir = (dir.path / "plan").string();
    file = (dir.path / "plan" / "s.yaml").string();
  }
  std::string read() const {
    std::ifstream in(file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
};

// A change of the activity file's text: `from` becomes `to`.
plan::Message replace_in_file(const CheckedPlan& plan, EditBatch& batch, const std::string& from,
                              const std::string& to) {
  for (const std::string& path : plan.load.plan.files) {
    if (path.find("s.yaml") == std::string::npos) continue;
    plan::Message error;
    plan::cli::EditedFile* f = batch.file(path, error);
    if (!f) return error;
    std::string text = f->text;
    text.replace(text.find(from), from.size(), to);
    batch.set_text(*f, text);
    return {};
  }
  return plan::message("no s.yaml");
}

}  // namespace

TEST_CASE("edit transaction: a change is written, every other byte kept") {
  Fixture fx;
  EditRequest r;
  r.make = [](const CheckedPlan& p, EditBatch& b) {
    return replace_in_file(p, b, "planned", "done");
  };
  int reported = 0;
  r.report = [&](const CheckedPlan&, const CheckedPlan& after) {
    ++reported;
    CHECK(after.errors == 0);
  };
  CHECK(run_edit(fx.global, r) == 0);
  CHECK(reported == 1);
  CHECK(fx.read() ==
        std::string(kActivities).replace(std::string(kActivities).find("planned"), 7, "done"));
}

TEST_CASE("edit transaction: a dry run writes nothing") {
  Fixture fx;
  EditRequest r;
  r.dry_run = true;
  r.make = [](const CheckedPlan& p, EditBatch& b) {
    return replace_in_file(p, b, "planned", "done");
  };
  CHECK(run_edit(fx.global, r) == 0);
  CHECK(fx.read() == kActivities);
}

TEST_CASE("edit transaction: a change that adds an error is refused with exit 1") {
  Fixture fx;
  EditRequest r;
  r.make = [](const CheckedPlan& p, EditBatch& b) {
    return replace_in_file(p, b, "targets: [T1]", "targets: [T9]");
  };
  CHECK(run_edit(fx.global, r) == 1);
  CHECK(fx.read() == kActivities);
}

TEST_CASE("edit transaction: a refusal of the change itself exits 2") {
  Fixture fx;
  EditRequest r;
  r.make = [](const CheckedPlan&, EditBatch&) { return plan::message("no such thing"); };
  CHECK(run_edit(fx.global, r) == 2);
  CHECK(fx.read() == kActivities);
}

TEST_CASE("edit transaction: a file saved by an editor during the edit is not overwritten") {
  Fixture fx;
  const std::string saved = std::string(kActivities) + "# saved by an editor\n";
  int calls = 0;
  EditRequest r;
  r.make = [&](const CheckedPlan& p, EditBatch& b) {
    plan::Message why = replace_in_file(p, b, "planned", "done");
    // The second call works on the plan read under the lock; the editor saves right after.
    if (++calls == 2) fx.dir.write("plan/s.yaml", saved);
    return why;
  };
  CHECK(run_edit(fx.global, r) == 2);
  CHECK(calls == 2);
  CHECK(fx.read() == saved);
}

TEST_CASE(
    "edit transaction: the file of an item, and 'plan' for the metadata, for set and import") {
  Fixture fx;
  auto c = plan::check_plan_dir(fx.global.plan_dir);
  std::string real;
  plan::Message why;
  CHECK(plan::cli::file_of_item(*c, "A1", real, why).find("s.yaml") != std::string::npos);
  CHECK(real == "a1");
  CHECK(plan::cli::file_of_item(*c, "PLAN", real, why).find("plan.yaml") != std::string::npos);
  CHECK(real == "plan");
  CHECK(plan::cli::file_of_item(*c, "a2", real, why).empty());
  CHECK(plan::render_message(why).find("did you mean 'a1'") != std::string::npos);

  // An item whose own id is 'plan' makes the name ambiguous: refused, in import as in set.
  fx.dir.write("plan/s.yaml", std::string(kActivities) + "      - {id: plan, title: B}\n");
  c = plan::check_plan_dir(fx.global.plan_dir);
  why = {};
  CHECK(plan::cli::file_of_item(*c, "plan", real, why).empty());
  CHECK(plan::render_message(why).find("rename the item") != std::string::npos);
}
