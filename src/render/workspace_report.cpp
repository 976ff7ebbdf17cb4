#include "render/workspace_report.hpp"

#include <cmath>

#include "render/report_writer.hpp"

namespace plan {

namespace {

// The single-plan report's `plan` object, every key there: the workspace's title and
// language, the rest null (a movement has no one period, publication or contacts).
void write_plan(ReportWriter& w, const WorkspaceView& ws) {
  JsonSink& s = w.out;
  const std::string language = workspace_language(ws);
  s.key("plan");
  s.begin_object();
  s.key("id");
  s.null();
  w.text("title", ws.title);
  s.key("organization");
  s.null();
  w.text_or_null("language", language);
  w.text("direction", direction_of(language));
  s.key("period");
  s.begin_object();
  s.key("start");
  s.null();
  s.key("end");
  s.null();
  s.end_object();
  for (const char* k : {"published", "status"}) {
    s.key(k);
    s.null();
  }
  s.key("contacts");
  s.begin_object();
  s.end_object();
  s.end_object();
}

}  // namespace

void write_workspace_unit(JsonSink& s, const WorkspaceView& ws, std::size_t i) {
  ReportWriter w{s};
  const Rollup& r = rollup_of(ws);
  const WorkspaceUnitView& u = ws.units[i];
  const UnitFigures& f = unit_figures(ws, i);
  const bool history = ws.history_note.empty();
  s.begin_object();
  w.text("id", u.id);
  w.text("title", u.title);
  w.text("path", u.path);
  s.key("weight");
  s.number(u.weight);
  s.key("counted");
  s.boolean(f.counted);
  w.completion("completion", f.counted ? f.completion : Completion{});
  w.completion("pace", f.pace);
  w.text("pace_mark", f.counted ? pace_mark_name(f.pace_mark) : "");
  if (f.counted) {
    w.counts("counts", f.counts);
  } else {
    s.key("counts");
    s.null();
  }
  w.integer("errors", static_cast<long long>(f.errors));
  w.integer("warnings", static_cast<long long>(f.warnings));
  w.text_or_null("last_change", f.last_change);
  w.integer("stale_after", u.stale_after);
  s.key("stale");
  if (history && f.counted)
    s.integer(static_cast<long long>(f.stale));
  else
    s.null();
  s.key("stale_unit");
  s.boolean(f.stale_unit);
  // The shared goals this unit's targets serve, as other units name them.
  s.key("serves");
  s.begin_array();
  for (const SharedGoal& g : r.goals)
    for (const Contribution& c : g.contributions)
      if (c.unit == i) s.string(shared_goal_id(ws, g));
  s.end_array();
  s.end_object();
}

void write_shared_goal(JsonSink& s, const WorkspaceView& ws, std::size_t goal) {
  ReportWriter w{s};
  const SharedGoal& g = rollup_of(ws).goals[goal];
  const WorkspaceUnitView& home = ws.units[g.unit];
  const bool known = home.index && g.goal < home.index->plan().goals.size();
  s.begin_object();
  w.text("id", shared_goal_id(ws, g));
  w.text("unit", home.id);
  w.text("goal", known ? home.index->plan().goals[g.goal].id.value : "");
  w.text("title", known ? home.index->plan().goals[g.goal].title.value : "");
  w.completion("completion", g.completion);
  s.key("contributions");
  s.begin_array();
  for (const Contribution& c : g.contributions) {
    const WorkspaceUnitView& u = ws.units[c.unit];
    const bool counted = unit_figures(ws, c.unit).counted;
    s.begin_object();
    w.text("unit", u.id);
    s.key("counted");
    s.boolean(counted);
    w.completion("completion", counted ? c.completion : Completion{});
    s.key("weight");
    s.number(u.weight);
    s.key("targets");
    s.begin_array();
    if (u.index)
      for (std::size_t t : c.targets)
        if (t < u.index->plan().targets.size()) s.string(u.index->plan().targets[t].id.value);
    s.end_array();
    s.end_object();
  }
  s.end_array();
  s.end_object();
}

void write_stale_activity(JsonSink& s, const WorkspaceView& ws, std::size_t unit,
                          const StaleActivity& st) {
  ReportWriter w{s};
  const WorkspaceUnitView& u = ws.units[unit];
  const Plan& p = u.index->plan();
  const Activity& a = *u.index->activities()[st.activity].activity;
  s.begin_object();
  w.text("unit", u.id);
  w.text("id", a.id.value);
  w.text("title", a.title.value);
  w.text("status", status_name(a.status.value));
  w.text("last_change", st.last_change);
  w.integer("days", st.days);
  w.integer("stale_after", u.stale_after);
  w.text("file", a.loc.file < p.files.size() ? p.files[a.loc.file] : "");
  w.integer("line", a.loc.line);
  s.end_object();
}

void write_workspace_overview_fields(JsonSink& sink, const WorkspaceView& ws) {
  ReportWriter w{sink};
  w.text("as_of", ws.as_of.text());
  w.text("workspace_file", ws.file);
  write_plan(w, ws);
  w.completion("completion", rollup_of(ws).movement);
  // Units may have different periods: the movement has no one pace.
  w.completion("pace", std::nullopt);
  w.text("pace_mark", "");
  w.counts("counts", movement_counts(ws));
}

void write_workspace_closing_fields(JsonSink& sink, const WorkspaceView& ws) {
  ReportWriter w{sink};
  sink.key("serving_none");
  sink.begin_array();
  for (std::size_t u : rollup_of(ws).serving_none) sink.string(ws.units[u].id);
  sink.end_array();
  w.text_or_null("history_note", ws.history_note);
  sink.key("checks");
  sink.begin_object();
  w.integer("errors", static_cast<long long>(ws.checks.errors));
  w.integer("warnings", static_cast<long long>(ws.checks.warnings));
  sink.end_object();
}

void write_workspace_report(const WorkspaceView& ws, JsonSink& sink) {
  const Rollup& r = rollup_of(ws);
  sink.begin_object();
  write_workspace_overview_fields(sink, ws);
  sink.key("units");
  sink.begin_array();
  for (std::size_t i = 0; i < ws.units.size(); ++i) write_workspace_unit(sink, ws, i);
  sink.end_array();
  sink.key("shared_goals");
  sink.begin_array();
  for (std::size_t g = 0; g < r.goals.size(); ++g) write_shared_goal(sink, ws, g);
  sink.end_array();
  // Not known outside a repository: null, not an empty list.
  sink.key("stale");
  if (ws.history_note.empty()) {
    sink.begin_array();
    for (std::size_t i = 0; i < ws.units.size(); ++i) {
      const WorkspaceUnitView& u = ws.units[i];
      if (!u.stale || !u.index || !unit_figures(ws, i).counted) continue;
      for (const StaleActivity& st : *u.stale) write_stale_activity(sink, ws, i, st);
    }
    sink.end_array();
  } else {
    sink.null();
  }
  write_workspace_closing_fields(sink, ws);
  sink.end_object();
}

Json build_workspace_report(const WorkspaceView& ws) {
  JsonTreeSink tree;
  write_workspace_report(ws, tree);
  return std::move(tree.result);
}

}  // namespace plan
