#include "render/status_text.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "util/date.hpp"
#include "util/visible.hpp"

namespace plan {

namespace {
constexpr std::size_t kListLimit = 10;  // overdue items and gaps shown before "and N more"

long day_number_of(const Activity& a) {
  return day_number(a.due.value);
}

std::size_t widest_id(const PlanIndex& ix) {
  std::size_t w = 2;
  const Plan& p = ix.plan();
  for (const Goal& g : p.goals) w = std::max(w, display_width(visible(g.id.value)));
  for (const Section& s : p.sections) w = std::max(w, display_width(visible(s.id.value)));
  return w;
}
}  // namespace

std::string wrap_parts(const std::string& lead, const std::vector<std::string>& parts,
                       const TextLayout& layout, std::size_t indent) {
  std::string out = lead, line_so_far = lead;
  std::size_t used = display_width(lead);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::size_t w = display_width(parts[i]);
    const std::size_t sep = i == 0 ? 0 : 3;
    if (i > 0 && layout.limited() && used + sep + w > layout.width) {
      out += "\n" + std::string(indent, ' ');
      used = indent;
    } else if (i > 0) {
      out += " · ";
      used += sep;
    }
    out += parts[i];
    used += w;
  }
  return out + "\n";
}

namespace {
// "as of 2009-06-01, 41% of the period gone", or that the period ended or has not begun.
std::string as_of_text(const Plan& p, const Stats& s, const TextLayout& l) {
  const TerminalLabels& w = l.words();
  std::string out = fill_label(w.as_of, {{"date", ltr_cell(visible(s.as_of.text()), l.rtl)}});
  const Meta* m = p.meta();
  if (!s.pace || !m) return out;
  if (s.as_of.valid && m->end.value < s.as_of)
    return out + ", " +
           fill_label(w.period_ended, {{"date", ltr_cell(m->end.value.text(), l.rtl)}});
  if (s.as_of.valid && s.as_of < m->start.value)
    return out + ", " +
           fill_label(w.period_starts, {{"date", ltr_cell(m->start.value.text(), l.rtl)}});
  std::string pct = percent_text(s.pace);
  pct.erase(0, pct.find_first_not_of(' '));
  return out + ", " + fill_label(w.period_gone, {{"percent", ltr_cell(pct, l.rtl)}});
}
}  // namespace

std::string coloured_percent(const Completion& c, const Style& st) {
  std::string t = percent_text(c);
  if (!c) return st.dim(t);
  return *c >= 1.0 ? st.green(t) : t;
}

std::string done_of_live(const StatusCounts& c) {
  return fmt::format("{}/{}", c.of(Status::done), c.total() - c.of(Status::dropped));
}

std::string pace_cell(PaceMark mark, const Style& st) {
  switch (mark) {
    case PaceMark::ahead:
      return st.green("▲ ahead  ");
    case PaceMark::behind:
      return st.yellow("▼ behind ");
    case PaceMark::on_pace:
      return "● on pace";
    case PaceMark::none:
      break;
  }
  return std::string(9, ' ');
}

std::size_t pace_width(const TerminalLabels& w) {
  return 2 + std::max({display_width(w.pace_ahead), display_width(w.pace_on),
                       display_width(w.pace_behind)});
}

std::string pace_cell(PaceMark mark, const Style& st, const TerminalLabels& w, std::size_t width) {
  switch (mark) {
    case PaceMark::ahead:
      return st.green(pad_right("▲ " + w.pace_ahead, width));
    case PaceMark::behind:
      return st.yellow(pad_right("▼ " + w.pace_behind, width));
    case PaceMark::on_pace:
      return pad_right("● " + w.pace_on, width);
    case PaceMark::none:
      break;
  }
  return std::string(width, ' ');
}

std::string table_row(const std::string& fixed, std::size_t fixed_width, const std::string& text,
                      const TextLayout& layout) {
  std::string t = visible(text);
  if (layout.limited())
    t = truncate_to_width(t, layout.width > fixed_width + 1 ? layout.width - fixed_width - 1 : 0);
  return fixed + (t.empty() ? "" : " " + free_text(t, layout.rtl)) + "\n";
}

