// `plan status`: how far each goal has come, what is late, and what is broken.
#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/command.hpp"
#include "cli/measured.hpp"
#include "cli/options.hpp"
#include "cli/terminal.hpp"
#include "render/json_sink.hpp"
#include "render/report.hpp"
#include "render/status_text.hpp"
#include "stats/stats.hpp"

namespace plan::cli {

namespace {
struct StatusOptions {
  std::string as_of;
  bool json = false;
  std::string color = "auto";
};
}  // namespace

Runner setup_status(CLI::App& sub) {
  auto opts = std::make_shared<StatusOptions>();
  add_as_of_option(sub, opts->as_of);
  sub.add_flag("--json", opts->json, "Print the status as one JSON object (see README)");
  add_color_option(sub, opts->color);
  return [opts](const GlobalOptions& global) {
    auto m = load_and_measure(global, opts->as_of);
    if (!m) return int{kUsage};
    const Staleness stale = staleness_for(*m);
    if (opts->json) {
      // Streamed: a large plan's report never has to fit in memory as a tree.
      JsonStreamSink sink(stdout);
      write_report(*m->checked->index, m->stats, m->summary(), sink, &stale);
    } else {
      TextLayout layout{terminal_width(stdout), Style{use_color(opts->color, stdout)}};
      std::fputs(
          render_status_text(*m->checked->index, m->stats, m->summary(), layout, &stale).c_str(),
          stdout);
    }
    return finish(m);
  };
}

}  // namespace plan::cli
