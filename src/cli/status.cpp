// `plan status`: how far each goal has come, what is late, and what is broken; over a
// workspace, the same for every unit and for the goals they share.
#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/as_of.hpp"
#include "cli/command.hpp"
#include "cli/i18n.hpp"
#include "cli/measured.hpp"
#include "cli/options.hpp"
#include "cli/pipeline.hpp"
#include "cli/terminal.hpp"
#include "cli/terminal_words.hpp"
#include "cli/workspace_output.hpp"
#include "render/json_sink.hpp"
#include "render/report.hpp"
#include "render/status_text.hpp"
#include "render/terminal_labels.hpp"
#include "render/workspace_report.hpp"
#include "render/workspace_text.hpp"
#include "stats/stats.hpp"

namespace plan::cli {

namespace {
struct StatusOptions {
  std::string as_of;
  bool json = false;
  std::string color = "auto";
  std::string bidi, lang;
};

int status_workspace(const std::string& file, const StatusOptions& opts) {
  Date as_of;
  auto ws = measure_workspace(file, opts.as_of, as_of);
  if (!ws) return kUsage;
  const WorkspaceView view = workspace_view(*ws, as_of);
  if (opts.json) {
    JsonStreamSink sink(stdout);
    write_workspace_report(view, sink);
  } else {
    TextLayout layout{terminal_width(stdout), Style{use_color(opts.color, stdout)}};
    TerminalLabels labels;
    if (!use_workspace_words(file, opts.lang, view, layout, labels)) return kUsage;
    write_text(stdout, render_workspace_text(view, layout));
  }
  std::fflush(stdout);
  return finish(ws);
}
}  // namespace

Runner setup_status(CLI::App& sub) {
  auto opts = std::make_shared<StatusOptions>();
  add_as_of_option(sub, opts->as_of);
  sub.add_flag("--json", opts->json, tr("Print the status as one JSON object (see README)"));
  add_color_option(sub, opts->color);
  add_bidi_option(sub, opts->bidi);
  add_lang_option(sub, opts->lang);
  return [opts](const GlobalOptions& global) {
    Input input;
    std::string error;
    if (!find_input(global, Accepts::plan_or_workspace, input, error)) {
      write_text(stderr, error + "\n");
      return int{kUsage};
    }
    if (!input.workspace_file.empty()) return status_workspace(input.workspace_file, *opts);
    auto m = load_and_measure(global, opts->as_of);
    if (!m) return int{kUsage};
    const Staleness stale = staleness_for(*m);
    if (opts->json) {
      // Streamed: a large plan's report never has to fit in memory as a tree.
      JsonStreamSink sink(stdout);
      write_report(*m->checked->index, m->stats, m->summary(), sink, &stale);
    } else {
      TextLayout layout{terminal_width(stdout), Style{use_color(opts->color, stdout)}};
      TerminalLabels labels;
      if (!use_plan_words(input.plan_dir, opts->lang, m->checked->load.plan, layout, labels))
        return int{kUsage};
      write_text(stdout,
                 render_status_text(*m->checked->index, m->stats, m->summary(), layout, &stale));
    }
    return finish(m);
  };
}

}  // namespace plan::cli