std::string id_cell(const std::string& id, std::size_t width, const std::string& indent,
                    std::string& out, bool rtl) {
  std::string shown = visible(id);
  if (display_width(shown) <= width) return pad_right(ltr_cell(shown, rtl), width);
  out += indent + (rtl ? ltr_cell(shown, rtl) : bidi_safe(shown)) + "\n";
  return std::string(width, ' ');
}

std::size_t id_column(std::size_t widest, std::size_t fixed_without_id, const TextLayout& layout,
                      std::size_t min_text) {
  std::size_t w = std::min<std::size_t>(widest, 24);
  if (layout.limited()) {
    const std::size_t room = layout.width > fixed_without_id + 1 + min_text
                                 ? layout.width - fixed_without_id - 1 - min_text
                                 : 0;
    w = std::min(w, room);
  }
  return std::max<std::size_t>(w, 2);
}

namespace {

// What every part of the overview shares: the plan, its figures and the layout.
struct Overview {
  const PlanIndex& ix;
  const Plan& p;
  const Stats& s;
  const TextLayout& layout;
  const Style& st;
  std::size_t bar_width;
  const TerminalLabels& w = layout.words();
  const bool rtl = layout.rtl;

  // While a file is unread, the counts are of what was read.
  std::string heading(const std::string& name, std::size_t n) const {
    return fill_label(s.complete ? w.heading : w.heading_partial,
                      {{"name", name}, {"n", ltr_cell(std::to_string(n), rtl)}});
  }
  std::string cell(std::string_view t) const { return ltr_cell(t, rtl); }
  std::string bar(std::optional<double> f) const {
    return rtl_bar(progress_bar(f, bar_width), rtl);
  }
  std::string more(std::size_t n, const char* command) const {
    const std::string count = cell(std::to_string(n));
    return *command ? fill_label(w.more_command, {{"n", count}, {"command", cell(command)}})
                    : fill_label(w.more, {{"n", count}});
  }
};

// Before anything else: figures that are not whole say so.
void unread_notice(const Overview& o, std::string& out) {
  if (o.s.complete) return;
  const Plan& p = o.p;
  const std::size_t total = p.files.empty() ? 0 : p.files.size() - 1;
  const std::string notice = fill_label(o.w.incomplete.of(total),
                                        {{"unread", o.cell(std::to_string(p.unread_files.size()))},
                                         {"total", o.cell(std::to_string(total))}});
  out += o.st.bold(o.st.red(truncate_to_width(notice, o.layout.width))) + "\n";
  std::string files;
  for (std::size_t k = 0; k < p.unread_files.size() && k < 3; ++k)
    files += (k ? ", " : "") + p.files[p.unread_files[k]];
  if (p.unread_files.size() > 3)
    files = fill_label(o.w.more_files, {{"files", files},
                                        {"n", o.cell(std::to_string(p.unread_files.size() - 3))}});
  const std::string lead = "  " + o.w.unread_legend;
  std::string legend = table_row(lead, display_width(lead), files, o.layout);
  legend.pop_back();
  out += o.st.dim(legend) + "\n";
}

// The title, the overall completion, the as-of date and the pace.
void headline(const Overview& o, std::string& out) {
  const Style& st = o.st;
  const Meta* m = o.p.meta();
  const std::size_t width = o.layout.width;
  std::string title = m && m->title.given() ? m->title.value : o.w.untitled;
  out += st.bold(free_text(truncate_to_width(visible(title), width), o.rtl)) + "\n";
  std::string figure = o.cell(coloured_percent(o.s.plan, st)) + " " + o.bar(o.s.plan);
  const std::string as_of = as_of_text(o.p, o.s, o.layout);
  std::string mark;
  if (const PaceMark plan_mark = pace_mark(o.s.plan, o.s.pace); plan_mark != PaceMark::none) {
    mark = pace_cell(plan_mark, st, o.w, pace_width(o.w));
    while (!mark.empty() && mark.back() == ' ') mark.pop_back();
    mark = "  " + mark;
  }
  if (4 + 1 + o.bar_width + 2 + display_width(as_of) + display_width(mark) <= width)
    out += figure + "  " + as_of + mark + "\n";
  else  // too narrow for one line: the figure, then the date
    out += figure + mark + "\n  " + truncate_to_width(as_of, width > 2 ? width - 2 : 0) + "\n";
}

// The goals and the sections, in one table layout: id, figure, bar, pace, done/live.
void goal_and_section_tables(const Overview& o, std::string& out) {
  const Plan& p = o.p;
  const Stats& s = o.s;
  const Style& st = o.st;
  // at least as wide as its heading, "done"
  std::size_t counts_w = std::max<std::size_t>(4, display_width(o.w.done_column));
  for (const StatusCounts& c : s.goal_counts) counts_w = std::max(counts_w, done_of_live(c).size());
  for (const StatusCounts& c : s.section_counts)
    counts_w = std::max(counts_w, done_of_live(c).size());
  const std::size_t pace_w = pace_width(o.w);
  const std::size_t others = 2 + 1 + 4 + 1 + o.bar_width + 2 + pace_w + 2 + counts_w;
  const std::size_t idw = id_column(widest_id(o.ix), others, o.layout);
  const std::size_t fixed_w = others + idw;
  out += "\n" + st.bold(pad_right(o.heading(o.w.goals, p.goals.size()), fixed_w - counts_w)) +
         st.dim(pad_left(o.w.done_column, counts_w)) + "\n";
  for (std::size_t i = 0; i < p.goals.size(); ++i) {
    std::string fixed =
        fmt::format("  {} {} {}  {}  {}", id_cell(p.goals[i].id.value, idw, "  ", out, o.rtl),
                    o.cell(coloured_percent(s.goals[i], st)), o.bar(s.goals[i]),
                    pace_cell(pace_mark(s.goals[i], s.pace), st, o.w, pace_w),
                    pad_left(o.cell(done_of_live(s.goal_counts[i])), counts_w));
    out += table_row(fixed, fixed_w, p.goals[i].title.value, o.layout);
  }

  out += "\n" + st.bold(o.heading(o.w.sections, p.sections.size())) + "\n";
  for (std::size_t i = 0; i < p.sections.size(); ++i) {
    std::string fixed = fmt::format(
        "  {} {} {}  {}  {}", id_cell(p.sections[i].id.value, idw, "  ", out, o.rtl),
        o.cell(coloured_percent(s.sections[i], st)), o.bar(s.sections[i]), std::string(pace_w, ' '),
        pad_left(o.cell(done_of_live(s.section_counts[i])), counts_w));
    out += table_row(fixed, fixed_w, p.sections[i].title.value, o.layout);
  }
}

// Activities by status, wrapped between its parts when the line is too long.
void activity_counts(const Overview& o, std::string& out) {
  const Stats& s = o.s;
  std::vector<std::string> parts;
  for (Status k : kStatuses)
    parts.push_back(o.w.counted_word(k) + " " + o.cell(std::to_string(s.counts.of(k))));
  std::string overdue = o.w.counted_overdue + " " + o.cell(std::to_string(s.counts.overdue));
  parts.push_back(s.counts.overdue > 0 ? o.st.red(overdue) : overdue);
  out += "\n" +
         wrap_parts(o.st.bold(o.heading(o.w.activities, s.counts.total())) + "  ", parts, o.layout);
}

// What is late, soonest due first.
void overdue_list(const Overview& o, std::string& out) {
  const auto& acts = o.ix.activities();
  std::vector<std::size_t> late;
  for (std::size_t i = 0; i < acts.size(); ++i)
    if (o.s.overdue[i]) late.push_back(i);
  std::stable_sort(late.begin(), late.end(), [&](std::size_t a, std::size_t b) {
    return day_number_of(*acts[a].activity) < day_number_of(*acts[b].activity);
  });
  if (late.empty()) return;
  out += "\n" +
         o.st.bold(o.st.red(fill_label(
             o.w.heading, {{"name", o.w.overdue}, {"n", o.cell(std::to_string(late.size()))}}))) +
         "\n";
  std::size_t widest = 2, status_w = 11;
  for (std::size_t k = 0; k < late.size() && k < kListLimit; ++k)
    widest = std::max(widest, display_width(visible(acts[late[k]].activity->id.value)));
  for (Status k : kStatuses) status_w = std::max(status_w, display_width(o.w.status_word(k)));
  const std::size_t due_w = 1 + display_width(fill_label(o.w.due, {{"date", "2009-01-01"}})) + 2;
  const std::size_t aw = id_column(widest, 2 + due_w + status_w, o.layout);
  for (std::size_t k = 0; k < late.size() && k < kListLimit; ++k) {
    const Activity& a = *acts[late[k]].activity;
    std::string fixed = fmt::format("  {} {}  {}", id_cell(a.id.value, aw, "  ", out, o.rtl),
                                    fill_label(o.w.due, {{"date", o.cell(a.due.value.text())}}),
                                    pad_right(o.w.status_word(a.status.value), status_w));
    out += table_row(fixed, 2 + aw + due_w + status_w, a.title.value, o.layout);
  }
  if (late.size() > kListLimit)
    out += o.st.dim("  " + o.more(late.size() - kListLimit, "plan list --overdue")) + "\n";
}

}  // namespace

