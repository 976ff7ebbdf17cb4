#include "stats/stats.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <unordered_map>

#include "util/date.hpp"
#include "util/text.hpp"

namespace plan {

std::size_t StatusCounts::total() const {
  std::size_t n = 0;
  for (std::size_t c : by_status) n += c;
  return n;
}

PaceMark pace_mark(const Completion& completion, const std::optional<double>& pace) {
  if (!completion || !pace) return PaceMark::none;
  const double delta = *completion - *pace;
  if (delta > 0.05) return PaceMark::ahead;
  if (delta < -0.05) return PaceMark::behind;
  return PaceMark::on_pace;
}

const char* pace_mark_name(PaceMark m) {
  switch (m) {
    case PaceMark::behind:
      return "behind";
    case PaceMark::on_pace:
      return "on-pace";
    case PaceMark::ahead:
      return "ahead";
    case PaceMark::none:
      break;
  }
  return "";
}

void StatusCounts::add(const Activity& a, bool overdue_flag) {
  for (std::size_t k = 0; k < std::size(kStatuses); ++k)
    if (a.status.value == kStatuses[k]) ++by_status[k];
  if (overdue_flag) ++overdue;
}

std::size_t StatusCounts::of(Status s) const {
  for (std::size_t i = 0; i < std::size(kStatuses); ++i)
    if (kStatuses[i] == s) return by_status[i];
  return 0;
}

namespace {

bool live(const Activity& a) {
  return a.status.value != Status::dropped;
}

// A weight that cannot break a mean: the check stage reports weights that are not above 0
// (and NaN, which is not above 0 either); an infinite one counts as the largest finite.
double weight_of(const Activity& a) {
  const double w = a.weight.value;
  if (!(w > 0)) return 1.0;
  return std::isfinite(w) ? w : DBL_MAX;
}

// A fraction in 0..1 from any double: NaN (nothing sensible measured) is 0.
double fraction(double v) {
  return std::isnan(v) ? 0.0 : std::clamp(v, 0.0, 1.0);
}

// A weighted mean of fractions that stays finite for any finite weights: sums are kept in
// units of the largest weight so far, so a thousand weights of 1e308 cannot overflow to
// infinity (and infinity over infinity to NaN).
struct WeightedMean {
  double sum = 0, weights = 0, scale = 0;
  void add(double value, double weight) {
    if (weight > scale) {
      if (scale > 0) {
        sum *= scale / weight;
        weights *= scale / weight;
      }
      scale = weight;
    }
    const double w = weight / scale;
    sum += fraction(value) * w;
    weights += w;
  }
  Completion result() const {
    return weights > 0 ? Completion(fraction(sum / weights)) : std::nullopt;
  }
};

Completion own_completion(const Activity& a) {
  if (a.measure) {
    const double low = a.measure->planned.value.low;
    const double actual =
        std::isnan(a.measure->actual.value) ? 0.0 : std::max(0.0, a.measure->actual.value);
    // An invalid plan, reported by the checks: nothing or something was done.
    if (!(low > 0) || !std::isfinite(low)) return actual > 0 ? 1.0 : 0.0;
    return fraction(actual / low);
  }
  if (a.percent.given()) return fraction(a.percent.value / 100.0);
  return 0.0;
}

// Each activity's completion, bottom-up. Children come after their parent in document
// order, so walking backwards finishes every child before its parent: each activity is
// visited once, and each parent link once.
void complete_activities(const std::vector<ActivityEntry>& acts, Stats& s) {
  s.activities.assign(acts.size(), std::nullopt);
  std::vector<WeightedMean> child_means(acts.size());
  std::vector<bool> has_live_child(acts.size(), false);
  for (std::size_t i = acts.size(); i-- > 0;) {
    const Activity& a = *acts[i].activity;
    if (!live(a)) continue;
    Completion c;
    if (a.status.value == Status::done)
      c = 1.0;
    else if (has_live_child[i])
      c = child_means[i].result();
    else
      c = own_completion(a);
    s.activities[i] = c;
    if (acts[i].parent >= 0 && c) {
      auto p = static_cast<std::size_t>(acts[i].parent);
      child_means[p].add(*c, weight_of(a));
      has_live_child[p] = true;
    }
  }
}

// Which section each activity is in, by the section's index.
using SectionOf = std::unordered_map<const Section*, std::size_t>;
SectionOf sections_by_address(const Plan& plan) {
  SectionOf section_of;
  for (std::size_t i = 0; i < plan.sections.size(); ++i) section_of[&plan.sections[i]] = i;
  return section_of;
}

// Counts and overdue, at every depth, for the plan and each section.
void count_activities(const Plan& plan, const std::vector<ActivityEntry>& acts,
                      const SectionOf& section_of, const Date& as_of, Stats& s) {
  const long today = as_of.valid ? day_number(as_of) : 0;
  s.overdue.assign(acts.size(), false);
  s.section_counts.assign(plan.sections.size(), {});
  for (std::size_t i = 0; i < acts.size(); ++i) {
    const Activity& a = *acts[i].activity;
    const bool closed = a.status.value == Status::done || a.status.value == Status::dropped;
    s.overdue[i] = !closed && as_of.valid && a.due.value.valid && day_number(a.due.value) < today;
    s.counts.add(a, s.overdue[i]);
    s.section_counts[section_of.at(acts[i].section)].add(a, s.overdue[i]);
  }
}

// Sections and the plan: top-level live activities, weighted.
void complete_sections(const Plan& plan, const std::vector<ActivityEntry>& acts,
                       const SectionOf& section_of, Stats& s) {
  WeightedMean plan_mean;
  std::vector<WeightedMean> means(plan.sections.size());
  for (std::size_t i = 0; i < acts.size(); ++i) {
    if (acts[i].parent >= 0 || !s.activities[i]) continue;
    const double w = weight_of(*acts[i].activity);
    means[section_of.at(acts[i].section)].add(*s.activities[i], w);
    plan_mean.add(*s.activities[i], w);
  }
  s.sections.assign(plan.sections.size(), std::nullopt);
  for (std::size_t i = 0; i < means.size(); ++i) s.sections[i] = means[i].result();
  s.plan = plan_mean.result();
}

// A file that could not be read may hold any activity: what sums over the whole plan is
// not known. A section from such a file (the first document of a file with two) is not
// whole either.
void forget_what_unread_files_hide(const Plan& plan, Stats& s) {
  s.complete = plan.unread_files.empty();
  if (s.complete) return;
  s.plan.reset();
  for (std::size_t i = 0; i < plan.sections.size(); ++i)
    if (std::find(plan.unread_files.begin(), plan.unread_files.end(), plan.sections[i].loc.file) !=
        plan.unread_files.end())
      s.sections[i].reset();
}

// Targets: live activities whose own `targets` name them, at any depth. An inherited
// link does not count again.
void complete_targets(const Plan& plan, const std::vector<ActivityEntry>& acts, Stats& s) {
  std::unordered_map<std::string, std::size_t> target_by_id;
  for (std::size_t i = 0; i < plan.targets.size(); ++i)
    target_by_id.emplace(ascii_lower(plan.targets[i].id.value), i);
  s.target_activities.assign(plan.targets.size(), {});
  std::vector<WeightedMean> target_means(plan.targets.size());
  for (std::size_t i = 0; i < acts.size(); ++i) {
    const Activity& a = *acts[i].activity;
    std::vector<std::size_t> seen;  // an activity naming a target twice counts once
    for (const Ref& r : a.targets.value) {
      auto it = target_by_id.find(ascii_lower(r.id));
      if (it == target_by_id.end() || std::find(seen.begin(), seen.end(), it->second) != seen.end())
        continue;
      seen.push_back(it->second);
      s.target_activities[it->second].push_back(i);
      if (s.activities[i]) target_means[it->second].add(*s.activities[i], weight_of(a));
    }
  }
  s.targets.assign(plan.targets.size(), std::nullopt);
  s.target_counts.assign(plan.targets.size(), {});
  for (std::size_t i = 0; i < plan.targets.size(); ++i) {
    if (s.complete) s.targets[i] = target_means[i].result();
    for (std::size_t a : s.target_activities[i])
      s.target_counts[i].add(*acts[a].activity, s.overdue[a]);
    if (!s.targets[i] && s.complete) s.gap_targets.push_back(i);
  }
}

// Goals: the plain mean of their targets' completions that are not null; each activity
// counted once per goal.
void complete_goals(const Plan& plan, const std::vector<ActivityEntry>& acts, Stats& s) {
  std::unordered_map<std::string, std::size_t> goal_by_id;
  for (std::size_t i = 0; i < plan.goals.size(); ++i)
    goal_by_id.emplace(ascii_lower(plan.goals[i].id.value), i);
  s.goal_targets.assign(plan.goals.size(), {});
  std::vector<WeightedMean> goal_means(plan.goals.size());
  for (std::size_t t = 0; t < plan.targets.size(); ++t) {
    std::vector<std::size_t> seen;
    for (const Ref& r : plan.targets[t].goals.value) {
      auto it = goal_by_id.find(ascii_lower(r.id));
      if (it == goal_by_id.end() || std::find(seen.begin(), seen.end(), it->second) != seen.end())
        continue;
      seen.push_back(it->second);
      s.goal_targets[it->second].push_back(t);
      if (s.targets[t]) goal_means[it->second].add(*s.targets[t], 1.0);
    }
  }
  s.goals.assign(plan.goals.size(), std::nullopt);
  s.goal_counts.assign(plan.goals.size(), {});
  std::vector<std::size_t> counted_for(acts.size(), plan.goals.size());  // last goal counted
  for (std::size_t g = 0; g < plan.goals.size(); ++g) {
    s.goals[g] = goal_means[g].result();
    if (!s.goals[g] && s.complete) s.gap_goals.push_back(g);
    for (std::size_t t : s.goal_targets[g])
      for (std::size_t a : s.target_activities[t]) {
        if (counted_for[a] == g) continue;  // reached through two of the goal's targets
        counted_for[a] = g;
        s.goal_counts[g].add(*acts[a].activity, s.overdue[a]);
      }
  }
}

// Pace: the share of the period that has passed before the as-of day.
std::optional<double> pace_on(const Plan& plan, const Date& as_of) {
  const Meta* m = plan.meta();
  if (!m || !m->start.value.valid || !m->end.value.valid || !as_of.valid ||
      m->end.value < m->start.value)
    return std::nullopt;
  const double days =
      static_cast<double>(day_number(m->end.value) - day_number(m->start.value) + 1);
  const double passed = static_cast<double>(day_number(as_of) - day_number(m->start.value));
  return std::clamp(passed / days, 0.0, 1.0);
}

}  // namespace

Stats compute_stats(const PlanIndex& index, const Date& as_of) {
  const Plan& plan = index.plan();
  const auto& acts = index.activities();
  Stats s;
  s.as_of = as_of;
  complete_activities(acts, s);
  const SectionOf section_of = sections_by_address(plan);
  count_activities(plan, acts, section_of, as_of, s);
  complete_sections(plan, acts, section_of, s);
  forget_what_unread_files_hide(plan, s);
  complete_targets(plan, acts, s);
  complete_goals(plan, acts, s);
  s.pace = pace_on(plan, as_of);
  return s;
}

}  // namespace plan
