#include "pipeline/history.hpp"

#include <utility>

#include "util/date.hpp"

namespace plan {

std::unique_ptr<MeasuredPlan> measure_revision(Repository& repo, const CommitInfo& commit,
                                               const Date& as_of, const LoadOptions& limits,
                                               Message& error) {
  Message why;
  LoadResult load = repo.load(commit, why, limits);
  if (!why.empty()) {
    error = std::move(why);
    return nullptr;
  }
  return measure(check_loaded(std::move(load)), as_of);
}

bool walk_history(const std::string& plan_dir, const std::string& from, bool first_parent,
                  const LoadOptions& limits, std::vector<HistoryPoint>& points, Message& error) {
  auto repo = Repository::open(plan_dir, error);
  if (!repo) return false;
  auto head = repo->resolve(from, error);
  if (!head) return false;
  for (const CommitInfo& c : repo->plan_history(*head, first_parent, error)) {
    HistoryPoint p;
    p.commit = c;
    Message why;  // no plan folder at this commit: a gap like a file that does not parse
    if (auto m = measure_revision(*repo, c, parse_date(c.date), limits, why)) {
      const Plan& plan = m->checked->load.plan;
      p.loaded = plan.unread_files.empty() && !plan.files.empty();
      p.completion = m->stats.plan;
      p.errors = m->checked->errors;
      for (std::size_t g = 0; g < plan.goals.size(); ++g)
        p.goals.emplace_back(plan.goals[g].id.value, m->stats.goals[g]);
    } else {
      p.loaded = false;
    }
    points.push_back(std::move(p));
  }
  return error.empty();
}

}  // namespace plan
