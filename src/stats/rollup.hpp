// A workspace's figures rolled up: each unit's own, and each shared goal's across the units
// that serve it. Pure, like stats.*: the same units always give the same figures. The rule
// (docs/format.md, "Workspaces"): a unit's completion toward a goal is the plain mean of
// the completions of its targets that name the goal (as a goal's in one plan); a shared
// goal's completion is the mean of the units' completions toward it, each weighted by the
// unit's `weight`, leaving out units whose completion is null or that are not counted.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "plan_index.hpp"
#include "stats/staleness.hpp"
#include "stats/stats.hpp"

namespace plan {

// One unit as the roll-up sees it. `index` and `stats` are null for a unit whose plan
// folder could not be read at all.
struct RollupUnit {
  std::string id;
  double weight = 1;
  const PlanIndex* index = nullptr;
  const Stats* stats = nullptr;
  // Counted in every figure: its plan was read whole (every file read; errors of links or
  // values do not stop it). A unit that is not counted is shown with a mark, never as 0.
  bool counted = false;
};

// A unit's share in a shared goal.
struct Contribution {
  std::size_t unit;                  // index into the units
  std::vector<std::size_t> targets;  // the unit's targets naming the goal (indexes)
  Completion completion;             // the plain mean of those targets' completions
};

struct SharedGoal {
  std::size_t unit;  // the unit whose plan defines the goal
  std::size_t goal;  // index into that plan's goals
  Completion completion;  // across the contributions, weighted by unit weight
  std::vector<Contribution> contributions;  // in the units' order; the home unit's own too
};

struct UnitFigures {
  Completion completion;          // the plan's (null when not counted)
  std::optional<double> pace;
  PaceMark pace_mark = PaceMark::none;
  StatusCounts counts;            // every depth
  std::size_t errors = 0, warnings = 0;
  std::size_t stale = 0;          // stale activities (0 when history is not known)
  std::string last_change;        // YYYY-MM-DD of the last commit changing its folder, or ""
  bool stale_unit = false;        // its last change is older than its stale_after
  bool counted = false;
};

struct Rollup {
  std::vector<UnitFigures> units;  // like the units given
  // Every goal another unit names (`unit:goal`), in the order of the units and then of
  // each plan's goals: each goal of such a unit once, served or not.
  std::vector<SharedGoal> goals;
  std::vector<std::size_t> serving_none;  // counted units whose targets name no shared goal
  Completion movement;  // the units' completions, weighted by unit weight (counted ones)
};

// `errors`/`warnings`/stale/last_change of each unit are the caller's to fill (they come
// from the pipeline); this computes the rest.
Rollup compute_rollup(const std::vector<RollupUnit>& units, const Date& as_of);

}  // namespace plan
