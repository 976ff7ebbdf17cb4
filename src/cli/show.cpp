// `plan show ID`: one item with every field, its completion and its links.
#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/command.hpp"
#include "cli/i18n.hpp"
#include "cli/measured.hpp"
#include "cli/options.hpp"
#include "cli/terminal.hpp"
#include "render/json_sink.hpp"
#include "render/navigation_text.hpp"
#include "render/report.hpp"

namespace plan::cli {

namespace {
struct ShowOptions {
  std::string id, as_of, color = "auto", bidi;
  bool json = false;
};

}  // namespace

Runner setup_show(CLI::App& sub) {
  auto opts = std::make_shared<ShowOptions>();
  sub.add_option("ID", opts->id, tr("A goal, target, section or activity id"))->required();
  add_as_of_option(sub, opts->as_of);
  sub.add_flag("--json", opts->json, tr("Print the item as it appears in 'plan status --json'"));
  add_color_option(sub, opts->color);
  add_bidi_option(sub, opts->bidi);
  return [opts](const GlobalOptions& global) {
    auto m = load_and_measure(global, opts->as_of);
    if (!m) return int{kUsage};
    const ItemRef* item = find_item_or_explain(*m->checked, opts->id);
    if (!item) return int{kUsage};  // an id that names nothing is a usage error
    // The item as the report writes it, and nothing else of the report.
    JsonTreeSink tree;
    write_item(tree, *m->checked->index, m->stats, *item);
    const Json& obj = tree.result;
    TextLayout layout{terminal_width(stdout), Style{use_color(opts->color, stdout)}};
    std::string out =
        opts->json ? obj.dump(2) + "\n" : render_show_text(obj, item_kind_name(item->kind), layout);
    opts->json ? (void)std::fputs(out.c_str(), stdout) : write_text(stdout, out);
    return finish(m);
  };
}

}  // namespace plan::cli
