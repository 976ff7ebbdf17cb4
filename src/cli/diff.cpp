// `plan diff [REV1] [REV2]`: what moved between two states of the plan, read from git
// through libgit2 and from the working tree.
#include <cstdio>
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/as_of.hpp"
#include "cli/command.hpp"
#include "cli/i18n.hpp"
#include "cli/measured.hpp"
#include "cli/options.hpp"
#include "cli/pipeline.hpp"
#include "cli/terminal.hpp"
#include "cli/terminal_words.hpp"
#include "git/repository.hpp"
#include "pipeline/history.hpp"
#include "render/diff_output.hpp"
#include "render/summary.hpp"
#include "render/templates.hpp"
#include "render/terminal_labels.hpp"
#include "util/date.hpp"
#include "util/visible.hpp"

namespace plan::cli {

namespace {

struct DiffOptions {
  std::vector<std::string> revisions;
  std::string format = "text", as_of, color = "auto", bidi, lang;
  bool json = false;
};

}  // namespace

Runner setup_diff(CLI::App& sub) {
  auto opts = std::make_shared<DiffOptions>();
  sub.add_option("REVISIONS", opts->revisions,
                 tr("REV1 [REV2]: none compares HEAD with the working tree; one, REV1 with the "
                    "working tree; two, REV1 with REV2"))
      ->expected(0, 2);
  sub.add_option("--format", opts->format,
                 tr("text (for a terminal) or md (for a pull-request comment)"))
      ->check(CLI::IsMember({"text", "md"}));
  sub.add_flag("--json", opts->json, tr("Print one JSON object"));
  add_as_of_option(sub, opts->as_of);
  add_color_option(sub, opts->color);
  add_bidi_option(sub, opts->bidi);
  add_lang_option(sub, opts->lang);
  return [opts](const GlobalOptions& global) {
    const std::string dir = plan_dir_or_explain(global);
    if (dir.empty()) return int{kUsage};
    std::string error;
    Message why;
    auto repo = Repository::open(dir, why);
    if (!repo) {
      write_text(stderr, plan_says(why));
      return int{kUsage};
    }
    const Date as_of = resolve_as_of(opts->as_of, error);
    if (!error.empty()) {
      write_text(stderr, error + "\n");
      return int{kUsage};
    }
    // The same size limits as every other command, at every revision and in the working tree.
    LoadOptions limits;
    if (!size_limits_from_env(limits, error)) {
      write_text(stderr, error + "\n");
      return int{kUsage};
    }
    std::vector<std::string> revs = opts->revisions;
    if (revs.empty()) revs.push_back("HEAD");
    std::unique_ptr<MeasuredPlan> states[2];
    DiffLabels labels;
    labels.translate = translate;
    labels.messages_rtl = messages_rtl();
    for (std::size_t i = 0; i < 2; ++i) {
      if (i < revs.size()) {
        auto commit = repo->resolve(revs[i], why);
        if (!commit) {
          write_text(stderr, plan_says(why));
          return int{kUsage};
        }
        // A revision without the plan folder is not an empty plan to compare with.
        states[i] = measure_revision(*repo, *commit, as_of, limits, why);
        if (!states[i]) {
          write_text(stderr,
                     plan_says(message(N_("{revision} ({commit}) cannot be compared: {reason}"),
                                       {plan_text("revision", visible(revs[i])),
                                        arg("commit", commit->short_id), nested("reason", why)})));
          return int{kUsage};
        }
        (i == 0 ? labels.from : labels.to) = fmt::format("{} ({})", revs[i], commit->short_id);
      } else {
        states[i] = measure(check_plan_dir(dir, limits), as_of);
        labels.to = "working tree";
        labels.to_working_tree = true;
      }
    }
    const PlanDiff d = diff_plans(states[0]->view(), states[1]->view());
    if (opts->format == "md") {  // a pull-request comment in the plan's language and direction
      const std::initializer_list<const Plan*> plans = {
          &states[1]->checked->load.plan, &states[0]->checked->load.plan};  // newer first
      // A labels file that is not JSON leaves the built-in words (check and render say why).
      Message unread;
      labels.words = summary_labels(TemplateSet(templates_dir_for(dir)), opts->lang, plans, unread);
      labels.rtl = plans_rtl(plans);
      if (labels.to_working_tree)
        labels.to = labels.words.value("diff", Json::object()).value("working_tree", labels.to);
    }
    std::string out;
    // A commit subject or revision need not be UTF-8: replaced, never a throw.
    if (opts->json)
      out = diff_json(d, labels).dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
    else if (opts->format == "md")
      out = diff_markdown(d, labels);
    else {
      // The words of the newer side's plan (or of --lang), as status has them.
      TextLayout layout{terminal_width(stdout), Style{use_color(opts->color, stdout)}};
      // A side that does not load names no language: the other side's is the plan's.
      const Plan& newer = states[1]->checked->load.plan;
      const Plan& plan =
          labels_language("", {&newer}).empty() ? states[0]->checked->load.plan : newer;
      TerminalLabels words;
      if (!use_plan_words(dir, opts->lang, plan, layout, words)) return int{kUsage};
      if (labels.to_working_tree) labels.to = words.changes.working_tree;
      out = diff_text(d, labels, layout);
    }
    opts->json || opts->format == "md" ? (void)std::fputs(out.c_str(), stdout)
                                       : write_text(stdout, out);
    return int{kOk};
  };
}

}  // namespace plan::cli
