#include "check/cross_plan.hpp"

#include <algorithm>
#include <unordered_set>

#include <fmt/format.h>

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
            fmt::format("target '{}' names goal '{}' of unit '{}', but the workspace has no unit "
                        "'{}'{}",
                        t.id.value, r.id, q.unit, q.unit,
                        best.empty() ? "; the units are " + quoted_list(lookup.ids(), " and ")
                                     : did_you_mean_hint(best + ":" + q.id))));
        if (!best.empty()) out.back().suggestion = best + ":" + q.id;
        continue;
      }
      if (!units[h].index || !whole[h]) continue;  // its own errors say why
      const PlanIndex& home = *units[h].index;
      const ItemRef* found = home.find(q.id);
      if (found && found->kind == ItemKind::goal) continue;
      const std::vector<std::string> goals = home.ids_of(ItemKind::goal);
      const std::string best = closest_match(q.id, goals);
      const std::string hint = best.empty()
                                   ? fmt::format("; its goals are {}", quoted_list(goals, " and "))
                                   : did_you_mean_hint(units[h].id + ":" + best);
      out.push_back(make_error(
          "unknown-goal", r.loc,
          found ? fmt::format("target '{}' names '{}' as a goal, but '{}' in unit '{}' is {} {}{}",
                              t.id.value, r.id, q.id, units[h].id,
                              found->kind == ItemKind::activity ? "an" : "a",
                              item_kind_name(found->kind), hint)
                : fmt::format("target '{}' names goal '{}', but unit '{}' has no goal '{}'{}",
                              t.id.value, r.id, units[h].id, q.id,
                              goals.empty() ? "; it has no goals" : hint)));
      if (!best.empty()) out.back().suggestion = units[h].id + ":" + best;
    }
}

void check_qualified_without_workspace(const PlanIndex& ix, Diagnostics& out) {
  for (const Target& t : ix.plan().targets)
    for (const Ref& r : t.goals.value)
      if (is_qualified(r.id))
        out.push_back(make_error(
            "unknown-unit", r.loc,
            fmt::format("target '{}' names goal '{}' of another plan, but no workspace ({}) "
                        "lists this plan; check it from its workspace (--workspace FILE), or "
                        "name a goal of this plan",
                        t.id.value, r.id, kWorkspaceFileName)));
}

Diagnostic qualified_activity_target(const std::string& activity_id, const Ref& ref) {
  const QualifiedId q = split_qualified(ref.id);
  return make_error("unknown-target", ref.loc,
                    fmt::format("activity '{}' names '{}', a target of unit '{}'; activities "
                                "serve targets of their own plan (a target of this plan may "
                                "serve a goal of '{}')",
                                activity_id, ref.id, q.unit, q.unit));
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
          fmt::format("unit '{}' serves goal '{}', and '{}' serves a goal of '{}'{}: units "
                      "serving each other's goals make a cycle ({}); let one of them serve a "
                      "goal of its own plan instead",
                      units[e->from].id, e->ref->id, units[v].id, units[e->from].id,
                      steps.empty() ? "" : " through other units", chain));
      for (const CrossLink* st : steps)
        d.notes.push_back(make_note(
            to_shown(st->from, st->ref->loc),
            fmt::format("unit '{}' serves goal '{}' here", units[st->from].id, st->ref->id)));
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
