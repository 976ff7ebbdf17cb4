// The calendar is written one VTODO at a time: libical serialises each activity's component
// and frees it, so a plan of 100,000 activities never holds 100,000 components.
#include "render/export_ics.hpp"

#include <cstdlib>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <libical/ical.h>

#include "render/export_text.hpp"
#include "render/figures.hpp"
#include "util/date.hpp"

namespace plan {

namespace {

// The UIDs' fixed part: `.invalid` is reserved (RFC 2606), so it is never someone's domain.
constexpr const char* kUidDomain = "@plan.invalid";

struct ComponentFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

std::string serialise(icalcomponent* c) {
  char* text = icalcomponent_as_ical_string_r(c);
  std::string out = text ? text : "";
  std::free(text);
  return out;
}

icaltimetype ical_date(const Date& d) {
  icaltimetype t = icaltime_null_date();
  t.year = d.year;
  t.month = d.month;
  t.day = d.day;
  return t;
}

// DTSTAMP must be a UTC date-time: midnight of the as-of date, never the wall clock, so
// that the same plan and date give the same bytes.
icaltimetype stamp_of(const Date& as_of) {
  icaltimetype t = icaltime_null_time();
  t.year = as_of.year;
  t.month = as_of.month;
  t.day = as_of.day;
  t.zone = icaltimezone_get_utc_timezone();
  return t;
}

// A TEXT property: libical escapes `\`, `;`, `,` and line breaks; inert_text has taken out
// what it would write raw (control characters).
void add_text(icalcomponent* c, icalproperty_kind kind, const std::string& text, bool lines) {
  if (text.empty()) return;
  icalproperty* p = icalproperty_new(kind);
  icalproperty_set_value(p, icalvalue_new_text(inert_text(text, lines).c_str()));
  icalcomponent_add_property(c, p);
}

void add_x_text(icalcomponent* c, const char* name, const std::string& text) {
  if (text.empty()) return;
  icalproperty* p = icalproperty_new(ICAL_X_PROPERTY);
  icalproperty_set_x_name(p, name);
  icalproperty_set_value(p, icalvalue_new_text(inert_text(text, false).c_str()));
  icalcomponent_add_property(c, p);
}

// libical writes a CATEGORIES value as it is given, commas unescaped (a comma separates
// categories), so a category is the goal's id: ids have no commas, and one that is not a
// valid id (the check reports it) loses them.
std::string category_of(const std::string& id) {
  std::string out;
  for (char ch : inert_text(id, false))
    if (ch != ',' && ch != '\\') out += ch;
  return out;
}

icalproperty_status status_of(Status s) {
  switch (s) {
    case Status::in_progress:
      return ICAL_STATUS_INPROCESS;
    case Status::done:
      return ICAL_STATUS_COMPLETED;
    case Status::dropped:
      return ICAL_STATUS_CANCELLED;
    case Status::planned:
    case Status::blocked:  // waits for someone to act: no status of RFC 5545 says more
    case Status::unknown:
      break;
  }
  return ICAL_STATUS_NEEDSACTION;
}

std::string titled(const std::string& id, const std::string& title) {
  if (title.empty()) return id;
  if (id.empty()) return title;
  return id + " " + title;
}

class IcsWriter {
 public:
  IcsWriter(const PlanIndex& index, const Stats& stats)
      : index_(index), stats_(stats), labels_(index.plan()), stamp_(stamp_of(stats.as_of)) {
    const Meta* meta = index.plan().meta();
    plan_id_ = meta && !meta->id.value.empty() ? inert_text(meta->id.value, false) : "plan";
  }

  std::string write() {
    std::string out = header();
    const auto& activities = index_.activities();
    out.reserve(out.size() + activities.size() * 512);  // about what a task takes
    for (std::size_t i = 0; i < activities.size(); ++i) {
      const Activity& a = *activities[i].activity;
      if (!a.due.value.valid) continue;
      Component todo(icalcomponent_new(ICAL_VTODO_COMPONENT));
      fill_todo(todo.get(), i);
      out += serialise(todo.get());
    }
    out += "END:VCALENDAR\r\n";
    return out;
  }

