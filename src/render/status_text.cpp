#include "render/status_text.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "util/date.hpp"

namespace plan {

namespace {
constexpr std::size_t kListLimit = 10;  // overdue items and gaps shown before "and N more"

long day_number_of(const Activity& a) { return day_number(a.due.value); }

std::string plural(std::size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::size_t id_width(const PlanIndex& ix) {
  std::size_t w = 2;
  const Plan& p = ix.plan();
  for (const Goal& g : p.goals) w = std::max(w, display_width(g.id.value));
  for (const Section& s : p.sections) w = std::max(w, display_width(s.id.value));
  return std::min<std::size_t>(w, 24);
}

std::string coloured_percent(const Completion& c, const Style& st) {
  std::string t = percent_text(c);
  if (!c) return st.dim(t);
  return *c >= 1.0 ? st.green(t) : t;
}

// "done/live", e.g. 3/7: finished work against the work that still counts.
std::string done_of_live(const StatusCounts& c) {
  return fmt::format("{}/{}", c.of(Status::done), c.total() - c.of(Status::dropped));
}
}  // namespace

std::string pace_cell(PaceMark mark, const Style& st) {
  switch (mark) {
    case PaceMark::ahead: return st.green("▲ ahead  ");
    case PaceMark::behind: return st.yellow("▼ behind ");
    case PaceMark::on_pace: return "● on pace";
    case PaceMark::none: break;
  }
  return std::string(9, ' ');
}

std::string table_row(const std::string& fixed, std::size_t fixed_width, const std::string& text,
                      const TextLayout& layout) {
  const std::size_t room = layout.width > fixed_width + 1 ? layout.width - fixed_width - 1 : 0;
  std::string t = truncate_to_width(text, room);
  return fixed + (t.empty() ? "" : " " + bidi_safe(t)) + "\n";
}

std::string render_status_text(const PlanIndex& ix, const Stats& s, const CheckSummary& checks,
                               const TextLayout& layout) {
  const Plan& p = ix.plan();
  const Style& st = layout.style;
  const Meta* m = p.meta();
  const std::size_t idw = id_width(ix);
  // A narrow terminal keeps its room for the titles.
  const std::size_t kBarWidth = layout.width >= 120 ? 20 : 10;
  std::string out;

  // Title and overall completion.
  std::string title = m && m->title.given() ? m->title.value : "(untitled plan)";
  out += st.bold(bidi_safe(truncate_to_width(title, layout.width))) + "\n";
  std::string overall = fmt::format("{} {}  as of {}", coloured_percent(s.plan, st),
                                    progress_bar(s.plan, kBarWidth), s.as_of.text());
  if (s.pace) overall += fmt::format(", {} of the period gone", percent_text(s.pace).substr(1));
  const PaceMark plan_mark = pace_mark(s.plan, s.pace);
  if (plan_mark != PaceMark::none) {
    std::string mark = pace_cell(plan_mark, st);
    while (!mark.empty() && mark.back() == ' ') mark.pop_back();
    overall += "  " + mark;
  }
  out += overall + "\n";

  // Goals.
  std::size_t counts_w = 4;  // at least as wide as its heading, "done"
  for (const StatusCounts& c : s.goal_counts) counts_w = std::max(counts_w, done_of_live(c).size());
  for (const StatusCounts& c : s.section_counts) counts_w = std::max(counts_w, done_of_live(c).size());
  const std::size_t fixed_w = 2 + idw + 1 + 4 + 1 + kBarWidth + 2 + 9 + 2 + counts_w;
  out += "\n" + st.bold(pad_right(fmt::format("Goals ({})", p.goals.size()), fixed_w - counts_w)) +
         st.dim(pad_left("done", counts_w)) + "\n";
  for (std::size_t i = 0; i < p.goals.size(); ++i) {
    std::string fixed = fmt::format("  {} {} {}  {}  {}", pad_right(p.goals[i].id.value, idw),
                                    coloured_percent(s.goals[i], st), progress_bar(s.goals[i], kBarWidth),
                                    pace_cell(pace_mark(s.goals[i], s.pace), st),
                                    pad_left(done_of_live(s.goal_counts[i]), counts_w));
    out += table_row(fixed, fixed_w, p.goals[i].title.value, layout);
  }

  // Sections.
  out += "\n" + st.bold(fmt::format("Sections ({})", p.sections.size())) + "\n";
  for (std::size_t i = 0; i < p.sections.size(); ++i) {
    std::string fixed = fmt::format("  {} {} {}  {}  {}", pad_right(p.sections[i].id.value, idw),
                                    coloured_percent(s.sections[i], st),
                                    progress_bar(s.sections[i], kBarWidth), std::string(9, ' '),
                                    pad_left(done_of_live(s.section_counts[i]), counts_w));
    out += table_row(fixed, fixed_w, p.sections[i].title.value, layout);
  }

  // Activities by status.
  out += "\n" + st.bold(fmt::format("Activities ({})", s.counts.total())) + "  ";
  std::vector<std::string> parts;
  for (Status k : kStatuses) parts.push_back(fmt::format("{} {}", k == Status::in_progress ? "in progress" : status_name(k), s.counts.of(k)));
  std::string overdue = fmt::format("overdue {}", s.counts.overdue);
  parts.push_back(s.counts.overdue > 0 ? st.red(overdue) : overdue);
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? " · " : "") + parts[i];
  out += "\n";

