// `plan list`: activities, filtered.
#include <cstdio>
#include <memory>
#include <set>

#include <CLI/CLI.hpp>

#include "cli/command.hpp"
#include "cli/measured.hpp"
#include "cli/terminal.hpp"
#include "render/navigation_text.hpp"
#include "util/text.hpp"

namespace plan::cli {

namespace {
struct ListOptions {
  std::vector<std::string> statuses;
  std::string owner, section, target, goal, as_of, color = "auto";
  bool overdue = false, json = false;
};

// The ids named by a filter must exist: a typo should not silently list nothing.
bool known(const Checked& c, const std::string& id, ItemKind kind) {
  const ItemRef* r = c.index->find(id);
  if (r && r->kind == kind) return true;
  std::string hint = did_you_mean(id, c.index->ids_of(kind));
  std::fprintf(stderr, "plan: no %s has id '%s'%s\n", item_kind_name(kind), id.c_str(), hint.c_str());
  return false;
}
}  // namespace

Runner setup_list(CLI::App& sub) {
  auto opts = std::make_shared<ListOptions>();
  std::vector<std::string> names;
  for (Status s : kStatuses) names.push_back(status_name(s));
  sub.add_option("--status", opts->statuses, "Only these statuses (repeat, or separate with commas)")
      ->delimiter(',')
      ->check(CLI::IsMember(names));
  sub.add_option("--owner", opts->owner, "Only activities of this owner (exact text)");
  sub.add_option("--section", opts->section, "Only activities of this section id");
  sub.add_option("--target", opts->target, "Only activities that count towards this target (own or inherited)");
  sub.add_option("--goal", opts->goal, "Only activities that count towards a target of this goal");
  sub.add_flag("--overdue", opts->overdue, "Only activities past their due date and not done or dropped");
  add_as_of_option(sub, opts->as_of);
  sub.add_flag("--json", opts->json, "Print the activities as a JSON list, as in 'plan status --json'");
  add_color_option(sub, opts->color);
  return [opts](const GlobalOptions& global) {
    auto m = load_and_measure(global, opts->as_of);
    if (!m) return int{kUsage};
    const Checked& c = *m->checked;
    const Plan& p = c.load.plan;
    if ((!opts->section.empty() && !known(c, opts->section, ItemKind::section)) ||
        (!opts->target.empty() && !known(c, opts->target, ItemKind::target)) ||
        (!opts->goal.empty() && !known(c, opts->goal, ItemKind::goal)))
      return int{kPlanErrors};

    // Targets that lead to the chosen goal.
    std::set<std::string> goal_targets;
    if (!opts->goal.empty())
      for (const Target& t : p.targets)
        for (const Ref& r : t.goals.value)
          if (ascii_lower(r.id) == ascii_lower(opts->goal)) goal_targets.insert(ascii_lower(t.id.value));

    const auto& acts = c.index->activities();
    std::vector<std::size_t> rows;
    for (std::size_t i = 0; i < acts.size(); ++i) {
      const ActivityEntry& e = acts[i];
      const Activity& a = *e.activity;
      if (!opts->statuses.empty() &&
          std::find(opts->statuses.begin(), opts->statuses.end(), status_name(a.status.value)) == opts->statuses.end())
        continue;
      if (!opts->owner.empty() && a.owner.value != opts->owner) continue;
      if (!opts->section.empty() && ascii_lower(e.section->id.value) != ascii_lower(opts->section)) continue;
      if (opts->overdue && !m->stats.overdue[i]) continue;
      auto serves = [&](auto&& pred) {
        if (!e.targets) return false;
        for (const Ref& r : *e.targets)
          if (pred(ascii_lower(r.id))) return true;
        return false;
      };
      if (!opts->target.empty() && !serves([&](const std::string& t) { return t == ascii_lower(opts->target); }))
        continue;
      if (!opts->goal.empty() && !serves([&](const std::string& t) { return goal_targets.count(t) > 0; }))
        continue;
      rows.push_back(i);
    }

    std::string out;
    if (opts->json) {
      Json report = build_report(*c.index, m->stats, m->summary());
      Json list = Json::array();
      for (std::size_t r : rows) list.push_back(report["activities"][r]);
      out = list.dump(2) + "\n";
    } else {
      TextLayout layout{terminal_width(stdout), Style{use_color(opts->color, stdout)}};
      out = render_list_text(*c.index, m->stats, rows, layout);
    }
    std::fputs(out.c_str(), stdout);
    return finish(m);
  };
}

}  // namespace plan::cli
