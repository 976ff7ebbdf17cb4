#include "render/workspace_text.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "util/visible.hpp"

namespace plan {

namespace {
constexpr std::size_t kListLimit = 10;  // stale activities shown per unit before "and N more"
// Below this many cells, a unit's title gets a line of its own above its figures.
constexpr std::size_t kMinTitle = 12;

// What every part of the overview shares. Its words are the layout's (the workspace's
// language); for a right-to-left one, figures, ids and dates are isolated cells and the
// lines are mirrored at the end, as in status_text.
struct Overview {
  const WorkspaceView& w;
  const Rollup& r;
  const TextLayout& layout;
  const Style& st;
  std::size_t bar_width;  // 0: no bar (narrow terminals)
  bool history_known;
  const TerminalLabels& words = layout.words();
  const WorkspaceWords& ws = words.workspace;
  const bool rtl = layout.rtl;
  // The pace mark, or "not counted", in a column this wide (English: 11).
  const std::size_t mark_width = std::max(pace_width(words), display_width(ws.not_counted));

  std::string bar(const Completion& c) const {
    return bar_width == 0 ? "" : " " + rtl_bar(progress_bar(c, bar_width), rtl);
  }
  std::size_t bar_cells() const { return bar_width == 0 ? 0 : bar_width + 1; }
  std::string cell(std::string_view t) const { return ltr_cell(t, rtl); }
  std::string number(std::size_t n) const { return cell(std::to_string(n)); }
  // An id inside a line of words: isolated as a cell in a mirrored layout, else when not ASCII.
  std::string id(const std::string& t) const {
    return rtl ? cell(visible(t)) : bidi_safe(visible(t));
  }
  std::string heading(const std::string& name, std::size_t n) const {
    return fill_label(words.heading, {{"name", name}, {"n", number(n)}});
  }
  std::size_t counted() const {
    std::size_t n = 0;
    for (std::size_t i = 0; i < w.units.size(); ++i) n += unit_figures(w, i).counted ? 1 : 0;
    return n;
  }
};

// The title, the movement's completion and the as-of date.
void headline(const Overview& o, std::string& out) {
  const std::size_t width = o.layout.width;
  const std::string title = o.w.title.empty() ? o.ws.untitled : o.w.title;
  out += o.st.bold(free_text(truncate_to_width(visible(title), width), o.rtl)) + "\n";
  const std::size_t n = o.w.units.size(), counted = o.counted();
  std::string units = fill_label(o.ws.units.of(n), {{"n", o.number(n)}});
  if (counted < n)
    units +=
        ", " + fill_label(o.ws.not_counted_count.of(n - counted), {{"n", o.number(n - counted)}});
  const std::string as_of =
      fill_label(o.words.as_of, {{"date", o.cell(visible(o.w.as_of.text()))}}) + " · " + units;
  const std::string figure = o.cell(coloured_percent(o.r.movement, o.st)) + o.bar(o.r.movement);
  if (4 + o.bar_cells() + 2 + display_width(as_of) <= width)
    out += figure + "  " + as_of + "\n";
  else
    out += figure + "\n  " + truncate_to_width(as_of, width > 2 ? width - 2 : 0) + "\n";
}

// The pace mark, or "not counted", in a column of mark_width cells.
std::string mark_cell(const Overview& o, const UnitFigures& f) {
  if (!f.counted) return o.st.red(pad_right(o.ws.not_counted, o.mark_width));
  return pace_cell(f.pace_mark, o.st, o.words, o.mark_width);
}

// A heading, and a note after it when the line has room for the note whole.
std::string heading(const Overview& o, const std::string& title, const std::string& note) {
  const bool fits =
      !o.layout.limited() || display_width(title) + 2 + display_width(note) <= o.layout.width;
  return "\n" + o.st.bold(title) + (fits && !note.empty() ? o.st.dim("  " + note) : "") + "\n";
}

// A line of the legend, cut to the width.
std::string legend(const Overview& o, const std::string& text) {
  return o.st.dim(truncate_to_width(text, o.layout.width)) + "\n";
}

// A row whose free text is on a line of its own: no trailing blanks.
std::string trimmed(std::string row) {
  while (row.size() > 1 && row[row.size() - 2] == ' ') row.erase(row.size() - 2, 1);
  return row;
}

std::string dash_or(const Overview& o, bool known, const std::string& text) {
  return known ? o.cell(text) : "–";
}

void units_table(const Overview& o, std::string& out) {
  const WorkspaceView& w = o.w;
  const Style& st = o.st;
  const WorkspaceWords& ws = o.ws;
  // Each column at least as wide as its heading (English: done, late, err, stale, changed).
  std::size_t counts_w = std::max<std::size_t>(4, display_width(o.words.done_column)), widest = 2;
  for (std::size_t i = 0; i < w.units.size(); ++i) {
    widest = std::max(widest, display_width(visible(w.units[i].id)));
    if (unit_figures(w, i).counted)
      counts_w = std::max(counts_w, done_of_live(unit_figures(w, i).counts).size());
  }
  std::size_t late_w = std::max<std::size_t>(4, display_width(ws.late)),
              err_w = std::max<std::size_t>(3, display_width(ws.errors)),
              stale_w = std::max<std::size_t>(5, display_width(ws.stale));
  const std::size_t changed_w = std::max<std::size_t>(10, display_width(ws.changed));
  for (std::size_t i = 0; i < w.units.size(); ++i) {
    const UnitFigures& f = unit_figures(w, i);
    late_w = std::max(late_w, std::to_string(f.counts.overdue).size());
    err_w = std::max(err_w, std::to_string(f.errors).size());
    stale_w = std::max(stale_w, std::to_string(f.stale).size());
  }
  // id, percent, bar, mark; then done, late, err, stale, changed (a date and its mark).
  const std::size_t columns = counts_w + 1 + late_w + 1 + err_w + 1 + stale_w + 1 + changed_w + 1;
  const std::size_t figures = 1 + 4 + o.bar_cells() + 2 + o.mark_width + 1 + columns;
  std::size_t idw = id_column(widest, 2 + figures, o.layout, 0);
  const auto room_for_title = [&](std::size_t id_width) {
    const std::size_t fixed = 2 + id_width + figures;
    if (!o.layout.limited()) return kNoWidthLimit;
    return o.layout.width > fixed + 1 ? o.layout.width - fixed - 1 : 0;
  };
  const bool title_inline = room_for_title(idw) >= kMinTitle;
  // Each title on a line of its own, with its id: the figures below need no id column.
  if (!title_inline) idw = 2;
  const std::size_t fixed_w = 2 + idw + figures;

  const std::size_t lead = fixed_w - columns;
  out += "\n" + st.bold(pad_right(o.heading(ws.units_heading, w.units.size()), lead)) +
         st.dim(fmt::format("{} {} {} {} {}", pad_left(o.words.done_column, counts_w),
                            pad_left(ws.late, late_w), pad_left(ws.errors, err_w),
                            pad_left(ws.stale, stale_w), ws.changed)) +
         "\n";
  bool any_not_counted = false, any_stale_unit = false;
  for (std::size_t i = 0; i < w.units.size(); ++i) {
    const WorkspaceUnitView& u = w.units[i];
    const UnitFigures& f = unit_figures(w, i);
    any_not_counted = any_not_counted || !f.counted;
    any_stale_unit = any_stale_unit || f.stale_unit;
    if (!title_inline) {  // the id and the title on a line of their own, the figures below
      out += table_row("  " + o.st.bold(o.cell(visible(u.id))), 2 + display_width(visible(u.id)),
                       u.title, o.layout);
    }
    std::string id = title_inline ? id_cell(u.id, idw, "  ", out, o.rtl) : std::string(idw, ' ');
    std::string late = dash_or(o, f.counted, std::to_string(f.counts.overdue));
    if (f.counted && f.counts.overdue > 0) late = st.red(pad_left(late, late_w));
    std::string err = o.number(f.errors);
    if (f.errors > 0) err = st.red(pad_left(err, err_w));
    std::string changed = f.last_change.empty() ? "–" : o.cell(f.last_change);
    changed = pad_right(changed, changed_w) + (f.stale_unit ? "*" : " ");
    if (f.stale_unit) changed = st.yellow(changed);
    std::string stale = dash_or(o, f.counted && o.history_known, std::to_string(f.stale));
    if (f.counted && o.history_known && f.stale > 0) stale = st.yellow(pad_left(stale, stale_w));
    std::string fixed = fmt::format(
        "  {} {}{}  {} {} {} {} {} {}", id,
        f.counted ? o.cell(coloured_percent(f.completion, st)) : "   –",
        o.bar(f.counted ? f.completion : Completion{}), mark_cell(o, f),
        pad_left(dash_or(o, f.counted, done_of_live(f.counts)), counts_w), pad_left(late, late_w),
        pad_left(err, err_w), pad_left(stale, stale_w), changed);
    out += title_inline ? table_row(fixed, fixed_w, u.title, o.layout)
                        : trimmed(table_row(fixed, fixed_w, "", o.layout));
  }
  if (any_not_counted)
    out += o.st.dim(wrap_parts("  ", {ws.not_counted_legend, ws.not_counted_why}, o.layout, 4));
  if (any_stale_unit) out += legend(o, "  " + ws.stale_unit_legend);
}

// The counted units' activities by status.
void activity_counts(const Overview& o, std::string& out) {
  const StatusCounts c = movement_counts(o.w);
  std::vector<std::string> parts;
  for (Status k : kStatuses) parts.push_back(o.words.counted_word(k) + " " + o.number(c.of(k)));
  std::string overdue = o.words.counted_overdue + " " + o.number(c.overdue);
  parts.push_back(c.overdue > 0 ? o.st.red(overdue) : overdue);
  out += "\n" +
         wrap_parts(o.st.bold(o.heading(o.words.activities, c.total())) + "  ", parts, o.layout);
}

// "galil 50%", "negev –", "kinneret not counted".
std::string contribution_text(const Overview& o, const Contribution& c) {
  const std::string id = o.id(o.w.units[c.unit].id);
  if (!unit_figures(o.w, c.unit).counted) return id + " " + o.st.red(o.ws.not_counted);
  std::string pct = percent_text(c.completion);
  pct.erase(0, pct.find_first_not_of(' '));
  return id + " " + o.cell(pct);
}

void shared_goals(const Overview& o, std::string& out) {
  const WorkspaceView& w = o.w;
  const Rollup& r = o.r;
  const Style& st = o.st;
  if (r.goals.empty()) {
    out += heading(o, o.ws.shared_goals, o.ws.no_shared_goals);
  } else {
    out += heading(o, o.heading(o.ws.shared_goals, r.goals.size()), o.ws.shared_goals_note);
    std::size_t widest = 2;
    for (const SharedGoal& g : r.goals)
      widest = std::max(widest, display_width(visible(shared_goal_id(w, g))));
    const std::size_t others = 2 + 1 + 4 + o.bar_cells();
    const std::size_t gw = id_column(widest, others, o.layout);
    for (const SharedGoal& g : r.goals) {
      const WorkspaceUnitView& home = w.units[g.unit];
      const std::string title = home.index && g.goal < home.index->plan().goals.size()
                                    ? home.index->plan().goals[g.goal].title.value
                                    : std::string();
      std::string fixed =
          fmt::format("  {} {}{}", id_cell(shared_goal_id(w, g), gw, "  ", out, o.rtl),
                      o.cell(coloured_percent(g.completion, st)), o.bar(g.completion));
      out += table_row(fixed, others + gw, title, o.layout);
      if (g.contributions.empty()) {
        out += "    " + st.dim(o.ws.served_by_none) + "\n";
        continue;
      }
      std::vector<std::string> parts;
      for (const Contribution& c : g.contributions) parts.push_back(contribution_text(o, c));
      out += wrap_parts("    " + st.dim(o.ws.served_by) + " ", parts, o.layout, 4);
    }
  }
  if (!r.serving_none.empty()) {
    std::vector<std::string> parts;
    for (std::size_t u : r.serving_none) parts.push_back(o.id(w.units[u].id));
    out += "\n" + wrap_parts(st.bold(o.heading(o.ws.serving_none, r.serving_none.size())) + "  ",
                             parts, o.layout);
  }
}

void stale_list(const Overview& o, std::string& out) {
  const WorkspaceView& w = o.w;
  const Style& st = o.st;
  if (!o.history_known) {
    // Said once, whole: it is the only word on staleness there is.
    const std::string why = w.history_not_read ? o.ws.history_not_read
                            : w.no_repository  ? o.words.no_repository
                                               : free_text(visible(w.history_note), o.rtl);
    const std::string note = fill_label(o.ws.stale_unknown, {{"why", why}});
    const bool fits =
        !o.layout.limited() ||
        display_width(o.ws.stale_activities) + 2 + display_width(note) <= o.layout.width;
    out += "\n" + st.bold(o.ws.stale_activities) + (fits ? "  " : "\n  ") + st.dim(note) + "\n";
    return;
  }
  std::size_t total = 0, widest = 2, days_w = 1;
  for (std::size_t i = 0; i < w.units.size(); ++i) {
    const WorkspaceUnitView& u = w.units[i];
    if (!u.stale || !u.index || !unit_figures(w, i).counted) continue;
    total += u.stale->size();
    for (std::size_t k = 0; k < u.stale->size() && k < kListLimit; ++k) {
      widest = std::max(
          widest,
          display_width(visible(u.index->activities()[(*u.stale)[k].activity].activity->id.value)));
      days_w = std::max(days_w, std::to_string((*u.stale)[k].days).size());
    }
  }
  if (total == 0) {
    out += "\n" + st.bold(o.heading(o.ws.stale_activities, 0)) + "\n";
    return;
  }
  out += heading(o, o.heading(o.ws.stale_activities, total), o.ws.stale_note);
  std::size_t status_w = 11;
  for (Status k : kStatuses) status_w = std::max(status_w, display_width(o.words.counted_word(k)));
  const std::size_t days_cell_w = std::max<std::size_t>(
      5, display_width(fill_label(o.ws.days, {{"n", std::string(days_w, '0')}})));
  const std::size_t others = 4 + 1 + status_w + 1 + 10 + 1 + days_cell_w;
  const std::size_t aw = id_column(widest, others, o.layout);
  for (std::size_t i = 0; i < w.units.size(); ++i) {
    const WorkspaceUnitView& u = w.units[i];
    if (!u.stale || u.stale->empty() || !u.index || !unit_figures(w, i).counted) continue;
    std::string head = fmt::format("  {}", st.bold(o.cell(visible(u.id))));
    // Words, not plan text: cut to the width but never isolated as a title.
    const std::string after = fill_label(
        o.ws.stale_unit,
        {{"n", o.number(u.stale->size())}, {"days", o.cell(std::to_string(u.stale_after))}});
    out += truncate_to_width(head + " " + after, o.layout.width) + "\n";
    for (std::size_t k = 0; k < u.stale->size() && k < kListLimit; ++k) {
      const StaleActivity& s = (*u.stale)[k];
      const Activity& a = *u.index->activities()[s.activity].activity;
      std::string fixed = fmt::format(
          "    {} {} {} {}", id_cell(a.id.value, aw, "    ", out, o.rtl),
          pad_right(o.words.counted_word(a.status.value), status_w),
          pad_right(o.cell(visible(s.last_change)), 10),
          pad_left(fill_label(o.ws.days, {{"n", o.cell(std::to_string(s.days))}}), days_cell_w));
      out += table_row(fixed, others + aw, a.title.value, o.layout);
    }
    if (u.stale->size() > kListLimit)
      out += st.dim("    " + fill_label(o.words.more_command,
                                        {{"n", o.number(u.stale->size() - kListLimit)},
                                         {"command", o.cell("plan --plan " + visible(u.path) +
                                                            " list --stale")}})) +
             "\n";
  }
}

}  // namespace

std::string render_workspace_text(const WorkspaceView& w, const TextLayout& layout) {
  // A roll-up that does not match the units (never made by the pipeline) shows no figures
  // rather than reading past its end.
  const Rollup& r = rollup_of(w);
  const std::size_t width = layout.width;
  // The units table is wider than a plan's goals: its bars shrink sooner, and go below 80.
  const std::size_t bar_width = !layout.limited() || width >= 100 ? 10 : width >= 80 ? 5 : 0;
  const Overview o{w, r, layout, layout.style, bar_width, w.history_note.empty()};
  std::string out;
  headline(o, out);
  units_table(o, out);
  activity_counts(o, out);
  shared_goals(o, out);
  stale_list(o, out);
  out += check_line(o.w.checks, o.st, o.layout.width, o.words, o.rtl);
  return mirror_lines(out, o.rtl);
}

}  // namespace plan
