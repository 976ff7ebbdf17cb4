// The words of the terminal commands (status, list, trace, show, diff, history) in the
// labels' language: the "terminal" object of templates/labels/LL.json, read once into a
// struct so that the renderers never look keys up in a loop.
#pragma once

#include <array>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "message.hpp"
#include "model.hpp"
#include "plan_index.hpp"
#include "render/report.hpp"

namespace plan {

// A pair for a count: "one" for exactly 1, "other" for the rest (English and Hebrew both).
struct PluralText {
  std::string one, other;
  const std::string& of(std::size_t n) const { return n == 1 ? one : other; }
};

// plan trace and plan show: the "navigation" object of the labels' "terminal" object. The
// status words, the pace words and the plural of "file could not be read" are
// TerminalLabels' own.
struct NavigationWords {
  // The kinds of item, before an id: "goal G1", "activity general.2".
  std::string goal = "goal", target = "target", section = "section", activity = "activity";
  // trace: the lines with no item.
  std::string no_target = "(no target serves this goal)";
  std::string no_activity = "(no activity serves this target)";
  std::string counts_towards = "counts towards:";
  std::string counts_towards_inherited = "counts towards (inherited from a parent):";
  std::string no_targets = "(no targets)";
  // show: a field's name by its key in the item's JSON object (the "fields" object); a key
  // with no name of its own is shown as it is, as the English words are.
  std::vector<std::pair<std::string, std::string>> fields;
  std::string yes = "yes", no = "no";
  std::string measure = "{actual} of {planned}";  // then the unit, if any
  std::string total = "total";                    // after the counts by status

