#include "stats/staleness.hpp"

#include "util/date.hpp"
#include "util/text.hpp"

namespace plan {

std::vector<StaleActivity> stale_activities(const PlanIndex& index, const ChangeLog& log,
                                            const Date& as_of, int stale_after_days) {
  std::vector<StaleActivity> out;
  if (!log.known || !as_of.valid || log.activity_dates.empty()) return out;
  const long today = day_number(as_of);
  const auto& acts = index.activities();
  // Each activity's last change, then a parent's made as late as its latest descendant's:
  // a parent's progress is its sub-activities', so reporting on them is reporting on it.
  // Children follow their parent in document order, so one pass backwards carries it up.
  std::vector<long> last(acts.size(), -1);
  std::vector<const std::string*> text(acts.size(), nullptr);
  for (std::size_t i = 0; i < acts.size(); ++i) {
    const Activity& a = *acts[i].activity;
    if (!a.id.given()) continue;
    const auto it = log.activity_dates.find(ascii_lower(a.id.value));
    if (it == log.activity_dates.end()) continue;  // its history is not known
    const Date changed = parse_date(it->second);
    if (!changed.valid) continue;
    last[i] = day_number(changed);
    text[i] = &it->second;
  }
  for (std::size_t i = acts.size(); i-- > 0;) {
    const long p = acts[i].parent;
    if (p >= 0 && last[i] > last[static_cast<std::size_t>(p)]) {
      last[static_cast<std::size_t>(p)] = last[i];
      text[static_cast<std::size_t>(p)] = text[i];
    }
  }
  for (std::size_t i = 0; i < acts.size(); ++i) {
    const Activity& a = *acts[i].activity;
    const Status s = a.status.value;
    const bool started = s == Status::in_progress || (s == Status::planned && a.start.value.valid &&
                                                      day_number(a.start.value) <= today);
    if (!started || !a.id.given() || last[i] < 0) continue;
    const long days = today - last[i];
    if (days > stale_after_days) out.push_back({i, *text[i], days});
  }
  return out;
}

int stale_after_of(const Plan& plan, int fallback) {
  const Meta* m = plan.meta();
  return m && m->stale_after.given() ? m->stale_after.value : fallback;
}

Staleness staleness_of(const PlanIndex& index, const ChangeLog& log, const Date& as_of,
                       int stale_after_days) {
  Staleness s;
  s.known = log.known;
  s.stale_after = stale_after_days;
  if (!log.known) {
    if (!log.why_unknown.empty()) s.note = "staleness not known: " + log.why_unknown;
    s.why_unknown = log.why_unknown;
    s.no_repository = log.no_repository;
    return s;
  }
  s.shallow = log.shallow;
  s.boundary = log.boundary;
  if (log.shallow)
    s.note = log.boundary.empty()
                 ? "staleness: a shallow clone, changes before its oldest commit are not known"
                 : "staleness: a shallow clone, changes before " + log.boundary + " are not known";
  s.stale = stale_activities(index, log, as_of, stale_after_days);
  return s;
}

}  // namespace plan
