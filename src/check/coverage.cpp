// Warnings about a plan that is valid but incomplete or self-contradicting.
#include <string_view>
#include <unordered_set>

#include <fmt/format.h>

#include "check/rules.hpp"
#include "util/date.hpp"
#include "util/text.hpp"

namespace plan {

void check_coverage(const PlanIndex& ix, Diagnostics& out) {
  const Plan& p = ix.plan();
  // Views of the links' ids, compared ignoring case as everywhere.
  using IdSet = std::unordered_set<std::string_view, IdHash, IdEqual>;
  IdSet served_goals, named_targets, live_targets;
  for (const Target& t : p.targets)
    for (const Ref& r : t.goals.value) served_goals.insert(r.id);
  for (const ActivityEntry& e : ix.activities()) {
    const Activity& a = *e.activity;
    for (const Ref& r : a.targets.value) {
      named_targets.insert(r.id);
      if (a.status.value != Status::dropped) live_targets.insert(r.id);
    }
    if ((!e.targets || e.targets->empty()) && !a.targets.malformed)
      out.push_back(make_warning("no-targets", a.loc,
                                 fmt::format("activity '{}' counts towards no target (none of its "
                                             "own, none inherited); add 'targets: [...]'",
                                             a.id.value)));
  }
  for (const Goal& g : p.goals)
    if (g.id.given() && !served_goals.count(g.id.value))
      out.push_back(make_warning("unserved-goal", g.loc,
                                 fmt::format("goal '{}' is served by no target; name it in the "
                                             "'goals' of a target",
                                             g.id.value)));
  for (const Target& t : p.targets) {
    if (!t.id.given() || live_targets.count(t.id.value)) continue;
    bool dropped_only = named_targets.count(t.id.value) > 0;
    out.push_back(make_warning(
        "unserved-target", t.loc,
        fmt::format("target '{}' is served by no {}activity; name it in the 'targets' of one",
                    t.id.value, dropped_only ? "live (not dropped) " : "")));
  }
}

void check_due_in_period(const PlanIndex& ix, Diagnostics& out) {
  const Meta* m = ix.plan().meta();
  if (!m || !m->start.value.valid || !m->end.value.valid) return;
  for (const ActivityEntry& e : ix.activities()) {
    const Activity& a = *e.activity;
    if (!a.due.value.valid) continue;
    if (a.due.value < m->start.value || m->end.value < a.due.value)
      out.push_back(make_warning(
          "due-outside-period", a.due.loc,
          fmt::format("activity '{}' is due {}, outside the plan's period "
                      "{} to {}",
                      a.id.value, a.due.value.text(), m->start.value.text(), m->end.value.text())));
  }
}

// Whether an activity's own evidence (children, measure, percent) says it is complete.
// Mirrors the completion rules, reduced to "complete or not", so the check stays
// independent of the stats stage.
static bool evidence_complete(const Activity& a) {
  if (a.status.value == Status::done) return true;
  bool any_live = false;
  for (const Activity& c : a.activities) {
    if (c.status.value == Status::dropped) continue;
    any_live = true;
    if (!evidence_complete(c)) return false;
  }
  if (any_live) return true;
  if (a.measure) return a.measure->actual.value >= a.measure->planned.value.low;
  if (a.percent.given()) return a.percent.value >= 100;
  return false;
}

void check_done_consistency(const PlanIndex& ix, Diagnostics& out) {
  for (const ActivityEntry& e : ix.activities()) {
    const Activity& a = *e.activity;
    if (a.status.value != Status::done) continue;
    std::size_t live = 0, open = 0;
    for (const Activity& c : a.activities) {
      if (c.status.value == Status::dropped) continue;
      ++live;
      if (!evidence_complete(c)) ++open;
    }
    std::string why;
    if (open > 0) {
      why = fmt::format("{} of its {} sub-activities {} not complete", open, live,
                        open == 1 ? "is" : "are");
    } else if (live == 0 && a.measure && a.measure->actual.value < a.measure->planned.value.low) {
      const Range& r = a.measure->planned.value;
      why = r.low == r.high
                ? fmt::format("its measure counts {} of {}", a.measure->actual.value, r.low)
                : fmt::format("its measure counts {} of {}-{}", a.measure->actual.value, r.low,
                              r.high);
    } else if (live == 0 && !a.measure && a.percent.given() && a.percent.value < 100) {
      why = fmt::format("its percent is {}", a.percent.value);
    }
    if (why.empty()) continue;
    out.push_back(make_warning("done-mismatch", a.status.loc,
                               fmt::format("activity '{}' is done, but {}; 'done' counts as "
                                           "complete, so update the rest or the status",
                                           a.id.value, why)));
  }
}

}  // namespace plan
