// `plan diff [REV1] [REV2]`: what moved between two states of the plan; `plan history`:
// the plan's completion at every commit that changed it. Both read git through libgit2.
#include <cstdio>
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "check/check.hpp"
#include "cli/as_of.hpp"
#include "cli/command.hpp"
#include "cli/measured.hpp"
#include "cli/pipeline.hpp"
#include "cli/terminal.hpp"
#include "git/repository.hpp"
#include "render/diff_output.hpp"
#include "render/history_output.hpp"
#include "render/summary.hpp"
#include "util/date.hpp"

namespace plan::cli {

namespace {

// A plan loaded from somewhere, checked and measured; owns everything the figures point into.
struct State {
  LoadResult load;
  std::unique_ptr<PlanIndex> index;
  Diagnostics diags;
  Stats stats;
  PlanState view() const { return {index.get(), &stats, &diags}; }
};

std::unique_ptr<State> measure(LoadResult load, const Date& as_of) {
  auto s = std::make_unique<State>();
  s->load = std::move(load);
  s->index = std::make_unique<PlanIndex>(s->load.plan);
  s->diags = s->load.diags;
  for (Diagnostic& d : run_checks(*s->index)) s->diags.push_back(std::move(d));
  sort_diagnostics(s->diags);
  s->stats = compute_stats(*s->index, as_of);
  return s;
}

struct DiffOptions {
  std::vector<std::string> revisions;
  std::string format = "text", as_of, color = "auto";
  bool json = false;
};

struct HistoryOptions {
  std::string format = "text", color = "auto", from = "HEAD";
  bool json = false, all_parents = false;
};

}  // namespace

Runner setup_diff(CLI::App& sub) {
  auto opts = std::make_shared<DiffOptions>();
  sub.add_option("REVISIONS", opts->revisions,
                 "REV1 [REV2]: none compares HEAD with the working tree; one, REV1 with the "
                 "working tree; two, REV1 with REV2")
      ->expected(0, 2);
  sub.add_option("--format", opts->format,
                 "text (for a terminal) or md (for a pull-request comment)")
      ->check(CLI::IsMember({"text", "md"}));
  sub.add_flag("--json", opts->json, "Print one JSON object");
  add_as_of_option(sub, opts->as_of);
  add_color_option(sub, opts->color);
  return [opts](const GlobalOptions& global) {
    const std::string dir = plan_dir_or_explain(global);
    if (dir.empty()) return int{kUsage};
    std::string error;
    auto repo = Repository::open(dir, error);
    if (!repo) {
      std::fprintf(stderr, "%s\n", error.c_str());
      return int{kUsage};
    }
    const Date as_of = resolve_as_of(opts->as_of, error);
    if (!error.empty()) {
      std::fprintf(stderr, "%s\n", error.c_str());
      return int{kUsage};
    }
    // The same size limits as every other command, at every revision and in the working tree.
    LoadOptions limits;
    if (!size_limits_from_env(limits, error)) {
      std::fprintf(stderr, "%s\n", error.c_str());
      return int{kUsage};
    }
    std::vector<std::string> revs = opts->revisions;
    if (revs.empty()) revs.push_back("HEAD");
    std::unique_ptr<State> states[2];
    DiffLabels labels;
    for (std::size_t i = 0; i < 2; ++i) {
      if (i < revs.size()) {
        auto commit = repo->resolve(revs[i], error);
        if (!commit) {
          std::fprintf(stderr, "%s\n", error.c_str());
          return int{kUsage};
        }
        std::string why;
        states[i] = measure(repo->load(*commit, why, limits), as_of);
        (i == 0 ? labels.from : labels.to) = fmt::format("{} ({})", revs[i], commit->short_id);
      } else {
        states[i] = measure(load_plan_dir(dir, limits), as_of);
        labels.to = "working tree";
      }
    }
    const PlanDiff d = diff_plans(states[0]->view(), states[1]->view());
    if (opts->format == "md") {  // a pull-request comment in the plan's language and direction
      const std::initializer_list<const Plan*> plans = {&states[1]->load.plan,
                                                        &states[0]->load.plan};  // newer first
      labels.words = summary_labels(TemplateSet(templates_dir_for(dir)), "", plans, error);
      labels.rtl = plans_rtl(plans);
      if (labels.to == "working tree") labels.to = labels.words.value("diff", Json::object()).value("working_tree", labels.to);
    }
    std::string out;
    // A commit subject or revision need not be UTF-8: replaced, never a throw.
    if (opts->json)
      out = diff_json(d, labels).dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
    else if (opts->format == "md")
      out = diff_markdown(d, labels);
    else
      out = diff_text(d, labels,
                      TextLayout{terminal_width(stdout), Style{use_color(opts->color, stdout)}});
    std::fputs(out.c_str(), stdout);
    return int{kOk};
  };
}

// The history points from HEAD (or --from): shared with `render --history`.
bool compute_history(const std::string& dir, const std::string& from, bool first_parent,
                     std::vector<HistoryPoint>& points, std::string& error) {
  LoadOptions limits;
  if (!size_limits_from_env(limits, error)) return false;
  auto repo = Repository::open(dir, error);
  if (!repo) return false;
  auto head = repo->resolve(from, error);
  if (!head) return false;
  for (const CommitInfo& c : repo->plan_history(*head, first_parent, error)) {
    std::string why;
    auto s = measure(repo->load(c, why, limits), parse_date(c.date));
    HistoryPoint p;
    p.commit = {c.id, c.short_id, c.date, c.time, c.subject};
    // A commit whose plan did not load (a file that does not parse) is a gap, not a zero.
    p.loaded = why.empty() && s->load.plan.unread_files.empty() && !s->load.plan.files.empty();
    p.completion = s->stats.plan;
    p.errors = count_severity(s->diags, Severity::error);
    for (std::size_t g = 0; g < s->load.plan.goals.size(); ++g)
      p.goals.emplace_back(s->load.plan.goals[g].id.value, s->stats.goals[g]);
    points.push_back(std::move(p));
  }
  return error.empty();
}

Runner setup_history(CLI::App& sub) {
  auto opts = std::make_shared<HistoryOptions>();
  sub.add_option("--format", opts->format, "text (a table) or csv")
      ->check(CLI::IsMember({"text", "csv"}));
  sub.add_flag("--json", opts->json, "Print a JSON list of points");
  sub.add_flag("--all-parents", opts->all_parents,
               "Follow merged branches too (default: first parent only)");
  sub.add_option("--from", opts->from, "Walk back from this revision (default: HEAD)");
  add_color_option(sub, opts->color);
  return [opts](const GlobalOptions& global) {
    const std::string dir = plan_dir_or_explain(global);
    if (dir.empty()) return int{kUsage};
    std::string error;
    std::vector<HistoryPoint> points;
    if (!compute_history(dir, opts->from, !opts->all_parents, points, error)) {
      std::fprintf(stderr, "%s\n", error.c_str());
      return int{kUsage};
    }
    // A shallow clone holds only the latest commits: say so, and how to fetch the rest, on
    // stderr (stdout stays the table, CSV or JSON of the commits that are there).
    if (auto repo = Repository::open(dir, error); repo && repo->is_shallow())
      std::fprintf(
          stderr,
          "plan: the repository is a shallow clone, so the history starts at %s; fetch the "
          "rest with 'git fetch --unshallow' (in GitHub Actions: actions/checkout with "
          "'fetch-depth: 0')\n",
          points.empty()
              ? "the oldest commit there"
              : (points.front().commit.date + " (" + points.front().commit.short_id + ")").c_str());
    std::string out;
    if (opts->json)
      out = history_json(points).dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
    else if (opts->format == "csv")
      out = history_csv(points);
    else
      out = history_text(points,
                         TextLayout{terminal_width(stdout), Style{use_color(opts->color, stdout)}});
    std::fputs(out.c_str(), stdout);
    return int{kOk};
  };
}

}  // namespace plan::cli
