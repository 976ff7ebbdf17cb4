// A `percent` that no completion rule reads: an activity's completion comes from its live
// sub-activities first, then its measure, and only then its percent. Written beside either,
// the percent is a figure the reader believes and the reports ignore.
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
    Message why;
    if (live > 0)
      why = plural_message("its completion comes from its {n} sub-activity",
                           "its completion comes from its {n} sub-activities", live,
                           {arg("n", live)});
    else if (a.measure)
      why = message(N_("its completion comes from its measure"));
    else
      continue;
    out.push_back(make_warning(
        "percent-ignored", a.percent.loc,
        message(N_("the percent of activity '{id}' is not counted: {why}; remove it (plan set "
                   "{id} --unset percent)"),
                {plan_text("id", a.id.value), nested("why", std::move(why))})));
  }
}

}  // namespace plan
