#include "render/navigation_text.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "render/figures.hpp"
#include "util/text.hpp"
#include "util/visible.hpp"

namespace plan {

namespace {
// One line of a trace: an item with its completion, or a line of text as it is.
struct TraceRow {
  std::size_t depth = 0;
  std::string kind, id, status, title, literal;
  Completion completion;
};

// The rows of a trace, in the layout's words.
struct Trace {
  explicit Trace(const TextLayout& l) : layout(l) {}
  const TextLayout& layout;
  const TerminalLabels& w = layout.words();
  const NavigationWords& nav = w.navigation;
  std::vector<TraceRow> rows;

  void item(std::size_t depth, ItemKind kind, const std::string& id, const Completion& c,
            const std::string& title, const Status* status = nullptr) {
    TraceRow r;
    r.depth = depth;
    r.kind = nav.kind(kind);
    r.id = id;
    r.completion = c;
    r.title = title;
    if (status) r.status = w.status_word(*status);
    rows.push_back(std::move(r));
  }
  void text(std::string line) {
    TraceRow r;
    r.literal = std::move(line);
    rows.push_back(std::move(r));
  }
};

// The indented kind and id; in a right-to-left layout the id is a left-to-right cell.
std::string head_of(const TraceRow& r, bool rtl) {
  const std::string id = visible(r.id);
  return std::string(2 * r.depth, ' ') + r.kind + " " + (rtl ? ltr_cell(id, rtl) : id);
}

// "  target T1        42%              title": the indented kind and id in a column as wide
// as the widest (so nested rows and long ids keep the percent and status columns in
// line), the completion, a status (activities only), then the title. A head too wide for
// the terminal gets a line of its own.
std::string render_rows(const Trace& t) {
  const TextLayout& layout = t.layout;
  const bool rtl = layout.rtl;
  std::size_t status_w = 11;  // "in-progress"
  for (Status k : kStatuses) status_w = std::max(status_w, display_width(t.w.status_word(k)));
  const std::size_t after_head = 1 + 4 + 1 + status_w;
  std::size_t hw = 27;
  for (const TraceRow& r : t.rows)
    if (r.literal.empty()) hw = std::max(hw, display_width(head_of(r, rtl)));
  if (layout.limited()) {
    const std::size_t room =
        layout.width > after_head + 1 + 16 ? layout.width - after_head - 1 - 16 : 0;
    hw = std::max<std::size_t>(std::min(hw, room), 12);
  }
  std::string out;
  for (const TraceRow& r : t.rows) {
    if (!r.literal.empty()) {
      out += r.literal;
      continue;
    }
    std::string head = head_of(r, rtl);
    if (display_width(head) > hw) {
      out += head + "\n";
      head.clear();
    }
    std::string fixed = pad_right(head, hw) + " " + ltr_cell(percent_text(r.completion), rtl) +
                        " " + pad_right(r.status, status_w);
    out += table_row(fixed, hw + after_head, r.title, layout);
  }
  return out;
}

long target_index(const Plan& p, const std::string& id) {
  for (std::size_t i = 0; i < p.targets.size(); ++i)
    if (ascii_lower(p.targets[i].id.value) == ascii_lower(id)) return static_cast<long>(i);
  return -1;
}

long goal_index(const Plan& p, const std::string& id) {
  for (std::size_t i = 0; i < p.goals.size(); ++i)
    if (ascii_lower(p.goals[i].id.value) == ascii_lower(id)) return static_cast<long>(i);
  return -1;
}

void activity_subtree(const PlanIndex& ix, const Stats& s, std::size_t a, std::size_t depth,
                      Trace& out) {
  const auto& acts = ix.activities();
  const Activity& act = *acts[a].activity;
  out.item(depth, ItemKind::activity, act.id.value, s.activities[a], act.title.value,
           &act.status.value);
  for (std::size_t c = a + 1; c < acts.size() && acts[c].depth > acts[a].depth; ++c)
    if (acts[c].parent == static_cast<long>(a)) activity_subtree(ix, s, c, depth + 1, out);
}

// "1 of 9 files could not be read: figures are incomplete", in the layout's words.
std::string unread_notice(const Plan& p, const TextLayout& layout) {
  const std::size_t total = p.files.empty() ? 0 : p.files.size() - 1;
  return fill_label(layout.words().incomplete.of(total),
                    {{"unread", ltr_cell(std::to_string(p.unread_files.size()), layout.rtl)},
                     {"total", ltr_cell(std::to_string(total), layout.rtl)}});
}
}  // namespace

std::string render_trace_text(const PlanIndex& ix, const Stats& s, const ItemRef& item,
                              const TextLayout& layout) {
  const Plan& p = ix.plan();
  const auto& acts = ix.activities();
  Trace out(layout);
  const NavigationWords& nav = out.nav;
  switch (item.kind) {
    case ItemKind::goal: {
      const Goal& g = p.goals[item.index];
      out.item(0, ItemKind::goal, g.id.value, s.goals[item.index], g.title.value);
      for (std::size_t t : s.goal_targets[item.index]) {
        out.item(1, ItemKind::target, p.targets[t].id.value, s.targets[t],
                 p.targets[t].title.value);
        for (std::size_t a : s.target_activities[t]) activity_subtree(ix, s, a, 2, out);
      }
      if (s.goal_targets[item.index].empty()) out.text("  " + nav.no_target + "\n");
      break;
    }
    case ItemKind::target: {
      const Target& t = p.targets[item.index];
      for (const Ref& r : t.goals.value) {
        long g = goal_index(p, r.id);
        if (g >= 0)
          out.item(0, ItemKind::goal, p.goals[static_cast<std::size_t>(g)].id.value,
                   s.goals[static_cast<std::size_t>(g)],
                   p.goals[static_cast<std::size_t>(g)].title.value);
      }
      out.item(1, ItemKind::target, t.id.value, s.targets[item.index], t.title.value);
      for (std::size_t a : s.target_activities[item.index]) activity_subtree(ix, s, a, 2, out);
      if (s.target_activities[item.index].empty()) out.text("    " + nav.no_activity + "\n");
      break;
    }
    case ItemKind::section: {
      const Section& sec = p.sections[item.index];
      out.item(0, ItemKind::section, sec.id.value, s.sections[item.index], sec.title.value);
      for (std::size_t a = 0; a < acts.size(); ++a)
        if (acts[a].section == &sec && acts[a].parent < 0) activity_subtree(ix, s, a, 1, out);
      break;
    }
    case ItemKind::activity: {
      // Up: the chain of parents, the targets it counts towards, and their goals.
      const ActivityEntry& e = acts[item.index];
      std::vector<std::size_t> chain;
      for (long a = static_cast<long>(item.index); a >= 0;
           a = acts[static_cast<std::size_t>(a)].parent)
        chain.push_back(static_cast<std::size_t>(a));
      std::reverse(chain.begin(), chain.end());
      const auto section = static_cast<std::size_t>(e.section - p.sections.data());
      out.item(0, ItemKind::section, e.section->id.value, s.sections[section],
               e.section->title.value);
      for (std::size_t d = 0; d + 1 < chain.size(); ++d) {
        const Activity& a = *acts[chain[d]].activity;
        out.item(d + 1, ItemKind::activity, a.id.value, s.activities[chain[d]], a.title.value);
      }
      activity_subtree(ix, s, item.index, chain.size(), out);
      out.text("\n" + (e.inherited ? nav.counts_towards_inherited : nav.counts_towards) + "\n");
      if (!e.targets || e.targets->empty()) out.text("  " + nav.no_targets + "\n");
      for (const Ref& r : e.targets ? *e.targets : std::vector<Ref>{}) {
        long t = target_index(p, r.id);
        if (t < 0) continue;
        const Target& tg = p.targets[static_cast<std::size_t>(t)];
        out.item(1, ItemKind::target, tg.id.value, s.targets[static_cast<std::size_t>(t)],
                 tg.title.value);
        for (const Ref& gr : tg.goals.value) {
          long g = goal_index(p, gr.id);
          if (g < 0) continue;
          const Goal& go = p.goals[static_cast<std::size_t>(g)];
          out.item(2, ItemKind::goal, go.id.value, s.goals[static_cast<std::size_t>(g)],
                   go.title.value);
        }
      }
      break;
    }
  }
  std::string text;
  if (!s.complete) text = unread_notice(p, layout) + "\n";
  return mirror_lines(text + render_rows(out), layout.rtl);
}

namespace {
std::string scalar_text(const Json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "yes" : "no";
  if (v.is_number_float()) return number_text(v.get<double>());
  if (v.is_array()) {
    std::string s;
    for (const Json& x : v) s += (s.empty() ? "" : ", ") + scalar_text(x);
    return s;
  }
  if (v.is_object()) {
    std::string s;
    for (auto it = v.begin(); it != v.end(); ++it)
      if (!it.value().is_null())
        s += (s.empty() ? "" : ", ") + it.key() + " " + scalar_text(it.value());
    return s;
  }
  return v.dump();
}

double number_in(const Json& v) {
  return v.is_number() ? v.get<double>() : std::nan("");
}

// The values of `plan show`, made visible and placed for the layout's direction. Left to
// right, a value is isolated only when it holds a character that is not ASCII, as a whole;
// right to left, every id, number, date and path is a left-to-right cell and plan text is
// isolated, each part of a list on its own (so that a list reads from the right).
struct ShowValues {
  const TerminalLabels& w;
  const NavigationWords& nav = w.navigation;
  bool rtl;