std::string staleness_note(const Staleness& st, const TerminalLabels& w, bool rtl) {
  if (st.shallow)
    return st.boundary.empty() ? w.stale_shallow
                               : fill_label(w.stale_shallow_before,
                                            {{"date", ltr_cell(visible(st.boundary), rtl)}});
  const std::string why =
      st.no_repository ? w.no_repository : free_text(visible(st.why_unknown), rtl);
  return fill_label(w.stale_unknown, {{"why", why}});
}

namespace {

// Who has not updated: started activities whose state has not changed in git for longer
// than the plan allows, the longest silent first; the note (not known, shallow) once.
void stale_list(const Overview& o, const Staleness* st, std::string& out) {
  if (!st) return;
  if (!st->note.empty())
    out += "\n" +
           o.st.dim(truncate_to_width(staleness_note(*st, o.w, o.layout.rtl), o.layout.width)) +
           "\n";
  if (st->stale.empty()) return;
  const auto& acts = o.ix.activities();
  std::vector<StaleActivity> rows = st->stale;
  std::stable_sort(rows.begin(), rows.end(),
                   [](const StaleActivity& a, const StaleActivity& b) { return a.days > b.days; });
  out += (st->note.empty() ? "\n" : "") +
         o.st.bold(o.st.yellow(truncate_to_width(
             fill_label(o.w.stale, {{"n", o.cell(std::to_string(rows.size()))},
                                    {"days", o.cell(std::to_string(st->stale_after))}}),
             o.layout.width))) +
         "\n";
  std::size_t widest = 2, days_w = 1, status_w = 11;
  for (std::size_t k = 0; k < rows.size() && k < kListLimit; ++k) {
    widest = std::max(widest, display_width(visible(acts[rows[k].activity].activity->id.value)));
    days_w = std::max(days_w, std::to_string(rows[k].days).size());
  }
  for (Status k : kStatuses) status_w = std::max(status_w, display_width(o.w.status_word(k)));
  // "  id  since 2009-04-01  61 days  in-progress "
  const std::size_t since_w = 1 + display_width(fill_label(o.w.since, {{"date", "2009-01-01"}}));
  const std::size_t days_cell_w =
      display_width(fill_label(o.w.days, {{"n", std::string(days_w, '0')}}));
  const std::size_t fixed_others = 2 + since_w + 2 + days_cell_w + 2 + status_w;
  const std::size_t aw = id_column(widest, fixed_others, o.layout);
  for (std::size_t k = 0; k < rows.size() && k < kListLimit; ++k) {
    const Activity& a = *acts[rows[k].activity].activity;
    std::string fixed = fmt::format(
        "  {} {}  {}  {}", id_cell(a.id.value, aw, "  ", out, o.rtl),
        fill_label(o.w.since, {{"date", o.cell(rows[k].last_change)}}),
        fill_label(o.w.days, {{"n", o.cell(pad_left(std::to_string(rows[k].days), days_w))}}),
        pad_right(o.w.status_word(a.status.value), status_w));
    out += table_row(fixed, fixed_others + aw, a.title.value, o.layout);
  }
  if (rows.size() > kListLimit)
    out += o.st.dim("  " + o.more(rows.size() - kListLimit, "plan list --stale")) + "\n";
}

// Coverage gaps: not known while a file is unread (it may hold what fills them).
void coverage_gaps(const Overview& o, std::string& out) {
  const Plan& p = o.p;
  const Stats& s = o.s;
  const Style& st = o.st;
  if (!s.complete) {
    out += "\n" + st.bold(st.yellow(o.w.coverage_gaps)) + st.dim("  – " + o.w.gaps_unknown) + "\n";
    return;
  }
  if (s.gap_goals.empty() && s.gap_targets.empty()) return;
  out +=
      "\n" +
      st.bold(st.yellow(o.heading(o.w.coverage_gaps, s.gap_goals.size() + s.gap_targets.size()))) +
      "\n";
  std::size_t widest = 2;
  for (std::size_t g : s.gap_goals)
    widest = std::max(widest, display_width(visible(p.goals[g].id.value)));
  for (std::size_t t : s.gap_targets)
    widest = std::max(widest, display_width(visible(p.targets[t].id.value)));
  // English: " goal with no measurable target  " and the target's kind padded to it, 34 cells.
  const std::size_t kind_w =
      std::max(display_width(o.w.gap_goal), display_width(o.w.gap_target)) + 4;
  const std::size_t gw = id_column(widest, 2 + kind_w, o.layout);
  std::size_t shown = 0;
  for (std::size_t g : s.gap_goals)
    if (shown++ < kListLimit)
      out += table_row(fmt::format("  {} {}", id_cell(p.goals[g].id.value, gw, "  ", out, o.rtl),
                                   pad_right(o.w.gap_goal, kind_w - 2)),
                       2 + gw + kind_w, p.goals[g].title.value, o.layout);
  for (std::size_t t : s.gap_targets)
    if (shown++ < kListLimit)
      out += table_row(fmt::format("  {} {}", id_cell(p.targets[t].id.value, gw, "  ", out, o.rtl),
                                   pad_right(o.w.gap_target, kind_w - 2)),
                       2 + gw + kind_w, p.targets[t].title.value, o.layout);
  if (shown > kListLimit) out += st.dim("  " + o.more(shown - kListLimit, "")) + "\n";
}

}  // namespace

