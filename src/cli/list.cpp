// `plan list`: activities, filtered and sorted.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <set>

#include <utf8proc.h>
#include <CLI/CLI.hpp>

#include "cli/as_of.hpp"
#include "cli/command.hpp"
#include "cli/i18n.hpp"
#include "cli/measured.hpp"
#include "cli/options.hpp"
#include "cli/pipeline.hpp"
#include "cli/terminal.hpp"
#include "cli/terminal_words.hpp"
#include "cli/workspace_output.hpp"
#include "render/json_sink.hpp"
#include "render/list_text.hpp"
#include "render/report.hpp"
#include "render/status_text.hpp"
#include "render/terminal_labels.hpp"
#include "render/terminal_text.hpp"
#include "util/date.hpp"
#include "util/text.hpp"
#include "util/visible.hpp"

namespace plan::cli {

namespace {
struct ListOptions {
  std::vector<std::string> statuses;
  std::string owner, section, target, goal, as_of, color = "auto", sort, bidi, lang;
  int due_within = -1;  // days; -1: not given
  bool overdue = false, stale = false, json = false;
};

// Case-folded (Unicode, not only ASCII) so that "dana" finds "Dana Levi" and "élodie" finds
// "Élodie"; "" for text that is not valid UTF-8.
std::string folded(const std::string& text) {
  utf8proc_uint8_t* out = nullptr;
  const auto n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
      static_cast<utf8proc_ssize_t>(text.size()), &out,
      static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE));
  std::string result =
      n >= 0 ? std::string(reinterpret_cast<char*>(out), static_cast<std::size_t>(n)) : "";
  std::free(out);
  return result;
}

// Ids in the order people count: "general.2" before "general.10"; case is ignored.
bool natural_less(const std::string& a, const std::string& b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const bool da = a[i] >= '0' && a[i] <= '9', db = b[j] >= '0' && b[j] <= '9';
    if (da && db) {
      std::size_t ei = i, ej = j;
      while (ei < a.size() && a[ei] == '0') ++ei;  // leading zeros do not count
      while (ej < b.size() && b[ej] == '0') ++ej;
      std::size_t ni = ei, nj = ej;
      while (ni < a.size() && a[ni] >= '0' && a[ni] <= '9') ++ni;
      while (nj < b.size() && b[nj] >= '0' && b[nj] <= '9') ++nj;
      if (ni - ei != nj - ej) return ni - ei < nj - ej;
      if (int c = a.compare(ei, ni - ei, b, ej, nj - ej); c != 0) return c < 0;
      i = ni;
      j = nj;
      continue;
    }
    const char ca = static_cast<char>(ascii_lower(std::string_view(&a[i], 1))[0]);
    const char cb = static_cast<char>(ascii_lower(std::string_view(&b[j], 1))[0]);
    if (ca != cb) return ca < cb;
    ++i;
    ++j;
  }
  return a.size() - i < b.size() - j;
}

