// Rules about links between items: targets → goals, activities → targets.
#include <fmt/format.h>

#include "check/cross_plan.hpp"
#include "check/rules.hpp"
#include "util/text.hpp"
#include "workspace.hpp"

namespace plan {

// One link to an item of `want` kind; reports a missing item or one of another kind. The
// owner ("target 'T1'") is written only for a message: most links are fine.
static void check_ref(const PlanIndex& ix, const Ref& ref, ItemKind want, const char* owner_kind,
                      const std::string& owner_id, const std::vector<std::string>& candidates,
                      Diagnostics& out) {
  const char* want_name = item_kind_name(want);
  const ItemRef* found = ix.find(ref.id);
  if (found && found->kind == want) return;
  const std::string owner = fmt::format("{} '{}'", owner_kind, owner_id);
  const char* code = want == ItemKind::goal ? "unknown-goal" : "unknown-target";
  std::string best = closest_match(ref.id, candidates);
  if (found) {
    out.push_back(
        make_error(code, ref.loc,
                   fmt::format("{} names '{}' as a {}, but '{}' is {} {}{}", owner, ref.id,
                               want_name, ref.id, found->kind == ItemKind::activity ? "an" : "a",
                               item_kind_name(found->kind), did_you_mean_hint(best))));
  } else {
    std::string hint = did_you_mean_hint(best);
    if (hint.empty())
      hint = fmt::format("; define a {} with this id or name an existing one", want_name);
    out.push_back(make_error(
        code, ref.loc,
        fmt::format("{} names {} '{}', which does not exist{}", owner, want_name, ref.id, hint)));
  }
  out.back().suggestion = std::move(best);
}

void check_links(const PlanIndex& ix, Diagnostics& out) {
  const std::vector<std::string> goals = ix.ids_of(ItemKind::goal);
  const std::vector<std::string> targets = ix.ids_of(ItemKind::target);
  // A goal of another plan (`hq:G2`) is checked against the workspace (cross_plan.*).
  for (const Target& t : ix.plan().targets)
    for (const Ref& r : t.goals.value)
      if (!is_qualified(r.id)) check_ref(ix, r, ItemKind::goal, "target", t.id.value, goals, out);
  for (const ActivityEntry& e : ix.activities()) {
    const Activity& a = *e.activity;
    for (const Ref& r : a.targets.value) {
      if (is_qualified(r.id))
        out.push_back(qualified_activity_target(a.id.value, r));
      else
        check_ref(ix, r, ItemKind::target, "activity", a.id.value, targets, out);
    }
  }
}

void check_target_goals(const PlanIndex& ix, Diagnostics& out) {
  for (const Target& t : ix.plan().targets) {
    if (!t.goals.value.empty() || t.goals.malformed) continue;
    out.push_back(
        make_error("target-without-goals", t.goals.given() ? t.goals.loc : t.loc,
                   fmt::format("target '{}' serves no goal; add 'goals: [...]' naming the "
                               "goals it serves",
                               t.id.value)));
  }
}

}  // namespace plan