  std::string cell(const std::string& text) const {
    return rtl ? ltr_cell(visible(text), rtl) : bidi_safe(visible(text));
  }
  std::string plan_text(const std::string& text) const {
    return rtl ? free_text(visible(text), rtl) : bidi_safe(visible(text));
  }
  // A list of ids (cells) or of plan text.
  std::string list(const Json& v, bool ids) const {
    if (!rtl) return bidi_safe(visible(scalar_text(v)));
    std::string out;
    for (const Json& x : v) {
      const std::string t = scalar_text(x);
      out += (out.empty() ? "" : ", ") + (ids ? cell(t) : plan_text(t));
    }
    return out;
  }
  std::string status(const std::string& name) const {
    for (Status k : kStatuses)
      if (name == status_name(k)) return w.status_word(k);
    return cell(name);
  }
  std::string pace(const std::string& name) const {
    if (name == pace_mark_name(PaceMark::ahead)) return w.pace_ahead;
    if (name == pace_mark_name(PaceMark::on_pace)) return w.pace_on;
    if (name == pace_mark_name(PaceMark::behind)) return w.pace_behind;
    return name.empty() ? "" : cell(name);
  }
  // "planned 2, in progress 0, …, overdue 0, total 2".
  std::string counts(const Json& c) const {
    std::string out;
    for (auto it = c.begin(); it != c.end(); ++it) {
      if (it.value().is_null()) continue;
      std::string word = it.key() == "overdue" ? w.counted_overdue
                         : it.key() == "total" ? nav.total
                                               : std::string();
      for (Status k : kStatuses)
        if (it.key() == status_name(k)) word = w.counted_word(k);
      if (word.empty()) word = it.key();
      out += (out.empty() ? "" : ", ") + word + " " + cell(scalar_text(it.value()));
    }
    return out;
  }
  // "3 of 4 meetings": left to right isolated as a whole, as every other value.
  std::string measure(const Json& m) const {
    const double lo = number_in(m["planned"]["low"]), hi = number_in(m["planned"]["high"]);
    const std::string actual = number_text(number_in(m["actual"]));
    const std::string planned = planned_text(Range{lo, hi}, "-");
    const std::string unit = m["unit"].is_string() ? m["unit"].get<std::string>() : "";
    if (!rtl)
      return plan_text(fill_label(nav.measure, {{"actual", actual}, {"planned", planned}}) +
                       (unit.empty() ? "" : " " + unit));
    return fill_label(nav.measure, {{"actual", cell(actual)}, {"planned", cell(planned)}}) +
           (unit.empty() ? "" : " " + plan_text(unit));
  }