// The ids named by a filter must exist: a typo should not silently list nothing.
bool known(const Checked& c, const std::string& id, ItemKind kind) {
  const ItemRef* r = c.index->find(id);
  if (r && r->kind == kind) return true;
  // Both the typed id and the plan's ids are shown escaped: neither reaches the terminal raw.
  const char* text = kind == ItemKind::goal     ? N_("no goal has id '{id}'{hint}")
                     : kind == ItemKind::target ? N_("no target has id '{id}'{hint}")
                                                : N_("no section has id '{id}'{hint}");
  write_text(stderr,
             plan_says(message(text, {plan_text("id", visible(id)),
                                      nested("hint", did_you_mean_message(visible(closest_match(
                                                         id, c.index->ids_of(kind)))))})));
  return false;
}
// The activities of one plan that pass every filter, in the order asked for. `stale` marks
// the stale ones (by activity index) when --stale is given.
std::vector<std::size_t> select_rows(const MeasuredPlan& m, const ListOptions& o,
                                     const std::vector<char>& stale) {
  const Checked& c = *m.checked;
  const Plan& p = c.load.plan;
  // Targets that lead to the chosen goal.
  std::set<std::string> goal_targets;
  if (!o.goal.empty())
    for (const Target& t : p.targets)
      for (const Ref& r : t.goals.value)
        if (ascii_lower(r.id) == ascii_lower(o.goal)) goal_targets.insert(ascii_lower(t.id.value));

  const auto& acts = c.index->activities();
  const std::string owner = folded(o.owner);
  std::vector<std::size_t> rows;
  for (std::size_t i = 0; i < acts.size(); ++i) {
    const ActivityEntry& e = acts[i];
    const Activity& a = *e.activity;
    if (!o.statuses.empty() && std::find(o.statuses.begin(), o.statuses.end(),
                                         status_name(a.status.value)) == o.statuses.end())
      continue;
    if (!o.owner.empty() && folded(a.owner.value).find(owner) == std::string::npos) continue;
    if (!o.section.empty() && ascii_lower(e.section->id.value) != ascii_lower(o.section)) continue;
    if (o.overdue && !m.stats.overdue[i]) continue;
    if (o.stale && !stale[i]) continue;
    if (o.due_within >= 0) {
      const bool closed = a.status.value == Status::done || a.status.value == Status::dropped;
      if (closed || !a.due.value.valid || !m.stats.as_of.valid ||
          day_number(a.due.value) > day_number(m.stats.as_of) + o.due_within)
        continue;
    }
    auto serves = [&](auto&& pred) {
      if (!e.targets) return false;
      for (const Ref& r : *e.targets)
        if (pred(ascii_lower(r.id))) return true;
      return false;
    };
    if (!o.target.empty() &&
        !serves([&](const std::string& t) { return t == ascii_lower(o.target); }))
      continue;
    if (!o.goal.empty() && !serves([&](const std::string& t) { return goal_targets.count(t) > 0; }))
      continue;
    rows.push_back(i);
  }

  // Stable: rows that compare equal keep the plan's order; rows without a value go last.
  const Stats& st = m.stats;
  if (o.sort == "id") {
    std::stable_sort(rows.begin(), rows.end(), [&](std::size_t x, std::size_t y) {
      return natural_less(acts[x].activity->id.value, acts[y].activity->id.value);
    });
  } else if (o.sort == "due") {
    auto key = [&](std::size_t r) {
      const Date& d = acts[r].activity->due.value;
      return d.valid ? std::pair{0, day_number(d)} : std::pair{1, 0L};
    };
    std::stable_sort(rows.begin(), rows.end(),
                     [&](std::size_t x, std::size_t y) { return key(x) < key(y); });
  } else if (o.sort == "completion") {
    auto key = [&](std::size_t r) {
      return st.activities[r] ? std::pair{0, *st.activities[r]} : std::pair{1, 0.0};
    };
    std::stable_sort(rows.begin(), rows.end(),
                     [&](std::size_t x, std::size_t y) { return key(x) < key(y); });
  }

  return rows;
}

// `plan list` over a workspace: each unit's activities that pass the filters, under a line
// naming the unit (JSON: a list of {unit, activities}). Filters that name ids of one plan
// (--section, --target, --goal) need --plan: the same id means different things in two units.
int list_workspace(const std::string& file, const ListOptions& opts) {
  if (!opts.section.empty() || !opts.target.empty() || !opts.goal.empty()) {
    write_text(stderr,
               plan_says(message(N_("--section, --target and --goal name ids of one plan; over a "
                                    "workspace, name the unit's plan with --plan"))));
    return kUsage;
  }
  Date as_of;
  auto ws = measure_workspace(file, opts.as_of, as_of, opts.stale);
  if (!ws) return kUsage;
  const WorkspaceView view = workspace_view(*ws, as_of);
  if (opts.stale && !ws->history_note.empty())
    write_text(stderr, plan_says(message(N_("staleness not known: {reason}"),
                                         {history_reason("reason", view)})));
  TextLayout layout{terminal_width(stdout), Style{use_color(opts.color, stdout)}};
  TerminalLabels labels;
  if (!opts.json && !use_workspace_words(file, opts.lang, view, layout, labels)) return kUsage;
  std::unique_ptr<JsonStreamSink> sink;
  if (opts.json) {
    sink = std::make_unique<JsonStreamSink>(stdout);
    sink->begin_array();
  }
  int printed = 0;
  for (const Unit& u : ws->units) {
    if (!u.plan) continue;  // not read at all: finish() prints why
    std::vector<char> stale;
    if (opts.stale) {
      stale.assign(u.plan->checked->index->activities().size(), 0);
      for (const StaleActivity& a : u.stale) stale[a.activity] = 1;
    }
    const std::vector<std::size_t> rows = select_rows(*u.plan, opts, stale);
    if (rows.empty()) continue;
    const PlanIndex& ix = *u.plan->checked->index;
    if (sink) {
      sink->begin_object();
      sink->key("unit");
      sink->string(u.id);
      sink->key("activities");
      sink->begin_array();
      for (std::size_t r : rows) write_activity(*sink, ix, u.plan->stats, r);
      sink->end_array();
      sink->end_object();
    } else {
      // A blank line between units; the title isolated and cut like every title.
      if (printed++) std::fputc('\n', stdout);
      const std::string id = visible(u.id);
      write_text(stdout, mirror_lines(table_row(ltr_cell(id, layout.rtl) + " ",
                                                display_width(id) + 1, u.title, layout),
                                      layout.rtl));
      write_text(stdout, render_activity_list(ix, u.plan->stats, rows, layout));
    }
  }
  if (sink) sink->end_array();
  std::fflush(stdout);
  return finish(ws);
}

}  // namespace

