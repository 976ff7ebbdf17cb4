#include "stats/rollup.hpp"

#include <unordered_map>

#include "util/text.hpp"
#include "workspace.hpp"

namespace plan {

namespace {

// A mean of completions, each with a weight; null when nothing was added.
struct Mean {
  double sum = 0, weights = 0;
  void add(double value, double weight) {
    sum += value * weight;
    weights += weight;
  }
  Completion result() const { return weights > 0 ? Completion(sum / weights) : std::nullopt; }
};

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

}  // namespace

Rollup compute_rollup(const std::vector<RollupUnit>& units, const Date& as_of) {
  static_cast<void>(as_of);  // the units' stats are already measured as of it
  Rollup r;
  const std::size_t n = units.size();
  std::unordered_map<std::string, std::size_t> by_id;
  for (std::size_t u = 0; u < n; ++u) by_id.emplace(ascii_lower(units[u].id), u);

  // Each unit's own figures, and the movement's.
  Mean movement;
  r.units.resize(n);
  for (std::size_t u = 0; u < n; ++u) {
    UnitFigures& f = r.units[u];
    const RollupUnit& ru = units[u];
    f.counted = ru.counted && ru.stats && ru.index;
    if (!ru.stats) continue;
    f.counts = ru.stats->counts;
    f.pace = ru.stats->pace;
    if (!f.counted) continue;
    f.completion = ru.stats->plan;
    f.pace_mark = pace_mark(f.completion, f.pace);
    if (f.completion) movement.add(*f.completion, ru.weight);
  }
  r.movement = movement.result();

  // Every target's goal named in another unit, resolved once: (from unit, target, home, goal).
  struct Link {
    std::size_t from, target, home, goal;
  };
  std::vector<Link> links;
  std::vector<char> home(n, 0);  // some other unit names one of its goals
  for (std::size_t u = 0; u < n; ++u) {
    if (!units[u].index) continue;
    const auto& targets = units[u].index->plan().targets;
    for (std::size_t t = 0; t < targets.size(); ++t)
      for (const Ref& ref : targets[t].goals.value) {
        if (!is_qualified(ref.id)) continue;
        const QualifiedId q = split_qualified(ref.id);
        auto it = by_id.find(ascii_lower(q.unit));
        if (it == by_id.end() || !units[it->second].index) continue;
        const ItemRef* g = units[it->second].index->find(q.id);
        if (!g || g->kind != ItemKind::goal) continue;
        links.push_back({u, t, it->second, g->index});
        if (it->second != u) home[it->second] = 1;
      }
  }

  // The shared goals: every goal of every home unit, in the units' order.
  std::vector<std::size_t> first_goal(n, kNone);  // index into r.goals of each home's goal 0
  for (std::size_t u = 0; u < n; ++u) {
    if (!home[u]) continue;
    first_goal[u] = r.goals.size();
    const std::size_t count = units[u].index->plan().goals.size();
    for (std::size_t g = 0; g < count; ++g) r.goals.push_back(SharedGoal{u, g, std::nullopt, {}});
  }

  // Contributions, unit by unit (so each goal's list is in the units' order): a unit's
  // targets naming the goal, qualified or (the home unit's own) plain.
  std::vector<char> serves(n, 0);
  auto add = [&](std::size_t shared, std::size_t u, std::size_t t) {
    auto& list = r.goals[shared].contributions;
    if (list.empty() || list.back().unit != u) list.push_back(Contribution{u, {}, std::nullopt});
    auto& targets = list.back().targets;
    for (std::size_t x : targets)
      if (x == t) return;  // a target naming the goal twice counts once
    targets.push_back(t);
    serves[u] = 1;
  };
  std::size_t next_link = 0;
  for (std::size_t u = 0; u < n; ++u) {
    if (home[u] && units[u].stats) {
      // The home unit's own targets: its plan's links, as its stats resolved them.
      const Stats& s = *units[u].stats;
      for (std::size_t g = 0; g < s.goal_targets.size(); ++g)
        for (std::size_t t : s.goal_targets[g]) add(first_goal[u] + g, u, t);
    }
    for (; next_link < links.size() && links[next_link].from == u; ++next_link) {
      const Link& l = links[next_link];
      if (home[l.home]) add(first_goal[l.home] + l.goal, u, l.target);
    }
  }

  // Completions: a unit's is the plain mean of its targets'; a goal's, the units' weighted.
  for (SharedGoal& g : r.goals) {
    Mean across;
    for (Contribution& c : g.contributions) {
      const RollupUnit& ru = units[c.unit];
      if (!r.units[c.unit].counted) continue;
      Mean own;
      for (std::size_t t : c.targets)
        if (t < ru.stats->targets.size() && ru.stats->targets[t]) own.add(*ru.stats->targets[t], 1);
      c.completion = own.result();
      if (c.completion) across.add(*c.completion, ru.weight);
    }
    g.completion = across.result();
  }
  for (std::size_t u = 0; u < n; ++u)
    if (r.units[u].counted && !serves[u]) r.serving_none.push_back(u);
  return r;
}

}  // namespace plan
