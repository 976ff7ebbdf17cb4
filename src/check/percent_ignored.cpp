// A `percent` that no completion rule reads: an activity's completion comes from its live
// sub-activities first, then its measure, and only then its percent. Written beside either,
// the percent is a figure the reader believes and the reports ignore.
#include <fmt/format.h>

#include "check/rules.hpp"

namespace plan {

void check_percent_ignored(const PlanIndex& ix, Diagnostics& out) {
  for (const ActivityEntry& e : ix.activities()) {
    const Activity& a = *e.activity;
    // A dropped activity is in no figure: nothing of it is read, the percent no less.
    if (!a.percent.given() || a.status.value == Status::dropped) continue;
    std::size_t live = 0;
    for (const Activity& c : a.activities)
      if (c.status.value != Status::dropped) ++live;
    std::string why;
    if (live > 0)
      why = fmt::format("its completion comes from its {} sub-activit{}", live,
                        live == 1 ? "y" : "ies");
    else if (a.measure)
      why = "its completion comes from its measure";
    else
      continue;
    out.push_back(make_warning(
        "percent-ignored", a.percent.loc,
        fmt::format("the percent of activity '{}' is not counted: {}; remove it (plan set {} "
                    "--unset percent)",
                    a.id.value, why, a.id.value)));
  }
}

}  // namespace plan