Runner setup_list(CLI::App& sub) {
  auto opts = std::make_shared<ListOptions>();
  std::vector<std::string> names;
  for (Status s : kStatuses) names.push_back(status_name(s));
  sub.add_option("--status", opts->statuses,
                 tr("Only these statuses (repeat, or separate with commas)"))
      ->delimiter(',')
      ->check(CLI::IsMember(names));
  sub.add_option(
      "--owner", opts->owner,
      tr("Only activities whose owner contains this text, ignoring case (dana finds Dana Levi)"));
  sub.add_option("--section", opts->section, tr("Only activities of this section id"));
  sub.add_option("--target", opts->target,
                 tr("Only activities that count towards this target (own or inherited)"));
  sub.add_option("--goal", opts->goal,
                 tr("Only activities that count towards a target of this goal"));
  sub.add_flag("--overdue", opts->overdue,
               tr("Only activities past their due date and not done or dropped"));
  sub.add_flag("--stale", opts->stale,
               tr("Only stale activities: in progress (or planned and started) with no change to "
                  "status, measure or percent in git for longer than the plan's stale_after days"));
  sub.add_option("--due-within", opts->due_within,
                 tr("Only activities due within DAYS of the as-of date (or overdue), and not done "
                    "or dropped"))
      ->check(CLI::Range(0, 3660));
  sub.add_option("--sort", opts->sort,
                 tr("Order by due (soonest first, undated last), id, or completion (least first); "
                    "default: the plan's order"))
      ->check(CLI::IsMember({"due", "id", "completion"}));
  add_as_of_option(sub, opts->as_of);
  sub.add_flag("--json", opts->json,
               tr("Print the activities as a JSON list, as in 'plan status --json'"));
  add_color_option(sub, opts->color);
  add_bidi_option(sub, opts->bidi);
  add_lang_option(sub, opts->lang);
  return [opts](const GlobalOptions& global) {
    Input input;
    std::string error;
    if (!find_input(global, Accepts::plan_or_workspace, input, error)) {
      write_text(stderr, error + "\n");
      return int{kUsage};
    }
    if (!input.workspace_file.empty()) return list_workspace(input.workspace_file, *opts);
    auto m = load_and_measure(global, opts->as_of);
    if (!m) return int{kUsage};
    const Checked& c = *m->checked;
    if ((!opts->section.empty() && !known(c, opts->section, ItemKind::section)) ||
        (!opts->target.empty() && !known(c, opts->target, ItemKind::target)) ||
        (!opts->goal.empty() && !known(c, opts->goal, ItemKind::goal)))
      return int{kUsage};  // the command line names nothing: a usage error

    // The words of the table, and of the staleness note.
    TextLayout layout{terminal_width(stdout), Style{use_color(opts->color, stdout)}};
    TerminalLabels labels;
    if ((!opts->json || opts->stale) &&
        !use_plan_words(input.plan_dir, opts->lang, c.load.plan, layout, labels))
      return int{kUsage};

    // Staleness is read only when asked for: it walks git's history.
    std::vector<char> stale;
    if (opts->stale) {
      const Staleness st = staleness_for(*m);
      if (!st.note.empty())
        write_text(stderr, (layout.rtl ? "\u200Fplan: " : "plan: ") +
                               staleness_note(st, labels, layout.rtl) + "\n");
      stale.assign(c.index->activities().size(), 0);
      for (const StaleActivity& s : st.stale) stale[s.activity] = 1;
    }

    const std::vector<std::size_t> rows = select_rows(*m, *opts, stale);
    if (opts->json) {
      // The listed activities as the report writes them, and nothing else of the report.
      JsonStreamSink sink(stdout);
      sink.begin_array();
      for (std::size_t r : rows) write_activity(sink, *c.index, m->stats, r);
      sink.end_array();
    } else {
      write_text(stdout, render_activity_list(*c.index, m->stats, rows, layout));
    }
    return finish(m);
  };
}

}  // namespace plan::cli
