// A workspace as its outputs see it: plain inputs only (each unit's index, figures,
// problems and stale activities, and the roll-up), so that render/ never reaches into the
// pipeline. The command layer fills it from a loaded Workspace (pipeline/workspace.hpp).
#pragma once

#include <string>
#include <vector>

#include "diagnostic.hpp"
#include "message.hpp"
#include "plan_index.hpp"
#include "stats/rollup.hpp"
#include "stats/staleness.hpp"
#include "stats/stats.hpp"
#include "workspace.hpp"

namespace plan {

struct WorkspaceUnitView {
  std::string id, title;  // as the workspace names it (the entry's, else the plan's title)
  std::string path;       // the plan folder as shown
  double weight = 1;
  // Null when the unit's folder could not be read at all.
  const PlanIndex* index = nullptr;
  const Stats* stats = nullptr;
  const Diagnostics* diagnostics = nullptr;           // its plan's problems (its own files)
  const std::vector<StaleActivity>* stale = nullptr;  // null or empty: none (or not known)
  int stale_after = kDefaultStaleAfterDays;
};

struct WorkspaceView {
  std::string title, language;  // the workspace file's (language may be "")
  std::string file;             // the workspace file as shown
  Date as_of;
  const Rollup* rollup = nullptr;  // `units` below are in its units' order
  std::vector<WorkspaceUnitView> units;
  // Said once when staleness is not known ("not in a git repository"); "" when it is.
  std::string history_note;
  // The same as data, for the terminal's words in the workspace's language: history was
  // not read at all, or the plans are not in a git repository (else git's own words).
  bool history_not_read = false, no_repository = false;
  CheckSummary checks;  // the workspace file's own problems and every unit's
  // The workspace file's own problems and the rules across units, with `files` to place
  // them (WorkspaceSpec::files).
  const Diagnostics* diagnostics = nullptr;
  const std::vector<std::string>* files = nullptr;
  // Their messages' language: the command layer's catalog (null: English).
  Translator translate = nullptr;
  bool messages_rtl = false;
};

// The roll-up (an empty one when there is none), and a unit's figures in it (blank ones,
// not counted, for a unit it does not have): never read past its end.
const Rollup& rollup_of(const WorkspaceView& w);
const UnitFigures& unit_figures(const WorkspaceView& w, std::size_t unit);

// "hq:G2": a shared goal as other units name it.
std::string shared_goal_id(const WorkspaceView& w, const SharedGoal& g);

// The counts of the counted units' activities, summed.
StatusCounts movement_counts(const WorkspaceView& w);

// The labels' language: the workspace's, else the first unit whose plan names one.
std::string workspace_language(const WorkspaceView& w);

}  // namespace plan
