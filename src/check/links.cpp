// Rules about links between items: targets → goals, activities → targets.
#include "check/cross_plan.hpp"
#include "check/rules.hpp"
#include "check/wording.hpp"
#include "util/text.hpp"
#include "workspace.hpp"

namespace plan {

// One link to an item of `want` kind (a target's goal, an activity's target); reports a
// missing item or one of another kind.
static void check_ref(const PlanIndex& ix, const Ref& ref, ItemKind want,
                      const std::string& owner_id, const std::vector<std::string>& candidates,
                      Diagnostics& out) {
  const ItemRef* found = ix.find(ref.id);
  if (found && found->kind == want) return;
  const bool goal = want == ItemKind::goal;
  const char* code = goal ? "unknown-goal" : "unknown-target";
  std::string best = closest_match(ref.id, candidates);
  Message hint = did_you_mean_message(best);
  if (found) {
    out.push_back(make_error(
        code, ref.loc,
        message(
            goal ? N_("target '{owner}' names '{id}' as a goal, but '{id}' is {kind}{hint}")
                 : N_("activity '{owner}' names '{id}' as a target, but '{id}' is "
                      "{kind}{hint}"),
            {plan_text("owner", owner_id), plan_text("id", ref.id),
             nested("kind", kind_with_article(found->kind)), nested("hint", std::move(hint))})));
  } else {
    if (hint.empty())
      hint = message(goal ? N_("; define a goal with this id or name an existing one")
                          : N_("; define a target with this id or name an existing one"));
    out.push_back(make_error(
        code, ref.loc,
        message(goal ? N_("target '{owner}' names goal '{id}', which does not exist{hint}")
                     : N_("activity '{owner}' names target '{id}', which does not exist{hint}"),
                {plan_text("owner", owner_id), plan_text("id", ref.id),
                 nested("hint", std::move(hint))})));
  }
  out.back().suggestion = std::move(best);
}

void check_links(const PlanIndex& ix, Diagnostics& out) {
  const std::vector<std::string> goals = ix.ids_of(ItemKind::goal);
  const std::vector<std::string> targets = ix.ids_of(ItemKind::target);
  // A goal of another plan (`hq:G2`) is checked against the workspace (cross_plan.*).
  for (const Target& t : ix.plan().targets)
    for (const Ref& r : t.goals.value)
      if (!is_qualified(r.id)) check_ref(ix, r, ItemKind::goal, t.id.value, goals, out);
  for (const ActivityEntry& e : ix.activities()) {
    const Activity& a = *e.activity;
    for (const Ref& r : a.targets.value) {
      if (is_qualified(r.id))
        out.push_back(qualified_activity_target(a.id.value, r));
      else
        check_ref(ix, r, ItemKind::target, a.id.value, targets, out);
    }
  }
}

void check_target_goals(const PlanIndex& ix, Diagnostics& out) {
  for (const Target& t : ix.plan().targets) {
    if (!t.goals.value.empty() || t.goals.malformed) continue;
    out.push_back(
        make_error("target-without-goals", t.goals.given() ? t.goals.loc : t.loc,
                   message(N_("target '{id}' serves no goal; add 'goals: [...]' naming the "
                              "goals it serves"),
                           {plan_text("id", t.id.value)})));
  }
}

}  // namespace plan