  const std::string& kind(ItemKind k) const;
  const std::string& field(const std::string& key) const;
};

// Kept apart from NavigationWords so that each command's words are read in one place.
// plan diff and plan history: the "changes" object of the labels' "terminal" object. The
// section headings Goals and Activities and the status words are TerminalLabels' own.
struct ChangeWords {
  std::string plan = "Plan: {before} → {after}";
  std::string points = "({delta} points)";
  // The two sides compared, "HEAD (1a2b3c4) → working tree"; the arrow turns with the
  // layout (a right-to-left reader reads the older side first, on the right).
  std::string sides = "{from} → {to}";
  std::string working_tree = "working tree";
  // Where a file could not be read: "at HEAD~1 (1a2b3c4)", "in the working tree".
  std::string at = "at {revision}";
  std::string in_working_tree = "in the working tree";
  PluralText unread{"{unread} of {total} file could not be read {where}: figures are incomplete",
                    "{unread} of {total} files could not be read {where}: figures are incomplete"};
  std::string not_loaded =
      "The plan at {side} does not load (a file does not parse), so only its errors are "
      "compared.";
  std::string targets = "Targets";
  std::string added = "added", removed = "removed", changed = "changed";
  // One field of an activity that changed: "status planned → done".
  std::string change = "{field} {before} → {after}";
  std::string field_status = "status", field_measure = "measure", field_percent = "percent",
              field_due = "due";
  std::string errors = "Errors";
  std::string new_error = "new", fixed_error = "fixed";
  std::string nothing = "Nothing in the plan changed.";
  // plan history: a commit where the plan did not load, and no commit at all.
  std::string gap = "gap";
  std::string no_commits = "(no commit changed the plan folder)";
};

// plan status and plan list over a workspace: the "workspace" object of the labels' "terminal"
// object. "as of", the headings' "{name} ({n})", Activities, the status and pace words, the
// "done" column, "and {n} more: {command}" and the check line are TerminalLabels' own.
struct WorkspaceWords {
  std::string untitled = "(untitled workspace)";
  PluralText units{"{n} unit", "{n} units"};
  PluralText not_counted_count{"{n} not counted", "{n} not counted"};
  std::string not_counted = "not counted";  // a unit whose plan did not load whole
  std::string units_heading = "Units";
  // The units table's columns after "done".
  std::string late = "late", errors = "err", stale = "stale", changed = "changed";
  std::string not_counted_legend = "not counted: its plan did not load whole";
  std::string not_counted_why = "left out of every figure (plan check says why)";
  std::string stale_unit_legend = "* no change to the plan for longer than its stale_after";
  std::string shared_goals = "Shared goals";
  std::string no_shared_goals = "none: no unit names another unit's goal (unit:goal)";
  std::string shared_goals_note = "each unit's targets toward it, weighted by unit weight";
  std::string served_by = "served by";
  std::string served_by_none = "no unit serves it";
  std::string serving_none = "Serving no shared goal";
  std::string stale_activities = "Stale activities";
  std::string stale_note = "status, measure and percent unchanged for longer than stale_after";
  std::string stale_unknown = "not known: {why}";
  std::string history_not_read = "history not read";
  std::string stale_unit = "({n}, after {days} days)";  // after a unit's id in the stale list
  std::string days = "{n}d";                            // a stale activity's silent days
};

struct TerminalLabels {
  std::string untitled = "(untitled plan)";
  std::string as_of = "as of {date}";
  std::string period_gone = "{percent} of the period gone";
  std::string period_ended = "period ended {date}";
  std::string period_starts = "period starts {date}";
  std::string pace_ahead = "ahead", pace_on = "on pace", pace_behind = "behind";
  std::string heading = "{name} ({n})";
  std::string heading_partial = "{name} ({n} in the files read)";
  std::string goals = "Goals", sections = "Sections", activities = "Activities";
  std::string done_column = "done";
  // By Status, in kStatuses' order: in a table cell, and before a count.
  std::array<std::string, 5> status{"planned", "in-progress", "done", "blocked", "dropped"};
  std::array<std::string, 5> counted{"planned", "in progress", "done", "blocked", "dropped"};
  std::string counted_overdue = "overdue";
  std::string overdue = "Overdue";
  std::string due = "due {date}";
  std::string more = "and {n} more";
  std::string more_command = "and {n} more: {command}";
  std::string stale = "Stale ({n}): no change for over {days} days";
  std::string stale_unknown = "staleness not known: {why}";
  std::string no_repository = "not in a git repository";
  std::string stale_shallow =
      "staleness: a shallow clone, changes before its oldest commit are not known";
  std::string stale_shallow_before =
      "staleness: a shallow clone, changes before {date} are not known";
  std::string since = "since {date}";
  std::string days = "{n} days";
  std::string coverage_gaps = "Coverage gaps";
  std::string gaps_unknown = "not known while a file cannot be read";
  std::string gap_goal = "goal with no measurable target";
  std::string gap_target = "target with no live activity";
  PluralText incomplete{"{unread} of {total} file could not be read: figures are incomplete",
                        "{unread} of {total} files could not be read: figures are incomplete"};
  std::string unread_legend = "– marks a figure that needs";
  std::string more_files = "{files} and {n} more";
  std::string check = "Check: {errors}, {warnings}";
  PluralText errors{"{n} error", "{n} errors"};
  PluralText warnings{"{n} warning", "{n} warnings"};
  std::string details = "(details: {command})";
  // plan list: the header row, the empty list, the legend of the overdue mark.
  std::string list_id = "ID", list_status = "STATUS", list_done = "DONE", list_due = "DUE",
              list_owner = "OWNER", list_title = "TITLE";
  std::string no_match = "(no activities match)";
  std::string overdue_legend = "! overdue: due before {date}, not done or dropped";
  NavigationWords navigation;
  ChangeWords changes;
  WorkspaceWords workspace;

  const std::string& status_word(Status s) const;
  const std::string& counted_word(Status s) const;
};

// The labels of `labels["terminal"]`; a missing key (a repository's partial labels file)
// keeps its English default.
TerminalLabels terminal_labels(const Json& labels);

// The labels for a plan in `plan_dir` (its repository's labels files first, as for the
// summaries), in the language asked for (`--lang`) or else the plan's; `rtl` says whether
// that language runs right to left. `error`: a labels file that is not JSON.
TerminalLabels terminal_labels_for(const std::string& plan_dir, const std::string& asked,
                                   const Plan& plan, bool& rtl, Message& error);

// The labels of a workspace (or any caller that knows its language and its repository's
// templates folder): `language` "" is English. `rtl` and `error` as above.
TerminalLabels terminal_labels_in(const std::string& templates_dir, const std::string& language,
                                  bool& rtl, Message& error);

// The English labels, for callers that have no language.
const TerminalLabels& english_terminal_labels();

}  // namespace plan
