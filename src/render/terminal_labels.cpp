#include "render/terminal_labels.hpp"

#include <algorithm>

#include "render/summary.hpp"
#include "render/templates.hpp"
#include "util/text.hpp"

namespace plan {

namespace {
void read(const Json& t, const char* key, std::string& into) {
  auto it = t.find(key);
  if (it != t.end() && it->is_string()) into = it->get<std::string>();
}

void read(const Json& t, const char* key, PluralText& into) {
  auto it = t.find(key);
  if (it == t.end() || !it->is_object()) return;
  read(*it, "one", into.one);
  read(*it, "other", into.other);
}

// The "navigation" object: words of plan trace and plan show.
void read_navigation(const Json& t, NavigationWords& into) {
  auto it = t.find("navigation");
  if (it == t.end() || !it->is_object()) return;
  const Json& n = *it;
  read(n, "goal", into.goal);
  read(n, "target", into.target);
  read(n, "section", into.section);
  read(n, "activity", into.activity);
  read(n, "no_target", into.no_target);
  read(n, "no_activity", into.no_activity);
  read(n, "counts_towards", into.counts_towards);
  read(n, "counts_towards_inherited", into.counts_towards_inherited);
  read(n, "no_targets", into.no_targets);
  read(n, "yes", into.yes);
  read(n, "no", into.no);
  read(n, "measure", into.measure);
  read(n, "total", into.total);
  if (auto f = n.find("fields"); f != n.end() && f->is_object())
    for (auto k = f->begin(); k != f->end(); ++k)
      if (k->is_string()) into.fields.emplace_back(k.key(), k->get<std::string>());
}

const char* const kStatusKeys[] = {"planned", "in-progress", "done", "blocked", "dropped"};

// The "changes" object: words of plan diff and plan history.
void read_changes(const Json& t, ChangeWords& into) {
  auto it = t.find("changes");
  if (it == t.end() || !it->is_object()) return;
  const Json& c = *it;
  read(c, "plan", into.plan);
  read(c, "points", into.points);
  read(c, "sides", into.sides);
  read(c, "working_tree", into.working_tree);
  read(c, "at", into.at);
  read(c, "in_working_tree", into.in_working_tree);
  read(c, "unread", into.unread);
  read(c, "not_loaded", into.not_loaded);
  read(c, "targets", into.targets);
  read(c, "added", into.added);
  read(c, "removed", into.removed);
  read(c, "changed", into.changed);
  read(c, "change", into.change);
  if (auto f = c.find("field"); f != c.end() && f->is_object()) {
    read(*f, "status", into.field_status);
    read(*f, "measure", into.field_measure);
    read(*f, "percent", into.field_percent);
    read(*f, "due", into.field_due);
  }
  read(c, "errors", into.errors);
  read(c, "new", into.new_error);
  read(c, "fixed", into.fixed_error);
  read(c, "nothing", into.nothing);
  read(c, "gap", into.gap);
  read(c, "no_commits", into.no_commits);
}

// The "workspace" object: words of plan status and plan list over a workspace.
void read_workspace(const Json& t, WorkspaceWords& into) {
  auto it = t.find("workspace");
  if (it == t.end() || !it->is_object()) return;
  const Json& w = *it;
  read(w, "untitled", into.untitled);
  read(w, "units", into.units);
  read(w, "not_counted_count", into.not_counted_count);
  read(w, "not_counted", into.not_counted);
  read(w, "units_heading", into.units_heading);
  read(w, "late", into.late);
  read(w, "errors", into.errors);
  read(w, "stale", into.stale);
  read(w, "changed", into.changed);
  read(w, "not_counted_legend", into.not_counted_legend);
  read(w, "not_counted_why", into.not_counted_why);
  read(w, "stale_unit_legend", into.stale_unit_legend);
  read(w, "shared_goals", into.shared_goals);
  read(w, "no_shared_goals", into.no_shared_goals);
  read(w, "shared_goals_note", into.shared_goals_note);
  read(w, "served_by", into.served_by);
  read(w, "served_by_none", into.served_by_none);
  read(w, "serving_none", into.serving_none);
  read(w, "stale_activities", into.stale_activities);
  read(w, "stale_note", into.stale_note);
  read(w, "stale_unknown", into.stale_unknown);
  read(w, "history_not_read", into.history_not_read);
  read(w, "stale_unit", into.stale_unit);
  read(w, "days", into.days);
}

std::size_t status_index(Status s) {
  const auto i = static_cast<std::size_t>(s);
  return i < 5 ? i : 0;
}
}  // namespace

const std::string& NavigationWords::kind(ItemKind k) const {
  switch (k) {
    case ItemKind::goal:
      return goal;
    case ItemKind::target:
      return target;
    case ItemKind::section:
      return section;
    case ItemKind::activity:
      break;
  }
  return activity;
}

const std::string& NavigationWords::field(const std::string& key) const {
  for (const auto& [k, name] : fields)
    if (k == key) return name;
  return key;
}

const std::string& TerminalLabels::status_word(Status s) const {
  return status[status_index(s)];
}

const std::string& TerminalLabels::counted_word(Status s) const {
  return counted[status_index(s)];
}

TerminalLabels terminal_labels(const Json& labels) {
  TerminalLabels l;
  auto it = labels.find("terminal");
  if (it == labels.end() || !it->is_object()) return l;
  const Json& t = *it;
  read(t, "untitled", l.untitled);
  read(t, "as_of", l.as_of);
  read(t, "period_gone", l.period_gone);
  read(t, "period_ended", l.period_ended);
  read(t, "period_starts", l.period_starts);
  if (auto p = t.find("pace"); p != t.end() && p->is_object()) {
    read(*p, "ahead", l.pace_ahead);
    read(*p, "on-pace", l.pace_on);
    read(*p, "behind", l.pace_behind);
  }
  read(t, "heading", l.heading);
  read(t, "heading_partial", l.heading_partial);
  read(t, "goals", l.goals);
  read(t, "sections", l.sections);
  read(t, "activities", l.activities);
  read(t, "done_column", l.done_column);
  for (const char* group : {"status", "counted"}) {
    auto g = t.find(group);
    if (g == t.end() || !g->is_object()) continue;
    auto& words = group[0] == 's' ? l.status : l.counted;
    for (std::size_t i = 0; i < 5; ++i) read(*g, kStatusKeys[i], words[i]);
    if (group[0] == 'c') read(*g, "overdue", l.counted_overdue);
  }
  read(t, "overdue", l.overdue);
  read(t, "due", l.due);
  read(t, "more", l.more);
  read(t, "more_command", l.more_command);
  read(t, "stale", l.stale);
  read(t, "stale_unknown", l.stale_unknown);
  read(t, "no_repository", l.no_repository);
  read(t, "stale_shallow", l.stale_shallow);
  read(t, "stale_shallow_before", l.stale_shallow_before);
  read(t, "since", l.since);
  read(t, "days", l.days);
  read(t, "coverage_gaps", l.coverage_gaps);
  read(t, "gaps_unknown", l.gaps_unknown);
  read(t, "gap_goal", l.gap_goal);
  read(t, "gap_target", l.gap_target);
  read(t, "incomplete", l.incomplete);
  read(t, "unread_legend", l.unread_legend);
  read(t, "more_files", l.more_files);
  read(t, "check", l.check);
  read(t, "errors", l.errors);
  read(t, "warnings", l.warnings);
  read(t, "details", l.details);
  if (auto h = t.find("list"); h != t.end() && h->is_object()) {
    read(*h, "id", l.list_id);
    read(*h, "status", l.list_status);
    read(*h, "done", l.list_done);
    read(*h, "due", l.list_due);
    read(*h, "owner", l.list_owner);
    read(*h, "title", l.list_title);
  }
  read(t, "no_match", l.no_match);
  read(t, "overdue_legend", l.overdue_legend);
  read_navigation(t, l.navigation);
  read_changes(t, l.changes);
  read_workspace(t, l.workspace);
  return l;
}

TerminalLabels terminal_labels_for(const std::string& plan_dir, const std::string& asked,
                                   const Plan& plan, bool& rtl, Message& error) {
  return terminal_labels_in(templates_dir_for(plan_dir), labels_language(asked, {&plan}), rtl,
                            error);
}

TerminalLabels terminal_labels_in(const std::string& templates_dir, const std::string& language,
                                  bool& rtl, Message& error) {
  const TemplateSet templates(templates_dir);
  // A language with no labels gets English words, and so an English layout: Hebrew
  // mirroring around English words would help no one.
  const std::string primary = ascii_lower(language.substr(0, language.find('-')));
  const auto known = templates.languages();
  rtl = std::string(direction_of(language)) == "rtl" &&
        std::find(known.begin(), known.end(), primary) != known.end();
  std::vector<std::string> used;
  return terminal_labels(templates.labels(language, used, error));
}

const TerminalLabels& english_terminal_labels() {
  static const TerminalLabels english;
  return english;
}

}  // namespace plan