 private:
  // The calendar's properties and the period's event, without the closing line.
  std::string header() {
    Component cal(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
    icalcomponent_add_property(cal.get(), icalproperty_new_prodid("-//plan//plan export//EN"));
    icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(cal.get(), icalproperty_new_calscale("GREGORIAN"));
    icalcomponent_add_property(cal.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
    const Meta* meta = index_.plan().meta();
    const std::string title = meta ? meta->title.value : "";
    add_x_text(cal.get(), "X-WR-CALNAME", title.empty() ? plan_id_ : title);
    if (meta && meta->start.value.valid && meta->end.value.valid &&
        !(meta->end.value < meta->start.value)) {
      icalcomponent* event = icalcomponent_new(ICAL_VEVENT_COMPONENT);
      icalcomponent_add_property(event, icalproperty_new_uid((plan_id_ + kUidDomain).c_str()));
      icalcomponent_add_property(event, icalproperty_new_dtstamp(stamp_));
      icalcomponent_add_property(event, icalproperty_new_dtstart(ical_date(meta->start.value)));
      // An all-day event ends on the day after its last (DTEND is exclusive).
      const Date after = date_from_days(day_number(meta->end.value) + 1);
      icalcomponent_add_property(event, icalproperty_new_dtend(ical_date(after)));
      add_text(event, ICAL_SUMMARY_PROPERTY, title.empty() ? plan_id_ : title, false);
      if (meta->organization.given())
        add_text(event, ICAL_DESCRIPTION_PROPERTY, meta->organization.value, true);
      // A year-long event must not mark the whole year busy.
      icalcomponent_add_property(event, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
      icalcomponent_add_component(cal.get(), event);
    }
    std::string text = serialise(cal.get());
    const std::string end = "END:VCALENDAR\r\n";
    if (text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0)
      text.resize(text.size() - end.size());
    return text;
  }

  void fill_todo(icalcomponent* todo, std::size_t i) {
    const ActivityEntry& entry = index_.activities()[i];
    const Activity& a = *entry.activity;
    const std::string id = inert_text(a.id.value, false);
    icalcomponent_add_property(todo,
                               icalproperty_new_uid((plan_id_ + "/" + id + kUidDomain).c_str()));
    icalcomponent_add_property(todo, icalproperty_new_dtstamp(stamp_));
    add_text(todo, ICAL_SUMMARY_PROPERTY, a.title.value.empty() ? a.id.value : a.title.value,
             false);
    // DTSTART only where it comes first: RFC 5545 wants DUE after DTSTART.
    if (a.start.value.valid && !(a.due.value < a.start.value))
      icalcomponent_add_property(todo, icalproperty_new_dtstart(ical_date(a.start.value)));
    icalcomponent_add_property(todo, icalproperty_new_due(ical_date(a.due.value)));
    icalcomponent_add_property(todo, icalproperty_new_status(status_of(a.status.value)));
    if (a.status.value != Status::unknown) {
      // The plan's own word, for what RFC 5545 cannot say (blocked).
      icalproperty* p = icalproperty_new_x(status_name(a.status.value));
      icalproperty_set_x_name(p, "X-PLAN-STATUS");
      icalcomponent_add_property(todo, p);
    }
    const Completion& completion = stats_.activities[i];
    if (completion)
      icalcomponent_add_property(
          todo, icalproperty_new_percentcomplete(whole_percent_clamped(*completion)));
    const std::vector<std::size_t> goals = goals_of(entry);
    for (std::size_t g : goals) {
      const std::string category = category_of(index_.plan().goals[g].id.value);
      if (!category.empty())
        icalcomponent_add_property(todo, icalproperty_new_categories(category.c_str()));
    }
    add_text(todo, ICAL_DESCRIPTION_PROPERTY, description(entry, goals), true);
  }

  // The goals an activity serves through its targets (own or inherited), in the plan's
  // order of goals, each once.
  std::vector<std::size_t> goals_of(const ActivityEntry& entry) const {
    std::set<std::size_t> goals;
    if (entry.targets)
      for (const Ref& t : *entry.targets)
        if (const ItemRef* target = index_.find(t.id); target && target->kind == ItemKind::target)
          for (const Ref& g : index_.plan().targets[target->index].goals.value)
            if (const ItemRef* goal = index_.find(g.id); goal && goal->kind == ItemKind::goal)
              goals.insert(goal->index);
    return {goals.begin(), goals.end()};
  }

  // What a calendar shows under the task: where it sits in the plan, what it serves, who
  // does it, how far it is. Line by line, "label: value".
  std::string description(const ActivityEntry& entry, const std::vector<std::size_t>& goals) const {
    const Activity& a = *entry.activity;
    std::string out;
    const auto line = [&](const std::string& label, const std::string& value) {
      if (value.empty()) return;
      if (!out.empty()) out += '\n';
      out += label + ": " + inert_text(value, false);
    };
    std::string place = entry.section ? entry.section->title.value : "";
    std::vector<const Activity*> parents;
    for (long p = entry.parent; p >= 0; p = index_.activities()[static_cast<std::size_t>(p)].parent)
      parents.push_back(index_.activities()[static_cast<std::size_t>(p)].activity);
    for (auto it = parents.rbegin(); it != parents.rend(); ++it)
      place += " › " + titled((*it)->id.value, (*it)->title.value);
    line(labels_.label("section"), place);
    line(labels_.label("status_heading"),
         a.status.value == Status::unknown
             ? a.status_text
             : labels_.label(std::string("status.") + status_name(a.status.value)));
    line(labels_.label("completion"),
         percent_figure(stats_.activities[&entry - index_.activities().data()]));
    std::string targets;
    if (entry.targets)
      for (const Ref& t : *entry.targets) {
        const ItemRef* target = index_.find(t.id);
        const std::string title = target && target->kind == ItemKind::target
                                      ? index_.plan().targets[target->index].title.value
                                      : "";
        targets += (targets.empty() ? "" : "; ") + titled(t.id, title);
      }
    line(labels_.label("targets"), targets);
    std::string served;
    for (std::size_t g : goals) {
      const Goal& goal = index_.plan().goals[g];
      served += (served.empty() ? "" : "; ") + titled(goal.id.value, goal.title.value);
    }
    line(labels_.label("goals"), served);
    line(labels_.label("owner"), a.owner.value);
    std::string partners;
    for (const std::string& p : a.partners.value) partners += (partners.empty() ? "" : ", ") + p;
    line(labels_.label("partners"), partners);
    if (a.measure) line(labels_.label("measure"), measure_text(*a.measure));
    if (!a.notes.value.empty()) {
      if (!out.empty()) out += "\n\n";
      out += inert_text(a.notes.value, true);
    }
    return out;
  }

  const PlanIndex& index_;
  const Stats& stats_;
  ExportLabels labels_;
  icaltimetype stamp_;
  std::string plan_id_;
};

}  // namespace

std::string export_ics(const PlanIndex& index, const Stats& stats) {
  return IcsWriter(index, stats).write();
}

}  // namespace plan