  // What is late.
  const auto& acts = ix.activities();
  std::vector<std::size_t> late;
  for (std::size_t i = 0; i < acts.size(); ++i)
    if (s.overdue[i]) late.push_back(i);
  std::stable_sort(late.begin(), late.end(), [&](std::size_t a, std::size_t b) {
    return day_number_of(*acts[a].activity) < day_number_of(*acts[b].activity);
  });
  if (!late.empty()) {
    out += "\n" + st.bold(st.red(fmt::format("Overdue ({})", late.size()))) + "\n";
    std::size_t aw = 0;
    for (std::size_t i : late) aw = std::max(aw, display_width(acts[i].activity->id.value));
    aw = std::min<std::size_t>(aw, 24);
    for (std::size_t k = 0; k < late.size() && k < kListLimit; ++k) {
      const Activity& a = *acts[late[k]].activity;
      std::string fixed = fmt::format("  {} due {}  {}", pad_right(a.id.value, aw), a.due.value.text(),
                                      pad_right(status_name(a.status.value), 11));
      out += table_row(fixed, 2 + aw + 5 + 10 + 2 + 11, a.title.value, layout);
    }
    if (late.size() > kListLimit)
      out += st.dim(fmt::format("  and {} more: plan list --overdue\n", late.size() - kListLimit));
  }

  // Coverage gaps.
  if (!s.gap_goals.empty() || !s.gap_targets.empty()) {
    out += "\n" + st.bold(st.yellow(fmt::format("Coverage gaps ({})", s.gap_goals.size() + s.gap_targets.size()))) + "\n";
    std::size_t gw = 2;
    for (std::size_t g : s.gap_goals) gw = std::max(gw, display_width(p.goals[g].id.value));
    for (std::size_t t : s.gap_targets) gw = std::max(gw, display_width(p.targets[t].id.value));
    gw = std::min<std::size_t>(gw, 24);
    std::size_t shown = 0;
    for (std::size_t g : s.gap_goals)
      if (shown++ < kListLimit)
        out += table_row(fmt::format("  {} goal with no measurable target  ", pad_right(p.goals[g].id.value, gw)),
                         2 + gw + 34, p.goals[g].title.value, layout);
    for (std::size_t t : s.gap_targets)
      if (shown++ < kListLimit)
        out += table_row(fmt::format("  {} target with no live activity    ", pad_right(p.targets[t].id.value, gw)),
                         2 + gw + 34, p.targets[t].title.value, layout);
    if (shown > kListLimit) out += st.dim(fmt::format("  and {} more\n", shown - kListLimit));
  }

  // Checks.
  std::string check = fmt::format("Check: {}, {}", plural(checks.errors, "error", "errors"),
                                  plural(checks.warnings, "warning", "warnings"));
  if (checks.errors > 0) check = st.red(check);
  else if (checks.warnings > 0) check = st.yellow(check);
  out += "\n" + check + (checks.errors + checks.warnings > 0 ? st.dim("  (details: plan check)") : "") + "\n";
  return out;
}

}  // namespace plan
