#include "render/workspace_view.hpp"

namespace plan {

const Rollup& rollup_of(const WorkspaceView& w) {
  static const Rollup kNone;
  return w.rollup ? *w.rollup : kNone;
}

const UnitFigures& unit_figures(const WorkspaceView& w, std::size_t unit) {
  static const UnitFigures kBlank;
  const Rollup& r = rollup_of(w);
  return unit < r.units.size() ? r.units[unit] : kBlank;
}

std::string shared_goal_id(const WorkspaceView& w, const SharedGoal& g) {
  const WorkspaceUnitView& u = w.units[g.unit];
  const std::string goal = u.index && g.goal < u.index->plan().goals.size()
                               ? u.index->plan().goals[g.goal].id.value
                               : std::string("?");
  return u.id + ":" + goal;
}

StatusCounts movement_counts(const WorkspaceView& w) {
  StatusCounts sum;
  for (const UnitFigures& f : rollup_of(w).units) {
    if (!f.counted) continue;
    for (std::size_t k = 0; k < sum.by_status.size(); ++k)
      sum.by_status[k] += f.counts.by_status[k];
    sum.overdue += f.counts.overdue;
  }
  return sum;
}

std::string workspace_language(const WorkspaceView& w) {
  if (!w.language.empty()) return w.language;
  for (const WorkspaceUnitView& u : w.units)
    if (u.index && u.index->plan().meta() && !u.index->plan().meta()->language.value.empty())
      return u.index->plan().meta()->language.value;
  return "";
}

}  // namespace plan
