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

struct Trace {
  std::vector<TraceRow> rows;
  void item(std::size_t depth, std::string kind, const std::string& id, const Completion& c,
            const std::string& title, std::string status = "") {
    TraceRow r;
    r.depth = depth;
    r.kind = std::move(kind);
    r.id = id;
    r.completion = c;
    r.title = title;
    r.status = std::move(status);
    rows.push_back(std::move(r));
  }
  void text(std::string line) {
    TraceRow r;
    r.literal = std::move(line);
    rows.push_back(std::move(r));
  }
};

std::string head_of(const TraceRow& r) {
  return std::string(2 * r.depth, ' ') + r.kind + " " + visible(r.id);
}

// "  target T1        42%              title": the indented kind and id in a column as wide
// as the widest (so nested rows and long ids keep the percent and status columns in
// line), the completion, a status (activities only), then the title. A head too wide for
// the terminal gets a line of its own.
std::string render_rows(const Trace& t, const TextLayout& layout) {
  constexpr std::size_t kAfterHead = 1 + 4 + 1 + 11;
  std::size_t hw = 27;
  for (const TraceRow& r : t.rows)
    if (r.literal.empty()) hw = std::max(hw, display_width(head_of(r)));
  if (layout.limited()) {
    const std::size_t room =
        layout.width > kAfterHead + 1 + 16 ? layout.width - kAfterHead - 1 - 16 : 0;
    hw = std::max<std::size_t>(std::min(hw, room), 12);
  }
  std::string out;
  for (const TraceRow& r : t.rows) {
    if (!r.literal.empty()) {
      out += r.literal;
      continue;
    }
    std::string head = head_of(r);
    if (display_width(head) > hw) {
      out += head + "\n";
      head.clear();
    }
    std::string fixed =
        pad_right(head, hw) + " " + percent_text(r.completion) + " " + pad_right(r.status, 11);
    out += table_row(fixed, hw + kAfterHead, r.title, layout);
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
  out.item(depth, "activity", act.id.value, s.activities[a], act.title.value,
           status_name(act.status.value));
  for (std::size_t c = a + 1; c < acts.size() && acts[c].depth > acts[a].depth; ++c)
    if (acts[c].parent == static_cast<long>(a)) activity_subtree(ix, s, c, depth + 1, out);
}
}  // namespace

std::string render_trace_text(const PlanIndex& ix, const Stats& s, const ItemRef& item,
                              const TextLayout& layout) {
  const Plan& p = ix.plan();
  const auto& acts = ix.activities();
  Trace out;
  switch (item.kind) {
    case ItemKind::goal: {
      const Goal& g = p.goals[item.index];
      out.item(0, "goal", g.id.value, s.goals[item.index], g.title.value);
      for (std::size_t t : s.goal_targets[item.index]) {
        out.item(1, "target", p.targets[t].id.value, s.targets[t], p.targets[t].title.value);
        for (std::size_t a : s.target_activities[t]) activity_subtree(ix, s, a, 2, out);
      }
      if (s.goal_targets[item.index].empty()) out.text("  (no target serves this goal)\n");
      break;
    }
    case ItemKind::target: {
      const Target& t = p.targets[item.index];
      for (const Ref& r : t.goals.value) {
        long g = goal_index(p, r.id);
        if (g >= 0)
          out.item(0, "goal", p.goals[static_cast<std::size_t>(g)].id.value,
                   s.goals[static_cast<std::size_t>(g)],
                   p.goals[static_cast<std::size_t>(g)].title.value);
      }
      out.item(1, "target", t.id.value, s.targets[item.index], t.title.value);
      for (std::size_t a : s.target_activities[item.index]) activity_subtree(ix, s, a, 2, out);
      if (s.target_activities[item.index].empty())
        out.text("    (no activity serves this target)\n");
      break;
    }
    case ItemKind::section: {
      const Section& sec = p.sections[item.index];
      out.item(0, "section", sec.id.value, s.sections[item.index], sec.title.value);
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
      out.item(0, "section", e.section->id.value, s.sections[section], e.section->title.value);
      for (std::size_t d = 0; d + 1 < chain.size(); ++d) {
        const Activity& a = *acts[chain[d]].activity;
        out.item(d + 1, "activity", a.id.value, s.activities[chain[d]], a.title.value);
      }
      activity_subtree(ix, s, item.index, chain.size(), out);
      out.text("\ncounts towards" + std::string(e.inherited ? " (inherited from a parent)" : "") +
               ":\n");
      if (!e.targets || e.targets->empty()) out.text("  (no targets)\n");
      for (const Ref& r : e.targets ? *e.targets : std::vector<Ref>{}) {
        long t = target_index(p, r.id);
        if (t < 0) continue;
        const Target& tg = p.targets[static_cast<std::size_t>(t)];
        out.item(1, "target", tg.id.value, s.targets[static_cast<std::size_t>(t)], tg.title.value);
        for (const Ref& gr : tg.goals.value) {
          long g = goal_index(p, gr.id);
          if (g < 0) continue;
          const Goal& go = p.goals[static_cast<std::size_t>(g)];
          out.item(2, "goal", go.id.value, s.goals[static_cast<std::size_t>(g)], go.title.value);
        }
      }
      break;
    }
  }
  std::string text;
  if (!s.complete) text = incomplete_notice(p) + "\n";
  return text + render_rows(out, layout);
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
}  // namespace

std::string render_show_text(const Json& item, const char* kind, const TextLayout&) {
  // Every field whole, whatever the width (show exists to show them): nothing is cut.
  constexpr std::size_t kLabel = 18;
  std::string out = fmt::format("{} {}\n", kind, bidi_safe(visible(item.value("id", ""))));
  for (auto it = item.begin(); it != item.end(); ++it) {
    if (it.key() == "id" || it.key() == "depth" || it.key() == "line") continue;
    std::string value;
    if (it.key() == "completion") {
      value = percent_text(it.value().is_number() ? Completion(it.value().get<double>())
                                                  : Completion());
    } else if (it.key() == "measure" && it.value().is_object()) {
      const Json& m = it.value();
      const double lo = number_in(m["planned"]["low"]), hi = number_in(m["planned"]["high"]);
      value = fmt::format("{} of {}{}", number_text(number_in(m["actual"])),
                          planned_text(Range{lo, hi}, "-"),
                          m["unit"].is_string() ? " " + m["unit"].get<std::string>() : "");
    } else if (it.key() == "file") {
      value = fmt::format("{}:{}", it.value().get<std::string>(), item.value("line", 0));
    } else {
      value = scalar_text(it.value());
    }
    if (value.empty()) continue;
    // Notes and descriptions may span lines: shown as a block behind a bar, so that no line
    // starts with the plan's text (a CI log reads a line starting with "::" as a command,
    // spaces before it or not). Every other field is one line, its breaks escaped.
    std::vector<std::string> lines = {visible(value)};
    if (it.key() == "notes" || it.key() == "description") {
      lines = visible_lines(value);
      while (lines.size() > 1 && lines.back().empty())
        lines.pop_back();  // a block scalar's last break
    }
    for (std::size_t k = 0; k < lines.size(); ++k) {
      const std::string label = k == 0 ? it.key() : "";
      const std::string bar = lines.size() > 1 ? "│" : "";
      std::string row = "  " + pad_right(label, kLabel) + " " + bar +
                        (lines[k].empty() ? "" : (bar.empty() ? "" : " ") + bidi_safe(lines[k]));
      while (!row.empty() && row.back() == ' ') row.pop_back();
      out += row + "\n";
    }
  }
  return out;
}

}  // namespace plan
