// Warnings about a plan that is valid but incomplete or self-contradicting.
#include <string_view>
#include <unordered_set>

#include <fmt/format.h>

#include "check/rules.hpp"
#include "check/wording.hpp"
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
                                 message(N_("activity '{id}' counts towards no target (none of "
                                            "its own, none inherited); add 'targets: [...]'"),
                                         {plan_text("id", a.id.value)})));
  }
  for (const Goal& g : p.goals)
    if (g.id.given() && !served_goals.count(g.id.value))
      out.push_back(make_warning("unserved-goal", g.loc,
                                 message(N_("goal '{id}' is served by no target; name it in the "
                                            "'goals' of a target"),
                                         {plan_text("id", g.id.value)})));
  for (const Target& t : p.targets) {
    if (!t.id.given() || live_targets.count(t.id.value)) continue;
    bool dropped_only = named_targets.count(t.id.value) > 0;
    out.push_back(make_warning(
        "unserved-target", t.loc,
        message(dropped_only ? N_("target '{id}' is served by no live (not dropped) activity; "
                                  "name it in the 'targets' of one")
                             : N_("target '{id}' is served by no activity; name it in the "
                                  "'targets' of one"),
                {plan_text("id", t.id.value)})));
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
          message(N_("activity '{id}' is due {due}, outside the plan's period {start} to {end}"),
                  {plan_text("id", a.id.value), arg("due", a.due.value.text()),
                   arg("start", m->start.value.text()), arg("end", m->end.value.text())})));
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
    Message why;
    if (open > 0) {
      why = plural_message("{open} of its {live} sub-activities is not complete",
                           "{open} of its {live} sub-activities are not complete", open,
                           {arg("open", open), arg("live", live)});
    } else if (live == 0 && a.measure && a.measure->actual.value < a.measure->planned.value.low) {
      const Range& r = a.measure->planned.value;
      why = message(N_("its measure counts {actual} of {planned}"),
                    {arg("actual", fmt::format("{}", a.measure->actual.value)),
                     arg("planned", r.low == r.high ? fmt::format("{}", r.low)
                                                    : fmt::format("{}-{}", r.low, r.high))});
    } else if (live == 0 && !a.measure && a.percent.given() && a.percent.value < 100) {
      why = message(N_("its percent is {percent}"),
                    {arg("percent", fmt::format("{}", a.percent.value))});
    }
    if (why.empty()) continue;
    out.push_back(
        make_warning("done-mismatch", a.status.loc,
                     message(N_("activity '{id}' is done, but {why}; 'done' counts as "
                                "complete, so update the rest or the status"),
                             {plan_text("id", a.id.value), nested("why", std::move(why))})));
  }
}

}  // namespace plan
