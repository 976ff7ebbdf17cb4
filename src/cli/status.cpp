// `plan status`: how far each goal has come, and what is broken.
#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/as_of.hpp"
#include "cli/command.hpp"
#include "cli/pipeline.hpp"
#include "stats/stats.hpp"

namespace plan::cli {

namespace {
struct StatusOptions {
  std::string as_of;
};

std::string percent(const Completion& c) {
  return c ? fmt::format("{:>3}%", static_cast<int>(*c * 100 + 0.5)) : std::string("   –");
}
}  // namespace

Runner setup_status(CLI::App& sub) {
  auto opts = std::make_shared<StatusOptions>();
  sub.add_option("--as-of", opts->as_of,
                 "The date to measure against, YYYY-MM-DD (default: $SOURCE_DATE_EPOCH, else today)");
  return [opts](const GlobalOptions& global) {
    std::string error;
    Date as_of = resolve_as_of(opts->as_of, error);
    if (!error.empty()) {
      std::fprintf(stderr, "%s\n", error.c_str());
      return int{kUsage};
    }
    auto checked = load_and_check(global);
    if (!checked) return int{kUsage};
    const Plan& p = checked->load.plan;
    Stats s = compute_stats(*checked->index, as_of);
    std::string out;
    const Meta* m = p.meta();
    out += fmt::format("{}\n", m && m->title.given() ? m->title.value : "(untitled plan)");
    out += fmt::format("as of {}: {} complete, {} activities\n\n", as_of.text, percent(s.plan),
                       s.counts.total());
    out += fmt::format("Goals ({})\n", p.goals.size());
    for (std::size_t i = 0; i < p.goals.size(); ++i)
      out += fmt::format("  {} {:<10} {:>2} targets  {}\n", percent(s.goals[i]), p.goals[i].id.value,
                         s.goal_targets[i].size(), p.goals[i].title.value);
    out += fmt::format("\nTargets ({})\n", p.targets.size());
    for (std::size_t i = 0; i < p.targets.size(); ++i)
      out += fmt::format("  {} {:<10} {:>2} activities  {}\n", percent(s.targets[i]),
                         p.targets[i].id.value, s.target_activities[i].size(), p.targets[i].title.value);
    out += fmt::format("\nSections ({})\n", p.sections.size());
    for (std::size_t i = 0; i < p.sections.size(); ++i)
      out += fmt::format("  {} {:<10} {:>2} activities  {}\n", percent(s.sections[i]),
                         p.sections[i].id.value, s.section_counts[i].total(), p.sections[i].title.value);
    out += fmt::format("\nCheck: {} errors, {} warnings\n", checked->errors, checked->warnings);
    std::fputs(out.c_str(), stdout);
    print_diagnostics(*checked, DiagFormat::text);
    return exit_code_for(*checked);
  };
}

}  // namespace plan::cli
