// `plan history`: the plan's completion at every commit that changed it, read through
// libgit2.
#include "cli/history.hpp"

#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/command.hpp"
#include "cli/i18n.hpp"
#include "cli/options.hpp"
#include "cli/pipeline.hpp"
#include "cli/terminal.hpp"
#include "cli/terminal_words.hpp"
#include "git/repository.hpp"
#include "load/loader.hpp"
#include "pipeline/history.hpp"
#include "render/history_output.hpp"
#include "render/terminal_labels.hpp"

namespace plan::cli {

namespace {
struct HistoryOptions {
  std::string format = "text", color = "auto", from = "HEAD", bidi, lang;
  bool json = false, all_parents = false;
};
}  // namespace

bool compute_history(const std::string& dir, const std::string& from, bool first_parent,
                     std::vector<HistoryPoint>& points, std::string& error) {
  LoadOptions limits;
  if (!size_limits_from_env(limits, error)) return false;
  Message why;
  if (walk_history(dir, from, first_parent, limits, points, why)) return true;
  error = plan_says(why);
  error.pop_back();  // a line without its end, as size_limits_from_env's
  return false;
}

Runner setup_history(CLI::App& sub) {
  auto opts = std::make_shared<HistoryOptions>();
  sub.add_option("--format", opts->format, tr("text (a table) or csv"))
      ->check(CLI::IsMember({"text", "csv"}));
  sub.add_flag("--json", opts->json, tr("Print a JSON list of points"));
  sub.add_flag("--all-parents", opts->all_parents,
               tr("Follow merged branches too (default: first parent only)"));
  sub.add_option("--from", opts->from, tr("Walk back from this revision (default: HEAD)"));
  add_color_option(sub, opts->color);
  add_bidi_option(sub, opts->bidi);
  add_lang_option(sub, opts->lang);
  return [opts](const GlobalOptions& global) {
    const std::string dir = plan_dir_or_explain(global);
    if (dir.empty()) return int{kUsage};
    std::string error;
    std::vector<HistoryPoint> points;
    if (!compute_history(dir, opts->from, !opts->all_parents, points, error)) {
      write_text(stderr, error + "\n");
      return int{kUsage};
    }
    // A shallow clone holds only the latest commits: say so, and how to fetch the rest, on
    // stderr (stdout stays the table, CSV or JSON of the commits that are there).
    Message not_open;  // said already by compute_history
    if (auto repo = Repository::open(dir, not_open); repo && repo->is_shallow())
      write_text(
          stderr,
          plan_says(points.empty()
                        ? message(N_("the repository is a shallow clone, so the history starts at "
                                     "the oldest commit there; fetch the rest with 'git fetch "
                                     "--unshallow' (in GitHub Actions: actions/checkout with "
                                     "'fetch-depth: 0')"))
                        : message(N_("the repository is a shallow clone, so the history starts at "
                                     "{date} ({commit}); fetch the rest with 'git fetch "
                                     "--unshallow' (in GitHub Actions: actions/checkout with "
                                     "'fetch-depth: 0')"),
                                  {arg("date", points.front().commit.date),
                                   arg("commit", points.front().commit.short_id)})));
    std::string out;
    if (opts->json)
      out = history_json(points).dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
    else if (opts->format == "csv")
      out = history_csv(points);
    else {
      // The plan's language, as the working tree has it (read, not checked: only its
      // plan: block matters), unless --lang names one.
      LoadOptions limits;
      const Plan plan = opts->lang.empty() && size_limits_from_env(limits, error)
                            ? load_plan_dir(dir, limits).plan
                            : Plan{};
      TextLayout layout{terminal_width(stdout), Style{use_color(opts->color, stdout)}};
      TerminalLabels words;
      if (!use_plan_words(dir, opts->lang, plan, layout, words)) return int{kUsage};
      out = history_text(points, layout);
    }
    opts->json || opts->format == "csv" ? (void)std::fputs(out.c_str(), stdout)
                                        : write_text(stdout, out);
    return int{kOk};
  };
}

}  // namespace plan::cli
