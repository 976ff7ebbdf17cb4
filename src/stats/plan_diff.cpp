#include "stats/plan_diff.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "util/text.hpp"

namespace plan {

namespace {

bool same(const Completion& a, const Completion& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || std::fabs(*a - *b) < 1e-9;
}

std::string number(double v) {
  return std::isfinite(v) ? fmt::format("{}", v) : "–";
}

ActivityState state_of(const Activity& a, const Completion& c) {
  ActivityState s;
  s.status = status_name(a.status.value);
  if (a.measure) {
    const Range& r = a.measure->planned.value;
    s.measure = number(a.measure->actual.value) + "/" +
                (r.low == r.high ? number(r.low) : number(r.low) + "-" + number(r.high));
  }
  if (a.percent.given()) s.percent = number(a.percent.value) + "%";
  if (a.due.given()) s.due = a.due.value.text();
  s.completion = c;
  return s;
}

// An error without its line: lines move when text is added above, the problem does not.
std::map<std::string, DiffError> errors_of(const PlanState& m) {
  std::map<std::string, DiffError> out;
  const auto& files = m.index->plan().files;
  for (const Diagnostic& d : *m.diags)
    if (d.severity == Severity::error) {
      const std::string file = d.loc.file < files.size() ? files[d.loc.file] : "";
      std::string key = fmt::format("{}: {} [{}]", file, d.message, d.code);
      out.emplace(key, DiffError{key, file, d.code, d.text});
    }
  return out;
}

// The errors of `of` whose keys `other` does not have, in key order.
std::vector<DiffError> only_in(const std::map<std::string, DiffError>& of,
                               const std::map<std::string, DiffError>& other) {
  std::vector<DiffError> out;
  for (const auto& [key, e] : of)
    if (other.count(key) == 0) out.push_back(e);
  return out;
}

template <class Item>
void completions(const std::vector<Item>& a_items, const std::vector<Completion>& a_c,
                 const std::vector<Item>& b_items, const std::vector<Completion>& b_c,
                 std::vector<CompletionChange>& out) {
  std::map<std::string, std::size_t> before;
  for (std::size_t i = 0; i < a_items.size(); ++i)
    before.emplace(ascii_lower(a_items[i].id.value), i);
  std::set<std::string> seen;
  for (std::size_t i = 0; i < b_items.size(); ++i) {
    const std::string key = ascii_lower(b_items[i].id.value);
    seen.insert(key);
    auto it = before.find(key);
    Completion was = it == before.end() ? std::nullopt : a_c[it->second];
    if (it == before.end() || !same(was, b_c[i]))
      out.push_back({b_items[i].id.value, b_items[i].title.value, was, b_c[i]});
  }
  for (std::size_t i = 0; i < a_items.size(); ++i)
    if (!seen.count(ascii_lower(a_items[i].id.value)))
      out.push_back({a_items[i].id.value, a_items[i].title.value, a_c[i], std::nullopt});
}

}  // namespace

PlanDiff diff_plans(const PlanState& a, const PlanState& b) {
  PlanDiff d;
  d.before = a.stats->plan;
  d.after = b.stats->plan;
  d.before_broken = !a.index->plan().unread_files.empty();
  d.after_broken = !b.index->plan().unread_files.empty();
  auto files = [](const Plan& p, std::size_t& count, std::vector<std::string>& unread) {
    count = p.files.empty() ? 0 : p.files.size() - 1;
    for (std::uint32_t f : p.unread_files) unread.push_back(f < p.files.size() ? p.files[f] : "");
  };
  files(a.index->plan(), d.before_files, d.before_unread);
  files(b.index->plan(), d.after_files, d.after_unread);
  // Figures of a side that did not wholly load are not the plan's (compute_stats leaves
  // them null); say nothing else about its completion.
  if (d.before_broken) d.before.reset();
  if (d.after_broken) d.after.reset();
  const auto ea = errors_of(a), eb = errors_of(b);
  d.new_errors = only_in(eb, ea);
  d.fixed_errors = only_in(ea, eb);
  if (d.before_broken || d.after_broken) return d;
  completions(a.index->plan().goals, a.stats->goals, b.index->plan().goals, b.stats->goals,
              d.goals);
  completions(a.index->plan().targets, a.stats->targets, b.index->plan().targets, b.stats->targets,
              d.targets);

  std::map<std::string, std::size_t> before;
  const auto& aa = a.index->activities();
  const auto& ba = b.index->activities();
  for (std::size_t i = 0; i < aa.size(); ++i)
    before.emplace(ascii_lower(aa[i].activity->id.value), i);
  std::set<std::string> seen;
  for (std::size_t i = 0; i < ba.size(); ++i) {
    const Activity& act = *ba[i].activity;
    const std::string key = ascii_lower(act.id.value);
    seen.insert(key);
    ActivityState now = state_of(act, b.stats->activities[i]);
    auto it = before.find(key);
    if (it == before.end()) {
      d.activities.push_back({act.id.value, act.title.value, std::nullopt, now});
      continue;
    }
    ActivityState was = state_of(*aa[it->second].activity, a.stats->activities[it->second]);
    if (!(was == now)) d.activities.push_back({act.id.value, act.title.value, was, now});
  }
  for (std::size_t i = 0; i < aa.size(); ++i)
    if (!seen.count(ascii_lower(aa[i].activity->id.value)))
      d.activities.push_back({aa[i].activity->id.value, aa[i].activity->title.value,
                              state_of(*aa[i].activity, a.stats->activities[i]), std::nullopt});
  return d;
}

}  // namespace plan
