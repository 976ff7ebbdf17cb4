// Rules about single values: statuses, dates, the order of a planned range.
#include <fmt/format.h>

#include "check/rules.hpp"
#include "check/wording.hpp"
#include "util/date.hpp"
#include "util/text.hpp"

namespace plan {

// Numbers as people write them: 5, 2.5, not 5.000000.
static std::string num(double v) {
  return fmt::format("{}", v);
}

void check_statuses(const PlanIndex& ix, Diagnostics& out) {
  std::vector<std::string> names;
  for (Status s : kStatuses) names.push_back(status_name(s));
  for (const ActivityEntry& e : ix.activities()) {
    const Activity& a = *e.activity;
    if (a.status.value != Status::unknown) continue;
    std::string best = closest_match(a.status_text, names);
    out.push_back(make_error(
        "unknown-status", a.status.loc,
        message(N_("activity '{id}' has status '{status}', which is not one of {statuses}{hint}"),
                {plan_text("id", a.id.value), plan_text("status", a.status_text),
                 nested("statuses", quoted_choices(names)),
                 nested("hint", did_you_mean_message(best))})));
    out.back().suggestion = std::move(best);
  }
  const std::vector<std::string> plan_statuses{"draft", "final"};
  for (const Meta& m : ix.plan().metas) {
    if (!m.status.given() || m.status.value == "draft" || m.status.value == "final") continue;
    std::string best = closest_match(m.status.value, plan_statuses);
    out.push_back(make_error("unknown-status", m.status.loc,
                             message(N_("the plan's status '{status}' is not 'draft' or "
                                        "'final'{hint}"),
                                     {plan_text("status", m.status.value),
                                      nested("hint", did_you_mean_message(best))})));
    out.back().suggestion = std::move(best);
  }
}

// `what` names the date ("'due' of activity 'A1'"); it is made only for a message.
template <class What>
static void check_date(const Located<Date>& d, What what, Diagnostics& out) {
  if (!d.given() || d.value.valid) return;
  out.push_back(
      make_error("bad-date", d.loc,
                 message(N_("{what} is {why}"),
                         {nested("what", what()), nested("why", bad_date_reason(d.value))})));
}

void check_dates(const PlanIndex& ix, Diagnostics& out) {
  for (const Meta& m : ix.plan().metas) {
    check_date(
        m.start, [] { return message(N_("the start of the plan's period")); }, out);
    check_date(
        m.end, [] { return message(N_("the end of the plan's period")); }, out);
    check_date(
        m.published, [] { return message(N_("the plan's 'published' date")); }, out);
    if (m.start.value.valid && m.end.value.valid && m.end.value < m.start.value)
      out.push_back(make_error(
          "bad-period", m.end.loc,
          message(N_("the plan's period ends ({end}) before it starts "
                     "({start})"),
                  {arg("end", m.end.value.text()), arg("start", m.start.value.text())})));
  }
  for (const ActivityEntry& e : ix.activities()) {
    const Activity& a = *e.activity;
    check_date(
        a.due,
        [&] { return message(N_("'due' of activity '{id}'"), {plan_text("id", a.id.value)}); },
        out);
    check_date(
        a.start,
        [&] { return message(N_("'start' of activity '{id}'"), {plan_text("id", a.id.value)}); },
        out);
    if (a.due.value.valid && a.start.value.valid && a.due.value < a.start.value)
      out.push_back(make_error("bad-period", a.due.loc,
                               message(N_("activity '{id}' is due ({due}) before it starts "
                                          "({start})"),
                                       {plan_text("id", a.id.value), arg("due", a.due.value.text()),
                                        arg("start", a.start.value.text())})));
  }
}

// Each end of a range and every number are bounded when the file is read (load/build.cpp),
// so values out of range never reach the model; an order is a rule about two of them.
void check_measures(const PlanIndex& ix, Diagnostics& out) {
  for (const ActivityEntry& e : ix.activities()) {
    const Activity& a = *e.activity;
    if (!a.measure) continue;
    const Measure& m = *a.measure;
    const Range& r = m.planned.value;
    if (r.low > r.high)
      out.push_back(make_error(
          "bad-range", m.planned.loc,
          message(N_("the planned range of activity '{id}' runs from {from} down to "
                     "{to}; write the low end first: {to}-{from}"),
                  {plan_text("id", a.id.value), arg("from", num(r.low)), arg("to", num(r.high))})));
  }
}

}  // namespace plan