  // The value of `key` as one line, or "" to leave the field out.
  std::string of(const std::string& key, const Json& v, const Json& item) const {
    if (v.is_null()) return "";
    if (key == "completion")
      return cell(percent_text(v.is_number() ? Completion(v.get<double>()) : Completion()));
    if (key == "measure" && v.is_object()) return measure(v);
    if (key == "file" && v.is_string())
      return cell(fmt::format("{}:{}", v.get<std::string>(), item.value("line", 0)));
    if (key == "status" && v.is_string()) return status(v.get<std::string>());
    if (key == "pace_mark" && v.is_string()) return pace(v.get<std::string>());
    if (key == "counts" && v.is_object()) return counts(v);
    if (v.is_boolean()) return v.get<bool>() ? nav.yes : nav.no;
    if (v.is_array()) return v.empty() ? "" : list(v, key != "partners");
    if (v.is_string() && (key == "section" || key == "parent" || key == "start" || key == "due"))
      return cell(v.get<std::string>());
    if (v.is_number()) return cell(scalar_text(v));
    return plan_text(scalar_text(v));
  }
};
}  // namespace

std::string render_show_text(const Json& item, ItemKind kind, const TextLayout& layout) {
  // Every field whole, whatever the width (show exists to show them): nothing is cut.
  const bool rtl = layout.rtl;
  const ShowValues values{layout.words(), layout.words().navigation, rtl};
  const NavigationWords& nav = values.nav;
  // The names in one column, as wide as the widest name a field may have (English:
  // "effective_targets") and a space.
  std::size_t label_w = 0;
  for (const auto& field : nav.fields) label_w = std::max(label_w, display_width(field.second));
  for (auto it = item.begin(); it != item.end(); ++it)
    label_w = std::max(label_w, display_width(nav.field(it.key())));
  ++label_w;
  std::string out = nav.kind(kind) + " " + values.cell(item.value("id", "")) + "\n";
  for (auto it = item.begin(); it != item.end(); ++it) {
    if (it.key() == "id" || it.key() == "depth" || it.key() == "line") continue;
    // Notes and descriptions may span lines: shown as a block behind a bar, so that no line
    // starts with the plan's text (a CI log reads a line starting with "::" as a command,
    // spaces before it or not). Every other field is one line, its breaks escaped.
    std::vector<std::string> lines;
    if ((it.key() == "notes" || it.key() == "description") && it.value().is_string()) {
      lines = visible_lines(it.value().get<std::string>());
      while (lines.size() > 1 && lines.back().empty())
        lines.pop_back();  // a block scalar's last break
      for (std::string& l : lines) l = l.empty() ? l : (rtl ? free_text(l, rtl) : bidi_safe(l));
      if (lines.size() == 1 && lines[0].empty()) lines.clear();
    } else if (std::string v = values.of(it.key(), it.value(), item); !v.empty()) {
      lines = {v};
    }
    for (std::size_t k = 0; k < lines.size(); ++k) {
      const std::string label = k == 0 ? nav.field(it.key()) : "";
      const std::string bar = lines.size() > 1 ? "│" : "";
      std::string row = "  " + pad_right(label, label_w) + " " + bar +
                        (lines[k].empty() ? "" : (bar.empty() ? "" : " ") + lines[k]);
      while (!row.empty() && row.back() == ' ') row.pop_back();
      out += row + "\n";
    }
  }
  return mirror_lines(out, rtl);
}

}  // namespace plan
