// Every diagnostic that the repository's bad plans make is a message a translation can
// reach: the corpus (tests/corpus/*/plan), the golden cases' plan folders and their
// workspace files (tests/golden/**/plans.yaml) are loaded and checked as the commands do,
// and each diagnostic and note must carry its Message (Diagnostic::text) with the same
// English as its `message`, every text in it must have its Hebrew in po/he.po, and its
// Hebrew must differ from the English. With the po tests (every msgid translated, every
// placeholder kept) this is the proof that `plan check` speaks Hebrew everywhere.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "pipeline/checked_plan.hpp"
#include "pipeline/workspace.hpp"
#include "po_catalog.hpp"
#include "util/date.hpp"

using namespace plan;
namespace fs = std::filesystem;

namespace {

// A diagnostic's problem, or "" when it is a translatable message.
std::string problem(const Diagnostic& d) {
  if (d.text.empty()) return "no message (only English text): " + d.message;
  if (render_message(d.text) != d.message)
    return "its message's English differs: '" + render_message(d.text) + "' vs '" + d.message + "'";
  std::vector<std::string> ids;
  plan::test::ids_of(d.text, ids);
  for (const std::string& id : ids) {
    if (id.find_first_not_of("{}abcdefghijklmnopqrstuvwxyz_") == std::string::npos)
      continue;  // "{items}", "{reason}": no words of their own to translate
    if (plan::test::hebrew().entries.count(id) == 0) return "no Hebrew for: " + id;
  }
  if (render_message(d.text, plan::test::po_translate, true) == d.message)
    return "its Hebrew is the English";
  return "";
}

// Every diagnostic and note of `diags` that is not a translatable message, as
// "case: code: problem" lines; `seen` counts the diagnostics looked at, by code.
void collect(const std::string& where, const Diagnostics& diags, std::vector<std::string>& bad,
             std::map<std::string, int>& seen) {
  for (const Diagnostic& d : diags) {
    ++seen[d.code];
    if (std::string p = problem(d); !p.empty()) bad.push_back(where + ": " + d.code + ": " + p);
    for (const Diagnostic& n : d.notes)
      if (std::string p = problem(n); !p.empty())
        bad.push_back(where + ": note of " + d.code + ": " + p);
  }
}

std::vector<fs::path> sorted_folders(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const fs::directory_entry& e : fs::directory_iterator(dir))
    if (e.is_directory()) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// Runs in the source tree, as the corpus runs `plan check` in each case's folder: the paths
// in the diagnostics are then the ones people see.
struct InSourceTree {
  fs::path before = fs::current_path();
  InSourceTree() { fs::current_path(PLAN_SOURCE_DIR); }
  ~InSourceTree() { fs::current_path(before); }
};

std::string report(const std::vector<std::string>& bad) {
  std::string out;
  for (const std::string& b : bad) out += b + "\n";
  return out;
}

}  // namespace

TEST_CASE("every diagnostic of the corpus and the golden plans is a message with its Hebrew") {
  InSourceTree here;
  std::vector<std::string> bad;
  std::map<std::string, int> seen;
  std::size_t plans = 0;
  for (const char* root : {"tests/corpus", "tests/golden"})
    for (const fs::path& c : sorted_folders(root)) {
      if (!fs::is_directory(c / "plan")) continue;
      ++plans;
      collect(c.string(), check_plan_dir((c / "plan").string())->diags, bad, seen);
    }
  CAPTURE(plans);
  CHECK(plans >= 100);  // the corpus alone has over a hundred cases
  CHECK(seen.count("wrong-type") == 1);
  CHECK(seen.count("unknown-key") == 1);
  CHECK(report(bad) == "");
}

TEST_CASE("every diagnostic of the golden workspaces is a message with its Hebrew") {
  InSourceTree here;
  std::vector<std::string> bad;
  std::map<std::string, int> seen;
  std::size_t workspaces = 0;
  for (const fs::directory_entry& e : fs::recursive_directory_iterator("tests/golden")) {
    if (e.path().filename() != "plans.yaml") continue;
    ++workspaces;
    WorkspaceOptions options;
    options.history = false;
    const auto ws = load_workspace(e.path().string(), parse_date("2009-06-01"), options);
    collect(e.path().string(), ws->diags, bad, seen);
    for (const Unit& u : ws->units)
      if (u.plan) collect(e.path().string() + " " + u.id, u.plan->checked->diags, bad, seen);
  }
  CAPTURE(workspaces);
  CHECK(workspaces >= 10);
  CHECK(seen.count("missing-unit") == 1);
  CHECK(report(bad) == "");
}
