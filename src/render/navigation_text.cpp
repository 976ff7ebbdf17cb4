#include "render/navigation_text.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "util/text.hpp"

namespace plan {

namespace {
constexpr std::size_t kIdWidth = 16;

// "  target T1        42%              title": an indented id, its completion, a status
// (activities only), then the title.
std::string tree_line(std::size_t depth, const std::string& kind, const std::string& id,
                      const Completion& c, const std::string& title, const TextLayout& layout,
                      const std::string& status = "") {
  std::string head = std::string(2 * depth, ' ') + kind + " " + id;
  std::size_t w = std::max<std::size_t>(display_width(head) + 1, 2 + kIdWidth + 10);
  std::string fixed = pad_right(head, w) + percent_text(c) + " " + pad_right(status, 11);
  return table_row(fixed, w + 4 + 1 + 11, title, layout);
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
                      const TextLayout& layout, std::string& out) {
  const auto& acts = ix.activities();
  const Activity& act = *acts[a].activity;
  out += tree_line(depth, "activity", act.id.value, s.activities[a], act.title.value, layout,
                   status_name(act.status.value));
  for (std::size_t c = a + 1; c < acts.size() && acts[c].depth > acts[a].depth; ++c)
    if (acts[c].parent == static_cast<long>(a)) activity_subtree(ix, s, c, depth + 1, layout, out);
}
}  // namespace

std::string render_trace_text(const PlanIndex& ix, const Stats& s, const ItemRef& item,
                              const TextLayout& layout) {
  const Plan& p = ix.plan();
  const auto& acts = ix.activities();
  std::string out;
  switch (item.kind) {
    case ItemKind::goal: {
      const Goal& g = p.goals[item.index];
      out += tree_line(0, "goal", g.id.value, s.goals[item.index], g.title.value, layout);
      for (std::size_t t : s.goal_targets[item.index]) {
        out += tree_line(1, "target", p.targets[t].id.value, s.targets[t], p.targets[t].title.value, layout);
        for (std::size_t a : s.target_activities[t]) activity_subtree(ix, s, a, 2, layout, out);
      }
      if (s.goal_targets[item.index].empty()) out += "  (no target serves this goal)\n";
      break;
    }
    case ItemKind::target: {
      const Target& t = p.targets[item.index];
      for (const Ref& r : t.goals.value) {
        long g = goal_index(p, r.id);
        if (g >= 0)
          out += tree_line(0, "goal", p.goals[static_cast<std::size_t>(g)].id.value,
                           s.goals[static_cast<std::size_t>(g)], p.goals[static_cast<std::size_t>(g)].title.value, layout);
      }
      out += tree_line(1, "target", t.id.value, s.targets[item.index], t.title.value, layout);
      for (std::size_t a : s.target_activities[item.index]) activity_subtree(ix, s, a, 2, layout, out);
      if (s.target_activities[item.index].empty()) out += "    (no activity serves this target)\n";
      break;
    }
    case ItemKind::section: {
      const Section& sec = p.sections[item.index];
      out += tree_line(0, "section", sec.id.value, s.sections[item.index], sec.title.value, layout);
      for (std::size_t a = 0; a < acts.size(); ++a)
        if (acts[a].section == &sec && acts[a].parent < 0) activity_subtree(ix, s, a, 1, layout, out);
      break;
    }
    case ItemKind::activity: {
      // Up: the chain of parents, the targets it counts towards, and their goals.
      const ActivityEntry& e = acts[item.index];
      std::vector<std::size_t> chain;
      for (long a = static_cast<long>(item.index); a >= 0; a = acts[static_cast<std::size_t>(a)].parent)
        chain.push_back(static_cast<std::size_t>(a));
      std::reverse(chain.begin(), chain.end());
      const auto section = static_cast<std::size_t>(e.section - p.sections.data());
      out += tree_line(0, "section", e.section->id.value, s.sections[section], e.section->title.value, layout);
      for (std::size_t d = 0; d + 1 < chain.size(); ++d) {
        const Activity& a = *acts[chain[d]].activity;
        out += tree_line(d + 1, "activity", a.id.value, s.activities[chain[d]], a.title.value, layout);
      }
      activity_subtree(ix, s, item.index, chain.size(), layout, out);
      out += "\ncounts towards" + std::string(e.inherited ? " (inherited from a parent)" : "") + ":\n";
      if (!e.targets || e.targets->empty()) out += "  (no targets)\n";
      for (const Ref& r : e.targets ? *e.targets : std::vector<Ref>{}) {
        long t = target_index(p, r.id);
        if (t < 0) continue;
        const Target& tg = p.targets[static_cast<std::size_t>(t)];
        out += tree_line(1, "target", tg.id.value, s.targets[static_cast<std::size_t>(t)], tg.title.value, layout);
        for (const Ref& gr : tg.goals.value) {
          long g = goal_index(p, gr.id);
          if (g < 0) continue;
          const Goal& go = p.goals[static_cast<std::size_t>(g)];
          out += tree_line(2, "goal", go.id.value, s.goals[static_cast<std::size_t>(g)], go.title.value, layout);
        }
      }
      break;
    }
  }
  return out;
}

namespace {
std::string scalar_text(const Json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "yes" : "no";
  if (v.is_number_float()) {
    double d = v.get<double>();
    return fmt::format("{}", d);
  }
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
}  // namespace

std::string render_show_text(const Json& item, const char* kind, const TextLayout& layout) {
  std::string out = fmt::format("{} {}\n", kind, item.value("id", ""));
  for (auto it = item.begin(); it != item.end(); ++it) {
    if (it.key() == "id" || it.key() == "depth" || it.key() == "line") continue;
    std::string value;
    if (it.key() == "completion") value = percent_text(it.value().is_null() ? Completion() : Completion(it.value().get<double>()));
    else if (it.key() == "measure" && it.value().is_object()) {
      const Json& m = it.value();
      double lo = m["planned"]["low"].get<double>(), hi = m["planned"]["high"].get<double>();
      value = fmt::format("{} of {}{}", m["actual"].get<double>(), lo == hi ? fmt::format("{}", lo) : fmt::format("{}-{}", lo, hi),
                          m["unit"].is_null() ? "" : " " + m["unit"].get<std::string>());
    } else if (it.key() == "file") {
      value = fmt::format("{}:{}", it.value().get<std::string>(), item.value("line", 0));
    } else {
      value = scalar_text(it.value());
    }
    if (value.empty()) continue;
    std::string label = pad_right(it.key(), 18);
    out += table_row("  " + label, 20, value, layout);
  }
  return out;
}

std::string render_list_text(const PlanIndex& ix, const Stats& s, const std::vector<std::size_t>& rows,
                             const TextLayout& layout) {
  const auto& acts = ix.activities();
  std::size_t idw = 2;
  for (std::size_t r : rows) idw = std::max(idw, display_width(acts[r].activity->id.value));
  idw = std::min<std::size_t>(idw, 24);
  std::string out;
  for (std::size_t r : rows) {
    const Activity& a = *acts[r].activity;
    std::string due = a.due.value.valid ? a.due.value.text() : "";
    std::string status = status_name(a.status.value);
    if (s.overdue[r]) status = layout.style.red(pad_right(status + "!", 12));
    else status = pad_right(status, 12);
    std::string fixed = fmt::format("{} {} {} {}", pad_right(a.id.value, idw), status,
                                    percent_text(s.activities[r]), pad_right(due, 10));
    out += table_row(fixed, idw + 1 + 12 + 1 + 4 + 1 + 10, a.title.value, layout);
  }
  if (rows.empty()) out += "(no activities match)\n";
  return out;
}

}  // namespace plan
