// Rules across the plans of a workspace: a target's goal named in another unit (`hq:G2`),
// and units that serve each other's goals in a cycle. links.cpp leaves qualified ids here.
// Pure, like every rule: the units come in as views of their indexes.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "diagnostic.hpp"
#include "plan_index.hpp"

namespace plan {

struct UnitView {
  std::string id;
  const PlanIndex* index = nullptr;  // null when the unit's plan was not read
};

// Where a target's qualified goal leads: the unit and the goal's index in its plan.
struct GoalLink {
  std::size_t unit = 0, goal = 0;
};

// The unit with this id (ASCII case ignored), for the workspace's lookups; built once.
class UnitLookup {
 public:
  explicit UnitLookup(const std::vector<UnitView>& units);
  // The unit's index, or npos.
  std::size_t find(const std::string& id) const;
  const std::vector<std::string>& ids() const { return ids_; }

 private:
  std::vector<std::string> ids_;
  std::unordered_map<std::string, std::size_t> by_id_;  // lower-case id → unit (the first)
};

// The qualified goals of unit `u`'s targets: unknown-unit, unknown-goal (with "did you
// mean"), located at the ref in u's own files. A unit whose plan was not read, or was not
// read whole, is not looked into (its goal may be in the file that was not read).
// `whole[i]`: unit i's plan was read whole.
void check_cross_links(const std::vector<UnitView>& units, const UnitLookup& lookup,
                       const std::vector<bool>& whole, std::size_t u, Diagnostics& out);

// A plan checked alone whose targets name goals of other plans, and no workspace lists it:
// unknown-unit at every qualified goal.
void check_qualified_without_workspace(const PlanIndex& ix, Diagnostics& out);

// The message for an activity naming `ref` (qualified) among its targets (links.cpp).
Diagnostic qualified_activity_target(const std::string& activity_id, const Ref& ref);

// Every goal link across units, as (from unit, target, ref) → GoalLink, in unit order.
struct CrossLink {
  std::size_t from = 0;  // the unit whose target names the goal
  const Ref* ref = nullptr;
  GoalLink to;
};
std::vector<CrossLink> cross_links(const std::vector<UnitView>& units, const UnitLookup& lookup);

// unit-cycle: unit A serves a goal of B and B, directly or through others, one of A's. One
// error per cycle found, at the ref that closes it, with a note at each step. `to_shown`
// turns a location in unit i's files into one in the list the caller prints with.
Diagnostics check_unit_cycles(const std::vector<UnitView>& units,
                              const std::vector<CrossLink>& links,
                              const std::function<Loc(std::size_t unit, Loc)>& to_shown);

// Drops `unserved-goal` warnings of goals that targets of other units serve: in a
// workspace, the shared goals are served from the other plans. `per_unit[i]` is unit i's.
void forget_served_across(const std::vector<UnitView>& units, const std::vector<CrossLink>& links,
                          std::vector<Diagnostics*>& per_unit);

}  // namespace plan
