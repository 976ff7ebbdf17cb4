// textDocument/hover: on an id (defined or linked), the item's figures and links; on a key,
// what the schema says of it, in the plan's language.
#include "lsp/features.hpp"
#include "lsp/occurrences.hpp"
#include "lsp/protocol.hpp"
#include "lsp/schema_docs.hpp"
#include "lsp/uri.hpp"
#include "lsp/yaml_place.hpp"
#include "render/figures.hpp"

namespace plan::lsp {

namespace {

// Text as Markdown shows it literally (titles are free text: "*", "_" or "[" must not turn
// into emphasis or links). Text here never starts a line, so only the characters that act
// inside a line are escaped; Hebrew passes as it is.
std::string escaped(const std::string& text) {
  static const std::string kSpecial = "\\`*_[]<>|~";
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (kSpecial.find(c) != std::string::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string code(const std::string& id) {
  return "`" + id + "`";
}

// "3 planned, 1 done, 1 overdue"; "none" without activities.
std::string counts_text(const StatusCounts& c) {
  std::string out;
  for (std::size_t i = 0; i < c.by_status.size(); ++i) {
    if (c.by_status[i] == 0) continue;
    if (!out.empty()) out += ", ";
    out += std::to_string(c.by_status[i]) + " " + status_name(kStatuses[i]);
  }
  if (c.overdue > 0) out += ", " + std::to_string(c.overdue) + " overdue";
  return out.empty() ? "none" : out;
}

template <class T>
Completion figure_at(const std::vector<T>& v, std::size_t i) {
  return i < v.size() ? v[i] : Completion();
}

// "completion: 40% · pace: 50% (behind)".
std::string completion_line(const Stats& st, const Completion& c) {
  std::string out = "completion: " + percent_figure(c);
  if (st.pace) {
    out += " · pace: " + percent_figure(st.pace);
    const PaceMark m = pace_mark(c, st.pace);
    if (m != PaceMark::none) {
      std::string name = pace_mark_name(m);
      for (char& ch : name)
        if (ch == '-') ch = ' ';
      out += " (" + name + ")";
    }
  }
  return out;
}

std::string link_line(const std::string& id, const Completion& c, const std::string& title) {
  return "- " + code(id) + " " + percent_figure(c) + " " + escaped(title) + "\n";
}

std::string item_markdown(const PlanIndex& ix, const Stats& st, const ItemRef& item) {
  const Plan& p = ix.plan();
  std::string out =
      std::string("**") + item_kind_name(item.kind) + " " + code(ix.id_of(item).value) + "**";
  const std::string& title = ix.title_of(item).value;
  if (!title.empty()) out += ": " + escaped(title);
  out += "\n\n";
  switch (item.kind) {
    case ItemKind::goal: {
      out += completion_line(st, figure_at(st.goals, item.index)) + "\n\n";
      if (item.index < st.goal_counts.size())
        out += "activities: " + counts_text(st.goal_counts[item.index]) + "\n\n";
      out += "targets:";
      const auto none = std::vector<std::size_t>();
      const auto& targets =
          item.index < st.goal_targets.size() ? st.goal_targets[item.index] : none;
      out += targets.empty() ? " none\n" : "\n";
      for (std::size_t t : targets)
        out += link_line(p.targets[t].id.value, figure_at(st.targets, t), p.targets[t].title.value);
      break;
    }
    case ItemKind::target: {
      out += completion_line(st, figure_at(st.targets, item.index)) + "\n\n";
      if (item.index < st.target_counts.size())
        out += "activities: " + counts_text(st.target_counts[item.index]) + "\n\n";
      const Target& t = p.targets[item.index];
      out += "goals:";
      out += t.goals.value.empty() ? " none\n" : "\n";
      for (const Ref& r : t.goals.value) {
        const ItemRef* g = ix.find(r.id);
        if (g && g->kind == ItemKind::goal)
          out += link_line(p.goals[g->index].id.value, figure_at(st.goals, g->index),
                           p.goals[g->index].title.value);
        else
          out += "- " + code(r.id) + " (not a goal of the plan)\n";
      }
      break;
    }
    case ItemKind::section: {
      out += completion_line(st, figure_at(st.sections, item.index)) + "\n\n";
      if (item.index < st.section_counts.size())
        out += "activities: " + counts_text(st.section_counts[item.index]) + "\n";
      break;
    }
    case ItemKind::activity: {
      const auto& acts = ix.activities();
      const ActivityEntry& e = acts[item.index];
      out += "status: " + std::string(status_name(e.activity->status.value));
      if (item.index < st.overdue.size() && st.overdue[item.index]) out += " (overdue)";
      out += "\n\n" + completion_line(st, figure_at(st.activities, item.index)) + "\n\n";
      // Its sub-activities at every depth, by status.
      StatusCounts below;
      for (std::size_t c = item.index + 1; c < acts.size() && acts[c].depth > e.depth; ++c)
        below.add(*acts[c].activity, c < st.overdue.size() && st.overdue[c]);
      if (below.total() > 0) out += "sub-activities: " + counts_text(below) + "\n\n";
      out += e.inherited ? "targets (from its parent):" : "targets:";
      out += !e.targets || e.targets->empty() ? " none\n" : "\n";
      if (e.targets)
        for (const Ref& r : *e.targets) {
          const ItemRef* t = ix.find(r.id);
          if (t && t->kind == ItemKind::target)
            out += link_line(p.targets[t->index].id.value, figure_at(st.targets, t->index),
                             p.targets[t->index].title.value);
          else
            out += "- " + code(r.id) + " (not a target of the plan)\n";
        }
      break;
    }
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

json markdown(std::string value, Range range) {
  return json{{"contents", {{"kind", "markdown"}, {"value", std::move(value)}}},
              {"range", to_json(range)}};
}

// The language key descriptions are shown in: the plan's (`plan.language`), else the
// client's locale.
std::string language(Session& s) {
  const Meta* m = s.checked().load.plan.meta();
  if (m && !m->language.value.empty()) return m->language.value;
  return s.locale;
}

}  // namespace

Reply hover(Session& s, const json& params) {
  const auto pos = position_param(params);
  const auto path = s.served_path(params);
  if (!pos || !path) return {};
  const Document* doc = s.document(*path);
  if (!doc) return {};
  if (const auto o = occurrence_at(s, *path, *pos)) {
    const Range range = s.range(o->loc());
    if (!o->item)
      return Reply::ok(markdown("**" + std::string(item_kind_name(o->kind)) + " " +
                                    code(o->text()) + "**: not in the plan",
                                range));
    const MeasuredPlan& m = s.measured();
    return Reply::ok(markdown(item_markdown(*m.checked->index, m.stats, *o->item), range));
  }
  const YamlPlace place = place_at(*doc, *pos, s.encoding);
  if (place.kind != YamlPlace::Kind::key) return {};
  const std::string text = key_description(place.path, language(s));
  if (text.empty()) return {};
  return Reply::ok(markdown(
      "**" + escaped(place.path.back()) + "**: " + text,
      Range{doc->position_at(place.begin, s.encoding), doc->position_at(place.end, s.encoding)}));
}

}  // namespace plan::lsp
