// `plan trace ID`: the chain of links through one item, with completions.
#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/command.hpp"
#include "cli/i18n.hpp"
#include "cli/measured.hpp"
#include "cli/options.hpp"
#include "cli/terminal.hpp"
#include "cli/terminal_words.hpp"
#include "render/navigation_text.hpp"
#include "render/terminal_labels.hpp"

namespace plan::cli {

namespace {
struct TraceOptions {
  std::string id, as_of, color = "auto", bidi, lang;
};
}  // namespace

Runner setup_trace(CLI::App& sub) {
  auto opts = std::make_shared<TraceOptions>();
  sub.add_option("ID", opts->id, tr("A goal, target, section or activity id"))->required();
  add_as_of_option(sub, opts->as_of);
  add_color_option(sub, opts->color);
  add_bidi_option(sub, opts->bidi);
  add_lang_option(sub, opts->lang);
  return [opts](const GlobalOptions& global) {
    auto m = load_and_measure(global, opts->as_of);
    if (!m) return int{kUsage};
    const ItemRef* item = find_item_or_explain(*m->checked, opts->id);
    if (!item) return int{kUsage};  // an id that names nothing is a usage error
    TextLayout layout{terminal_width(stdout), Style{use_color(opts->color, stdout)}};
    // The labels of the plan's language (or --lang), from the plan's repository first, as
    // for status; files[0] is the plan folder.
    const Plan& plan = m->checked->load.plan;
    TerminalLabels labels;
    if (!use_plan_words(plan.files.empty() ? "" : plan.files.front(), opts->lang, plan, layout,
                        labels))
      return int{kUsage};
    write_text(stdout, render_trace_text(*m->checked->index, m->stats, *item, layout));
    return finish(m);
  };
}

}  // namespace plan::cli
