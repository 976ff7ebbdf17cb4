#include "render/report.hpp"

#include <cmath>

#include "render/json_sink.hpp"
#include "render/report_writer.hpp"
#include "util/text.hpp"

namespace plan {

// Right-to-left scripts among the languages people are likely to write plans in.
const char* direction_of(const std::string& language) {
  std::string primary = ascii_lower(language.substr(0, language.find('-')));
  for (const char* rtl : {"he", "ar", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb"})
    if (primary == rtl) return "rtl";
  return "ltr";
}

namespace {

void write_meta(ReportWriter& w, const Plan& p) {
  // Every key is always there (null when the plan has no such metadata, or no `plan:` block
  // at all), so a template can name any of them.
  static const Meta kNone;
  const Meta& m = p.meta() ? *p.meta() : kNone;
  w.key("plan");
  w.out.begin_object();
  w.text_or_null("id", m.id);
  w.text_or_null("title", m.title);
  w.text_or_null("organization", m.organization);
  w.text_or_null("language", m.language);
  w.text("direction", direction_of(m.language.value));
  w.key("period");
  w.out.begin_object();
  w.date_or_null("start", m.start);
  w.date_or_null("end", m.end);
  w.out.end_object();
  w.date_or_null("published", m.published);
  w.text_or_null("status", m.status);
  w.key("contacts");
  w.out.begin_object();
  for (const auto& [k, v] : m.contacts) w.text(k, v);
  w.out.end_object();
  w.out.end_object();
}

}  // namespace

void write_goal(JsonSink& sink, const PlanIndex& index, const Stats& s, std::size_t i) {
  const Plan& p = index.plan();
  const Goal& g = p.goals[i];
  ReportWriter w{sink};
  sink.begin_object();
  w.text("id", g.id.value);
  w.text("title", g.title.value);
  w.text_or_null("description", g.description);
  w.completion("completion", s.goals[i]);
  w.text("pace_mark", pace_mark_name(pace_mark(s.goals[i], s.pace)));
  w.counts("counts", s.goal_counts[i]);
  w.key("targets");
  sink.begin_array();
  for (std::size_t t : s.goal_targets[i]) sink.string(p.targets[t].id.value);
  sink.end_array();
  w.source(p, g.loc);
  sink.end_object();
}

void write_target(JsonSink& sink, const PlanIndex& index, const Stats& s, std::size_t i) {
  const Plan& p = index.plan();
  const Target& t = p.targets[i];
  ReportWriter w{sink};
  sink.begin_object();
  w.text("id", t.id.value);
  w.text("title", t.title.value);
  w.text_or_null("description", t.description);
  w.text_or_null("owner", t.owner);
  w.strings("partners", t.partners.value);
  w.completion("completion", s.targets[i]);
  w.counts("counts", s.target_counts[i]);
  w.ids("goals", t.goals.value);
  w.key("activities");
  sink.begin_array();
  for (std::size_t a : s.target_activities[i])
    sink.string(index.activities()[a].activity->id.value);
  sink.end_array();
  w.source(p, t.loc);
  sink.end_object();
}

void write_section(JsonSink& sink, const PlanIndex& index, const Stats& s, std::size_t i) {
  const Plan& p = index.plan();
  const Section& sec = p.sections[i];
  ReportWriter w{sink};
  sink.begin_object();
  w.text("id", sec.id.value);
  w.text("title", sec.title.value);
  w.completion("completion", s.sections[i]);
  w.counts("counts", s.section_counts[i]);
  w.key("activities");
  sink.begin_array();
  for (const Activity& a : sec.activities) sink.string(a.id.value);
  sink.end_array();
  w.source(p, sec.loc);
  sink.end_object();
}

void write_activity(JsonSink& sink, const PlanIndex& index, const Stats& s, std::size_t i) {
  static const std::vector<Ref> kNone;
  const Plan& p = index.plan();
  const auto& acts = index.activities();
  const ActivityEntry& e = acts[i];
  const Activity& a = *e.activity;
  ReportWriter w{sink};
  sink.begin_object();
  w.text("id", a.id.value);
  w.text("title", a.title.value);
  w.text("section", e.section->id.value);
  w.key("parent");
  if (e.parent >= 0)
    sink.string(acts[static_cast<std::size_t>(e.parent)].activity->id.value);
  else
    sink.null();
  w.integer("depth", e.depth);
  w.text("status", status_name(a.status.value));
  w.completion("completion", s.activities[i]);
  w.key("overdue");
  sink.boolean(s.overdue[i]);
  w.ids("targets", a.targets.value);
  w.ids("effective_targets", e.targets ? *e.targets : kNone);
  w.text_or_null("owner", a.owner);
  w.strings("partners", a.partners.value);
  w.date_or_null("start", a.start);
  w.date_or_null("due", a.due);
  w.key("measure");
  if (a.measure) {
    const Range& pl = a.measure->planned.value;
    sink.begin_object();
    w.text_or_null("unit", a.measure->unit);
    w.key("planned");
    sink.begin_object();
    w.key("low");
    sink.number(pl.low);
    w.key("high");
    sink.number(pl.high);
    sink.end_object();
    w.key("actual");
    sink.number(a.measure->actual.value);
    sink.end_object();
  } else {
    sink.null();
  }
  w.key("percent");
  if (a.percent.given())
    sink.number(a.percent.value);
  else
    sink.null();
  w.key("weight");
  sink.number(a.weight.value);
  w.text_or_null("notes", a.notes);
  w.key("activities");
  sink.begin_array();
  for (const Activity& c : a.activities) sink.string(c.id.value);
  sink.end_array();
  w.source(p, a.loc);
  sink.end_object();
}

void write_overview_fields(JsonSink& sink, const PlanIndex& index, const Stats& s) {
  const Plan& p = index.plan();
  ReportWriter w{sink};
  w.text("as_of", s.as_of.text());
  // Which files could not be read: while any could not, the figures that sum over the
  // whole plan are null rather than figures of the part that was read.
  w.integer("file_count", static_cast<long long>(p.files.empty() ? 0 : p.files.size() - 1));
  w.key("unread_files");
  sink.begin_array();
  for (std::uint32_t f : p.unread_files) sink.string(f < p.files.size() ? p.files[f] : "");
  sink.end_array();
  write_meta(w, p);
  w.completion("completion", s.plan);
  w.completion("pace", s.pace);
  w.text("pace_mark", pace_mark_name(pace_mark(s.plan, s.pace)));
  w.counts("counts", s.counts);
}

void write_closing_fields(JsonSink& sink, const PlanIndex& index, const Stats& s,
                          const CheckSummary& checks) {
  const Plan& p = index.plan();
  ReportWriter w{sink};
  // Gaps are not known while a file is unread (it may hold the missing activities): null.
  w.key("gaps");
  sink.begin_object();
  w.key("goals");
  if (s.complete) {
    sink.begin_array();
    for (std::size_t g : s.gap_goals) sink.string(p.goals[g].id.value);
    sink.end_array();
  } else {
    sink.null();
  }
  w.key("targets");
  if (s.complete) {
    sink.begin_array();
    for (std::size_t t : s.gap_targets) sink.string(p.targets[t].id.value);
    sink.end_array();
  } else {
    sink.null();
  }
  sink.end_object();
  w.key("checks");
  sink.begin_object();
  w.integer("errors", static_cast<long long>(checks.errors));
  w.integer("warnings", static_cast<long long>(checks.warnings));
  sink.end_object();
}

void write_stale(JsonSink& sink, const PlanIndex& index, const Staleness& st) {
  ReportWriter w{sink};
  sink.begin_object();
  w.key("known");
  sink.boolean(st.known);
  w.text("note", st.note);
  w.integer("after_days", st.stale_after);
  w.key("activities");
  sink.begin_array();
  for (const StaleActivity& a : st.stale) {
    const Activity& act = *index.activities()[a.activity].activity;
    sink.begin_object();
    w.text("id", act.id.value);
    w.text("title", act.title.value);
    w.text("status", status_name(act.status.value));
    w.text("last_change", a.last_change);
    w.integer("days", a.days);
    w.source(index.plan(), act.loc);
    sink.end_object();
  }
  sink.end_array();
  sink.end_object();
}

void write_report(const PlanIndex& index, const Stats& s, const CheckSummary& checks,
                  JsonSink& sink, const Staleness* staleness) {
  const Plan& p = index.plan();
  sink.begin_object();
  write_overview_fields(sink, index, s);
  sink.key("goals");
  sink.begin_array();
  for (std::size_t i = 0; i < p.goals.size(); ++i) write_goal(sink, index, s, i);
  sink.end_array();
  sink.key("targets");
  sink.begin_array();
  for (std::size_t i = 0; i < p.targets.size(); ++i) write_target(sink, index, s, i);
  sink.end_array();
  sink.key("sections");
  sink.begin_array();
  for (std::size_t i = 0; i < p.sections.size(); ++i) write_section(sink, index, s, i);
  sink.end_array();
  sink.key("activities");
  sink.begin_array();
  for (std::size_t i = 0; i < index.activities().size(); ++i) write_activity(sink, index, s, i);
  sink.end_array();
  write_closing_fields(sink, index, s, checks);
  if (staleness && (staleness->known || !staleness->note.empty())) {
    sink.key("stale");
    write_stale(sink, index, *staleness);
  }
  sink.end_object();
}

void write_item(JsonSink& sink, const PlanIndex& index, const Stats& stats, const ItemRef& item) {
  switch (item.kind) {
    case ItemKind::goal:
      return write_goal(sink, index, stats, item.index);
    case ItemKind::target:
      return write_target(sink, index, stats, item.index);
    case ItemKind::section:
      return write_section(sink, index, stats, item.index);
    case ItemKind::activity:
      break;
  }
  write_activity(sink, index, stats, item.index);
}

Json build_report(const PlanIndex& index, const Stats& stats, const CheckSummary& checks,
                  const Staleness* staleness) {
  JsonTreeSink tree;
  write_report(index, stats, checks, tree, staleness);
  return std::move(tree.result);
}

}  // namespace plan
