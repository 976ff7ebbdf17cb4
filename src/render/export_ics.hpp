// `plan export --format ics`: the plan as an iCalendar feed (RFC 5545, written with libical).
#pragma once

#include <string>

#include "plan_index.hpp"
#include "stats/stats.hpp"

namespace plan {

// A VCALENDAR: a VTODO for each activity with a due date and a VEVENT for the plan's period,
// with UIDs stable across runs (from the plan's and the activity's ids).
std::string export_ics(const PlanIndex& index, const Stats& stats);

}  // namespace plan
