#include "pipeline/staleness.hpp"

#include "git/change_walk.hpp"

namespace plan {

std::vector<ChangeLog> read_change_logs(const std::vector<std::string>& plan_dirs,
                                        const Date& as_of) {
  std::vector<ChangeLog> logs(plan_dirs.size());
  if (plan_dirs.empty()) return logs;
  if (!as_of.valid) return logs;  // no date to measure against: nothing is known
  ChangeWalk walk = walk_changes(plan_dirs, as_of);
  for (std::size_t i = 0; i < logs.size(); ++i) {
    FolderChanges& f = walk.folders[i];
    ChangeLog& log = logs[i];
    if (!f.in_repository) {
      log.no_repository = f.error.empty();
      log.why_unknown = f.error.empty() ? "not in a git repository" : f.error;
      continue;
    }
    if (!f.any_commit) continue;  // the as-of date is before the history: nothing to say
    log.known = true;
    log.shallow = f.shallow;
    log.boundary = std::move(f.boundary);
    log.last_change = std::move(f.last_change);
    log.activity_dates = std::move(f.activity_dates);
  }
  return logs;
}

Staleness plan_staleness(const MeasuredPlan& m, const std::string& plan_dir, bool history,
                         int fallback_days) {
  const int days = stale_after_of(m.checked->load.plan, fallback_days);
  ChangeLog log;
  if (history) log = std::move(read_change_logs({plan_dir}, m.stats.as_of).front());
  return staleness_of(*m.checked->index, log, m.stats.as_of, days);
}

}  // namespace plan
