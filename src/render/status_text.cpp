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

std::string plural(std::size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
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
std::string as_of_text(const Plan& p, const Stats& s) {
  std::string out = "as of " + visible(s.as_of.text());
  const Meta* m = p.meta();
  if (!s.pace || !m) return out;
  if (s.as_of.valid && m->end.value < s.as_of) return out + ", period ended " + m->end.value.text();
  if (s.as_of.valid && s.as_of < m->start.value)
    return out + ", period starts " + m->start.value.text();
  std::string pct = percent_text(s.pace);
  pct.erase(0, pct.find_first_not_of(' '));
  return out + ", " + pct + " of the period gone";
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

std::string table_row(const std::string& fixed, std::size_t fixed_width, const std::string& text,
                      const TextLayout& layout) {
  std::string t = visible(text);
  if (layout.limited())
    t = truncate_to_width(t, layout.width > fixed_width + 1 ? layout.width - fixed_width - 1 : 0);
  return fixed + (t.empty() ? "" : " " + bidi_safe(t)) + "\n";
}

std::string id_cell(const std::string& id, std::size_t width, const std::string& indent,
                    std::string& out) {
  std::string shown = visible(id);
  if (display_width(shown) <= width) return pad_right(shown, width);
  out += indent + bidi_safe(shown) + "\n";
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

std::string incomplete_notice(std::size_t unread, std::size_t files, const std::string& where) {
  if (unread == 0) return "";
  return fmt::format("{} of {} file{} could not be read{}: figures are incomplete", unread, files,
                     files == 1 ? "" : "s", where.empty() ? "" : " " + where);
}

std::string incomplete_notice(const Plan& p) {
  return incomplete_notice(p.unread_files.size(), p.files.empty() ? 0 : p.files.size() - 1);
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

  // While a file is unread, the counts are of what was read.
  std::string heading(const char* name, std::size_t n) const {
    return s.complete ? fmt::format("{} ({})", name, n)
                      : fmt::format("{} ({} in the files read)", name, n);
  }
};

// Before anything else: figures that are not whole say so.
void unread_notice(const Overview& o, std::string& out) {
  if (o.s.complete) return;
  const Plan& p = o.p;
  out += o.st.bold(o.st.red(truncate_to_width(incomplete_notice(p), o.layout.width))) + "\n";
  std::string files;
  for (std::size_t k = 0; k < p.unread_files.size() && k < 3; ++k)
    files += (k ? ", " : "") + p.files[p.unread_files[k]];
  if (p.unread_files.size() > 3) files += fmt::format(" and {} more", p.unread_files.size() - 3);
  std::string legend = table_row("  – marks a figure that needs", 28, files, o.layout);
  legend.pop_back();
  out += o.st.dim(legend) + "\n";
}

// The title, the overall completion, the as-of date and the pace.
void headline(const Overview& o, std::string& out) {
  const Style& st = o.st;
  const Meta* m = o.p.meta();
  const std::size_t width = o.layout.width;
  std::string title = m && m->title.given() ? m->title.value : "(untitled plan)";
  out += st.bold(bidi_safe(truncate_to_width(visible(title), width))) + "\n";
  std::string figure = coloured_percent(o.s.plan, st) + " " + progress_bar(o.s.plan, o.bar_width);
  const std::string as_of = as_of_text(o.p, o.s);
  std::string mark;
  if (const PaceMark plan_mark = pace_mark(o.s.plan, o.s.pace); plan_mark != PaceMark::none) {
    mark = pace_cell(plan_mark, st);
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
  std::size_t counts_w = 4;  // at least as wide as its heading, "done"
  for (const StatusCounts& c : s.goal_counts) counts_w = std::max(counts_w, done_of_live(c).size());
  for (const StatusCounts& c : s.section_counts)
    counts_w = std::max(counts_w, done_of_live(c).size());
  const std::size_t others = 2 + 1 + 4 + 1 + o.bar_width + 2 + 9 + 2 + counts_w;
  const std::size_t idw = id_column(widest_id(o.ix), others, o.layout);
  const std::size_t fixed_w = others + idw;
  out += "\n" + st.bold(pad_right(o.heading("Goals", p.goals.size()), fixed_w - counts_w)) +
         st.dim(pad_left("done", counts_w)) + "\n";
  for (std::size_t i = 0; i < p.goals.size(); ++i) {
    std::string fixed =
        fmt::format("  {} {} {}  {}  {}", id_cell(p.goals[i].id.value, idw, "  ", out),
                    coloured_percent(s.goals[i], st), progress_bar(s.goals[i], o.bar_width),
                    pace_cell(pace_mark(s.goals[i], s.pace), st),
                    pad_left(done_of_live(s.goal_counts[i]), counts_w));
    out += table_row(fixed, fixed_w, p.goals[i].title.value, o.layout);
  }

  out += "\n" + st.bold(o.heading("Sections", p.sections.size())) + "\n";
  for (std::size_t i = 0; i < p.sections.size(); ++i) {
    std::string fixed =
        fmt::format("  {} {} {}  {}  {}", id_cell(p.sections[i].id.value, idw, "  ", out),
                    coloured_percent(s.sections[i], st), progress_bar(s.sections[i], o.bar_width),
                    std::string(9, ' '), pad_left(done_of_live(s.section_counts[i]), counts_w));
    out += table_row(fixed, fixed_w, p.sections[i].title.value, o.layout);
  }
}

// Activities by status, wrapped between its parts when the line is too long.
void activity_counts(const Overview& o, std::string& out) {
  const Stats& s = o.s;
  std::vector<std::string> parts;
  for (Status k : kStatuses)
    parts.push_back(fmt::format("{} {}", k == Status::in_progress ? "in progress" : status_name(k),
                                s.counts.of(k)));
  std::string overdue = fmt::format("overdue {}", s.counts.overdue);
  parts.push_back(s.counts.overdue > 0 ? o.st.red(overdue) : overdue);
  out += "\n" +
         wrap_parts(o.st.bold(o.heading("Activities", s.counts.total())) + "  ", parts, o.layout);
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
  out += "\n" + o.st.bold(o.st.red(fmt::format("Overdue ({})", late.size()))) + "\n";
  std::size_t widest = 2;
  for (std::size_t k = 0; k < late.size() && k < kListLimit; ++k)
    widest = std::max(widest, display_width(visible(acts[late[k]].activity->id.value)));
  const std::size_t aw = id_column(widest, 2 + 5 + 10 + 2 + 11, o.layout);
  for (std::size_t k = 0; k < late.size() && k < kListLimit; ++k) {
    const Activity& a = *acts[late[k]].activity;
    std::string fixed = fmt::format("  {} due {}  {}", id_cell(a.id.value, aw, "  ", out),
                                    a.due.value.text(), pad_right(status_name(a.status.value), 11));
    out += table_row(fixed, 2 + aw + 5 + 10 + 2 + 11, a.title.value, o.layout);
  }
  if (late.size() > kListLimit)
    out += o.st.dim(fmt::format("  and {} more: plan list --overdue\n", late.size() - kListLimit));
}

// Who has not updated: started activities whose state has not changed in git for longer
// than the plan allows, the longest silent first; the note (not known, shallow) once.
void stale_list(const Overview& o, const Staleness* st, std::string& out) {
  if (!st) return;
  if (!st->note.empty())
    out += "\n" + o.st.dim(truncate_to_width(visible(st->note), o.layout.width)) + "\n";
  if (st->stale.empty()) return;
  const auto& acts = o.ix.activities();
  std::vector<StaleActivity> rows = st->stale;
  std::stable_sort(rows.begin(), rows.end(),
                   [](const StaleActivity& a, const StaleActivity& b) { return a.days > b.days; });
  out += (st->note.empty() ? "\n" : "") +
         o.st.bold(o.st.yellow(truncate_to_width(
             fmt::format("Stale ({}): no change for over {} days", rows.size(), st->stale_after),
             o.layout.width))) +
         "\n";
  std::size_t widest = 2, days_w = 1;
  for (std::size_t k = 0; k < rows.size() && k < kListLimit; ++k) {
    widest = std::max(widest, display_width(visible(acts[rows[k].activity].activity->id.value)));
    days_w = std::max(days_w, std::to_string(rows[k].days).size());
  }
  // "  id  since 2009-04-01  61 days  in-progress "
  const std::size_t fixed_others = 2 + 7 + 10 + 2 + days_w + 5 + 2 + 11;
  const std::size_t aw = id_column(widest, fixed_others, o.layout);
  for (std::size_t k = 0; k < rows.size() && k < kListLimit; ++k) {
    const Activity& a = *acts[rows[k].activity].activity;
    std::string fixed = fmt::format(
        "  {} since {}  {} days  {}", id_cell(a.id.value, aw, "  ", out), rows[k].last_change,
        pad_left(std::to_string(rows[k].days), days_w), pad_right(status_name(a.status.value), 11));
    out += table_row(fixed, fixed_others + aw, a.title.value, o.layout);
  }
  if (rows.size() > kListLimit)
    out += o.st.dim(fmt::format("  and {} more: plan list --stale\n", rows.size() - kListLimit));
}

// Coverage gaps: not known while a file is unread (it may hold what fills them).
void coverage_gaps(const Overview& o, std::string& out) {
  const Plan& p = o.p;
  const Stats& s = o.s;
  const Style& st = o.st;
  if (!s.complete) {
    out += "\n" + st.bold(st.yellow("Coverage gaps")) +
           st.dim("  – not known while a file cannot be read") + "\n";
    return;
  }
  if (s.gap_goals.empty() && s.gap_targets.empty()) return;
  out += "\n" +
         st.bold(st.yellow(
             fmt::format("Coverage gaps ({})", s.gap_goals.size() + s.gap_targets.size()))) +
         "\n";
  std::size_t widest = 2;
  for (std::size_t g : s.gap_goals)
    widest = std::max(widest, display_width(visible(p.goals[g].id.value)));
  for (std::size_t t : s.gap_targets)
    widest = std::max(widest, display_width(visible(p.targets[t].id.value)));
  const std::size_t gw = id_column(widest, 2 + 34, o.layout);
  std::size_t shown = 0;
  for (std::size_t g : s.gap_goals)
    if (shown++ < kListLimit)
      out += table_row(fmt::format("  {} goal with no measurable target  ",
                                   id_cell(p.goals[g].id.value, gw, "  ", out)),
                       2 + gw + 34, p.goals[g].title.value, o.layout);
  for (std::size_t t : s.gap_targets)
    if (shown++ < kListLimit)
      out += table_row(fmt::format("  {} target with no live activity    ",
                                   id_cell(p.targets[t].id.value, gw, "  ", out)),
                       2 + gw + 34, p.targets[t].title.value, o.layout);
  if (shown > kListLimit) out += st.dim(fmt::format("  and {} more\n", shown - kListLimit));
}

}  // namespace

std::string check_line(const CheckSummary& checks, const Style& style, std::size_t width) {
  std::string check = fmt::format("Check: {}, {}", plural(checks.errors, "error", "errors"),
                                  plural(checks.warnings, "warning", "warnings"));
  if (checks.errors > 0)
    check = style.red(check);
  else if (checks.warnings > 0)
    check = style.yellow(check);
  const std::string details = checks.errors + checks.warnings > 0 ? "  (details: plan check)" : "";
  return "\n" + check + (display_width(check) + details.size() <= width ? style.dim(details) : "") +
         "\n";
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
  out += check_line(checks, o.st, layout.width);
  return out;
}

}  // namespace plan
