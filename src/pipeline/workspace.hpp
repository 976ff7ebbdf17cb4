// A workspace (plans.yaml) loaded: every unit's plan checked and measured, the links across
// plans checked, the history read for staleness, the figures rolled up. What `status`,
// `check`, `list --stale` and `render` over a workspace start from. Problems are data;
// nothing here prints, reads the environment or exits.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "diagnostic.hpp"
#include "load/loader.hpp"
#include "pipeline/checked_plan.hpp"
#include "pipeline/measured_plan.hpp"
#include "stats/rollup.hpp"
#include "stats/staleness.hpp"
// WorkspaceSpec (src/workspace.hpp) comes through the loader's header: written here,
// "workspace.hpp" would name this very file (a quoted include looks beside it first).
#include "load/workspace_file.hpp"

namespace plan {

struct Unit {
  std::string id, title;  // the entry's; a glob's unit: the folder's name, the plan's title
  double weight = 1;
  std::string path;                    // the plan folder as shown (relative to the current folder)
  Loc entry;                           // its entry in the workspace file (in Workspace::spec.files)
  std::unique_ptr<MeasuredPlan> plan;  // null when the folder could not be read at all
  ChangeLog changes;                   // from git; not known outside a repository
  int stale_after = kDefaultStaleAfterDays;  // the plan's, else the workspace's, else default
  std::vector<StaleActivity> stale;
};

struct WorkspaceOptions {
  LoadOptions limits;
  bool history = true;  // read git for staleness and last changes
};

struct Workspace {
  // spec.files: the folder and the workspace file, then any unit file a cycle's notes name.
  WorkspaceSpec spec;
  Diagnostics diags;         // the workspace file's own and the rules across units (in spec.files)
  std::vector<Unit> units;   // in the order listed; a glob's matches in path order
  Rollup rollup;             // like `units`
  std::string history_note;  // said once when history is not known ("not in a git repository")
  std::size_t errors = 0, warnings = 0;  // the workspace's own and every unit's
  bool io_error = false;                 // the workspace file (or a unit folder) unreadable
};

// The workspace file nearest `dir`: `dir`/plans.yaml or one in a parent folder; "" when
// there is none.
std::string find_workspace_file(const std::string& dir);

// Loads the workspace file at `file` and everything it names, measured as of `as_of`.
// Never null: a workspace file that cannot be read is an io_error with a diagnostic.
std::unique_ptr<Workspace> load_workspace(const std::string& file, const Date& as_of,
                                          const WorkspaceOptions& options = {});

// A plan checked alone (`--plan DIR`) whose targets name goals of other plans (`hq:G2`):
// checked against the units of the workspace found upwards from `dir` that lists the plan
// (only the units it names are read), else each such goal is an `unknown-unit`. Adds to
// `c.diags` and its counts; does nothing, and reads nothing, for a plan with no such goal.
void check_across_alone(CheckedPlan& c, const std::string& dir, const LoadOptions& limits);

}  // namespace plan