std::string check_line(const CheckSummary& checks, const Style& style, std::size_t width,
                       const TerminalLabels& w, bool rtl) {
  auto count = [&](const PluralText& t, std::size_t n) {
    return fill_label(t.of(n), {{"n", ltr_cell(std::to_string(n), rtl)}});
  };
  std::string check = fill_label(w.check, {{"errors", count(w.errors, checks.errors)},
                                           {"warnings", count(w.warnings, checks.warnings)}});
  if (checks.errors > 0)
    check = style.red(check);
  else if (checks.warnings > 0)
    check = style.yellow(check);
  const std::string details =
      checks.errors + checks.warnings > 0
          ? "  " + fill_label(w.details, {{"command", ltr_cell("plan check", rtl)}})
          : "";
  return "\n" + check +
         (display_width(check) + display_width(details) <= width ? style.dim(details) : "") + "\n";
}

std::string render_status_text(const PlanIndex& ix, const Stats& s, const CheckSummary& checks,
                               const TextLayout& layout, const Staleness* staleness) {
  const std::size_t width = layout.width;
  // A wide terminal gets longer bars; a narrow one keeps its room for the titles.
  const std::size_t bar_width = layout.limited() && width >= 120 ? 20
                                : layout.limited() && width < 80 ? 5
                                                                 : 10;
  const Overview o{ix, ix.plan(), s, layout, layout.style, bar_width};
  std::string out;
  unread_notice(o, out);
  headline(o, out);
  goal_and_section_tables(o, out);
  activity_counts(o, out);
  overdue_list(o, out);
  stale_list(o, staleness, out);
  coverage_gaps(o, out);
  out += check_line(checks, o.st, layout.width, o.w, o.rtl);
  return mirror_lines(out, layout.rtl);
}

}  // namespace plan
