#include "check/cross_plan.hpp"

#include <algorithm>
#include <unordered_set>

#include <fmt/format.h>

#include "check/wording.hpp"
#include "util/text.hpp"
#include "workspace.hpp"

namespace plan {

UnitLookup::UnitLookup(const std::vector<UnitView>& units) {
  ids_.reserve(units.size());
  for (std::size_t i = 0; i < units.size(); ++i) {
    ids_.push_back(units[i].id);
    by_id_.emplace(ascii_lower(units[i].id), i);
  }
}

std::size_t UnitLookup::find(const std::string& id) const {
  auto it = by_id_.find(ascii_lower(id));
  return it == by_id_.end() ? std::string::npos : it->second;
}

void check_cross_links(const std::vector<UnitView>& units, const UnitLookup& lookup,
                       const std::vector<bool>& whole, std::size_t u, Diagnostics& out) {
  const UnitView& self = units[u];
  if (!self.index) return;
  for (const Target& t : self.index->plan().targets)
    for (const Ref& r : t.goals.value) {
      if (!is_qualified(r.id)) continue;
      const QualifiedId q = split_qualified(r.id);
      const std::size_t h = lookup.find(q.unit);
      if (h == std::string::npos) {
        const std::string best = closest_match(q.unit, lookup.ids());
        out.push_back(make_error(
            "unknown-unit", r.loc,
            message(
                N_("target '{target}' names goal '{goal}' of unit '{unit}', but the "
                   "workspace has no unit '{unit}'{hint}"),
                {plan_text("target", t.id.value), plan_text("goal", r.id),
                 plan_text("unit", q.unit),
                 nested("hint", best.empty()
                                    ? message(N_("; the units are {units}"),
                                              {nested("units", quoted_choices(lookup.ids(), true))})
                                    : did_you_mean_message(best + ":" + q.id))})));
        if (!best.empty()) out.back().suggestion = best + ":" + q.id;
        continue;
      }
      if (!units[h].index || !whole[h]) continue;  // its own errors say why
      const PlanIndex& home = *units[h].index;
      const ItemRef* found = home.find(q.id);
      if (found && found->kind == ItemKind::goal) continue;
      const std::vector<std::string> goals = home.ids_of(ItemKind::goal);
      const std::string best = closest_match(q.id, goals);
      Message hint = best.empty() ? message(N_("; its goals are {goals}"),
                                            {nested("goals", quoted_choices(goals, true))})
                                  : did_you_mean_message(units[h].id + ":" + best);
      std::vector<MessageArg> args{plan_text("target", t.id.value), plan_text("goal", r.id),
                                   plan_text("id", q.id), plan_text("unit", units[h].id)};
      if (found) {
        args.push_back(nested("kind", kind_with_article(found->kind)));
        args.push_back(nested("hint", std::move(hint)));
      } else {
        args.push_back(
            nested("hint", goals.empty() ? message(N_("; it has no goals")) : std::move(hint)));
      }
      out.push_back(make_error(
          "unknown-goal", r.loc,
          message(found ? N_("target '{target}' names '{goal}' as a goal, but '{id}' in unit "
                             "'{unit}' is {kind}{hint}")
                        : N_("target '{target}' names goal '{goal}', but unit '{unit}' has no "
                             "goal '{id}'{hint}"),
                  std::move(args))));
      if (!best.empty()) out.back().suggestion = units[h].id + ":" + best;
    }
}

void check_qualified_without_workspace(const PlanIndex& ix, Diagnostics& out) {
  for (const Target& t : ix.plan().targets)
    for (const Ref& r : t.goals.value)
      if (is_qualified(r.id))
        out.push_back(
            make_error("unknown-unit", r.loc,
                       message(N_("target '{target}' names goal '{goal}' of another plan, but no "
                                  "workspace ({file}) lists this plan; check it from its workspace "
                                  "(--workspace FILE), or name a goal of this plan"),
                               {plan_text("target", t.id.value), plan_text("goal", r.id),
                                plan_text("file", kWorkspaceFileName)})));
}

Diagnostic qualified_activity_target(const std::string& activity_id, const Ref& ref) {
  const QualifiedId q = split_qualified(ref.id);
  return make_error("unknown-target", ref.loc,
                    message(N_("activity '{id}' names '{target}', a target of unit '{unit}'; "
                               "activities serve targets of their own plan (a target of this "
                               "plan may serve a goal of '{unit}')"),
                            {plan_text("id", activity_id), plan_text("target", ref.id),
                             plan_text("unit", q.unit)}));
}

std::vector<CrossLink> cross_links(const std::vector<UnitView>& units, const UnitLookup& lookup) {
  std::vector<CrossLink> links;
  for (std::size_t u = 0; u < units.size(); ++u) {
    if (!units[u].index) continue;
    for (const Target& t : units[u].index->plan().targets)
      for (const Ref& r : t.goals.value) {
        if (!is_qualified(r.id)) continue;
        const QualifiedId q = split_qualified(r.id);
        const std::size_t h = lookup.find(q.unit);
        if (h == std::string::npos || !units[h].index) continue;
        const ItemRef* found = units[h].index->find(q.id);
        if (!found || found->kind != ItemKind::goal) continue;
        links.push_back({u, &r, {h, found->index}});
      }
  }
  return links;
}

Diagnostics check_unit_cycles(const std::vector<UnitView>& units,
                              const std::vector<CrossLink>& links,
                              const std::function<Loc(std::size_t, Loc)>& to_shown) {
  // The graph of units: one edge per (from, to) pair, kept at its first ref.
  const std::size_t n = units.size();
  std::vector<std::vector<const CrossLink*>> out(n);
  {
    std::unordered_set<std::size_t> seen;
    for (const CrossLink& l : links) {
      if (l.to.unit == l.from) continue;  // a unit naming its own goal qualified
      if (seen.insert(l.from * n + l.to.unit).second) out[l.from].push_back(&l);
    }
  }
  Diagnostics found;
  // Depth-first, without recursion; a back edge closes a cycle along the current path.
  enum : char { white, grey, black };
  std::vector<char> color(n, white);
  std::vector<const CrossLink*> via(n, nullptr);  // the edge that reached each grey unit
  struct Frame {
    std::size_t unit, next;
  };
  for (std::size_t s = 0; s < n; ++s) {
    if (color[s] != white) continue;
    std::vector<Frame> stack{{s, 0}};
    color[s] = grey;
    while (!stack.empty()) {
      Frame& f = stack.back();
      if (f.next == out[f.unit].size()) {
        color[f.unit] = black;
        stack.pop_back();
        continue;
      }
      const CrossLink* e = out[f.unit][f.next++];
      const std::size_t v = e->to.unit;
      if (color[v] == white) {
        color[v] = grey;
        via[v] = e;
        stack.push_back({v, 0});
        continue;
      }
      if (color[v] != grey) continue;
      // The path v → … → f.unit, closed by e.
      std::vector<const CrossLink*> steps;
      for (std::size_t w = f.unit; w != v; w = via[w]->from) steps.push_back(via[w]);
      std::reverse(steps.begin(), steps.end());
      std::string chain = units[v].id;
      for (const CrossLink* st : steps) chain += " → " + units[st->to.unit].id;
      chain += " → " + units[v].id;
      Diagnostic d = make_error(
          "unit-cycle", to_shown(e->from, e->ref->loc),
          message(steps.empty()
                      ? N_("unit '{unit}' serves goal '{goal}', and '{other}' serves a goal of "
                           "'{unit}': units serving each other's goals make a cycle ({chain}); "
                           "let one of them serve a goal of its own plan instead")
                      : N_("unit '{unit}' serves goal '{goal}', and '{other}' serves a goal of "
                           "'{unit}' through other units: units serving each other's goals make "
                           "a cycle ({chain}); let one of them serve a goal of its own plan "
                           "instead"),
                  {plan_text("unit", units[e->from].id), plan_text("goal", e->ref->id),
                   plan_text("other", units[v].id), plan_text("chain", chain)}));
      for (const CrossLink* st : steps)
        d.notes.push_back(make_note(
            to_shown(st->from, st->ref->loc),
            message(N_("unit '{unit}' serves goal '{goal}' here"),
                    {plan_text("unit", units[st->from].id), plan_text("goal", st->ref->id)})));
      found.push_back(std::move(d));
    }
  }
  return found;
}

void forget_served_across(const std::vector<UnitView>& units, const std::vector<CrossLink>& links,
                          std::vector<Diagnostics*>& per_unit) {
  std::vector<std::vector<char>> served(units.size());
  bool any = false;
  for (const CrossLink& l : links) {
    if (l.to.unit == l.from) continue;
    auto& s = served[l.to.unit];
    if (s.empty()) s.assign(units[l.to.unit].index->plan().goals.size(), 0);
    s[l.to.goal] = 1;
    any = true;
  }
  if (!any) return;
  for (std::size_t u = 0; u < units.size(); ++u) {
    if (served[u].empty() || !per_unit[u]) continue;
    const auto& goals = units[u].index->plan().goals;
    Diagnostics& d = *per_unit[u];
    d.erase(std::remove_if(d.begin(), d.end(),
                           [&](const Diagnostic& x) {
                             if (x.code != "unserved-goal") return false;
                             for (std::size_t g = 0; g < goals.size(); ++g)
                               if (served[u][g] && goals[g].loc.file == x.loc.file &&
                                   goals[g].loc.line == x.loc.line && goals[g].loc.col == x.loc.col)
                                 return true;
                             return false;
                           }),
            d.end());
  }
}

}  // namespace plan
