// `plan render`: Markdown and HTML summaries from Mustache templates.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/as_of.hpp"
#include "cli/command.hpp"
#include "cli/history.hpp"
#include "cli/i18n.hpp"
#include "cli/measured.hpp"
#include "cli/options.hpp"
#include "cli/pipeline.hpp"
#include "cli/terminal.hpp"
#include "cli/workspace_output.hpp"
#include "render/history_chart.hpp"
#include "render/summary.hpp"
#include "render/templates.hpp"
#include "render/workspace_context.hpp"
#include "util/atomic_write.hpp"
#include "util/read_file.hpp"

namespace fs = std::filesystem;

namespace plan::cli {

namespace {
struct RenderOptions {
  std::string format, template_file, output, output_dir, as_of, lang;
  bool strict = false, list = false, history = false;
};

// The repository's own templates/ folder: beside the plan folder.
std::string override_dir(const GlobalOptions& global) {
  std::string error;
  return templates_dir_for(find_plan_dir(global, error));
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The spilled text, from its start, onto `out`.
bool copy_out(std::FILE* spill, std::FILE* out) {
  if (std::fflush(spill) != 0 || std::ferror(spill)) return false;
  std::rewind(spill);
  std::vector<char> block(std::size_t{1} << 16);
  for (std::size_t n; (n = std::fread(block.data(), 1, block.size(), spill)) > 0;)
    if (std::fwrite(block.data(), 1, n, out) != n) return false;
  return !std::ferror(spill);
}

// The spilled text whole, in one allocation of its size (the atomic write needs it whole).
bool read_back(std::FILE* spill, std::string& text) {
  if (std::fflush(spill) != 0 || std::ferror(spill) || std::fseek(spill, 0, SEEK_END) != 0)
    return false;
  const long size = std::ftell(spill);
  if (size < 0) return false;
  std::rewind(spill);
  text.resize(static_cast<std::size_t>(size));
  return std::fread(text.data(), 1, text.size(), spill) == text.size();
}

// --format, else what the template's or the output's name says.
std::string pick_format(const RenderOptions& o) {
  if (!o.format.empty()) return o.format;
  for (const std::string& name : {o.template_file, o.output}) {
    if (name.find(".html") != std::string::npos || ends_with(name, ".htm")) return "html";
    if (name.find(".md") != std::string::npos || ends_with(name, ".markdown")) return "md";
  }
  return "";
}
// Writes `text` to `path` atomically; false after saying why.
bool write_out(const std::string& path, const std::string& text) {
  std::string error;
  if (write_file_atomically(path, text, error)) return true;
  write_text(stderr, plan_says(message(N_("cannot write {file}: {reason}"),
                                       {plan_text("file", path), plan_text("reason", error)})));
  return false;
}

// Reports a render's template problems; true when it succeeded.
bool rendered_ok(const RenderResult& r) {
  for (const Diagnostic& d : r.diags) write_text(stderr, text_of(r.files, d));
  return r.ok();
}

// `plan render` over a workspace: the roll-up summary, to stdout or --output, or with
// --output-dir into DIR/index.EXT with each unit's own summary beside it (DIR/UNIT.EXT),
// linked from the roll-up. Templates and labels come from templates/ beside plans.yaml.
int render_workspace(const std::string& file, const RenderOptions& opts, const std::string& format,
                     const TemplateSet& templates, const TemplateSource& main) {
  if (opts.history) {
    write_text(stderr,
               plan_says(message(N_("render --history works on one plan (use --plan DIR)"))));
    return kUsage;
  }
  if (!opts.output.empty() && !opts.output_dir.empty()) {
    write_text(stderr, plan_says(message(N_("render takes --output or --output-dir, not both"))));
    return kUsage;
  }
  Date as_of;
  auto ws = measure_workspace(file, opts.as_of, as_of);
  if (!ws) return kUsage;
  Message why;
  const WorkspaceView view = workspace_view(*ws, as_of);
  const OutputFormat out_format = format == "html" ? OutputFormat::html : OutputFormat::markdown;
  const std::string ext = format == "html" ? "html" : "md";

  // Each unit's own summary, when they are written: a unit whose folder could not be read
  // has none (and no link).
  std::vector<std::string> pages;
  std::vector<std::string> unit_texts;
  if (!opts.output_dir.empty()) {
    pages = unit_page_names(view, ext);
    auto unit_main =
        templates.find(format == "html" ? "summary.html.mustache" : "summary.md.mustache");
    if (!unit_main) {
      write_text(stderr, plan_says(message(N_("no default template for this format"))));
      return kUsage;
    }
    for (std::size_t i = 0; i < ws->units.size(); ++i) {
      const Unit& u = ws->units[i];
      if (!u.plan) {
        pages[i].clear();
        unit_texts.emplace_back();
        continue;
      }
      SummaryOptions options;
      options.format = out_format;
      options.language = opts.lang;
      options.strict = opts.strict;
      const CheckedPlan& c = *u.plan->checked;
      std::optional<RenderResult> r =
          render_summary({*c.index, u.plan->stats, c.summary(), c.diags, translate, messages_rtl()},
                         templates, *unit_main, options, why);
      if (!r) {
        write_text(stderr, plan_says(why));
        return kUsage;
      }
      if (!rendered_ok(*r)) return kPlanErrors;
      unit_texts.push_back(std::move(r->text));
    }
  }

  // The labels: --lang, else the workspace's language, else the first unit plan's.
  std::string used;
  const Json labels =
      templates.labels(opts.lang.empty() ? workspace_language(view) : opts.lang, used, why);
  if (!why.empty()) {
    write_text(stderr, plan_says(why));
    return kUsage;
  }
  auto context = workspace_context(view, labels, pages);
  RenderResult r = render_template(main, templates.partials(), *context, out_format, opts.strict);
  // The plans' errors are printed first, then the template's.
  const int code = finish(ws);
  if (!rendered_ok(r)) return kPlanErrors;

  if (!opts.output_dir.empty()) {
    std::error_code ec;
    fs::create_directories(opts.output_dir, ec);
    if (ec) {
      write_text(stderr, plan_says(message(N_("cannot make the folder {dir}: {reason}"),
                                           {plan_text("dir", opts.output_dir),
                                            plan_text("reason", ec.message())})));
      return kUsage;
    }
    const fs::path dir(opts.output_dir);
    for (std::size_t i = 0; i < pages.size(); ++i)
      if (!pages[i].empty() && !write_out((dir / pages[i]).string(), unit_texts[i])) return kUsage;
    if (!write_out((dir / ("index." + ext)).string(), r.text)) return kUsage;
  } else if (!opts.output.empty()) {
    if (!write_out(opts.output, r.text)) return kUsage;
  } else {
    std::fwrite(r.text.data(), 1, r.text.size(), stdout);
  }
  return code;
}
}  // namespace

Runner setup_render(CLI::App& sub) {
  auto opts = std::make_shared<RenderOptions>();
  sub.add_option("--format", opts->format, tr("md (GitHub-flavoured Markdown) or html"))
      ->check(CLI::IsMember({"md", "html"}));
  sub.add_option(
      "--template", opts->template_file,
      tr("Render this Mustache file instead of the default summary (see docs/templates.md)"));
  sub.add_option("--output", opts->output,
                 tr("Write here (atomically: the old file stays until the new one is complete) "
                    "instead of stdout"));
  sub.add_option(
      "--output-dir", opts->output_dir,
      tr("Over a workspace: write the roll-up as DIR/index.html (or .md) and each unit's "
         "own summary beside it, linked from the roll-up"));
  add_as_of_option(sub, opts->as_of);
  sub.add_option("--lang", opts->lang,
                 tr("The labels' language (default: the plan's language); the text's direction "
                    "still follows the plan's language"));
  sub.add_flag("--strict", opts->strict,
               tr("Report every name a template uses that the context lacks"));
  sub.add_flag("--list-templates", opts->list, tr("List the templates and where each comes from"));
  sub.add_flag(
      "--history", opts->history,
      tr("Add the plan's history from git (a burn-up chart in the HTML summary, a table in "
         "the Markdown one)"));
  return [opts](const GlobalOptions& global) {
    // Nothing found to read: as for one plan (the plan's loading says why, after
    // --list-templates has had its chance).
    Input input;
    std::string not_found;
    const bool workspace = find_input(global, Accepts::plan_or_workspace, input, not_found) &&
                           !input.workspace_file.empty();
    // A workspace's templates/ folder is beside its plans.yaml.
    TemplateSet templates(
        workspace ? (fs::absolute(input.workspace_file).parent_path() / "templates").string()
                  : override_dir(global));
    if (opts->list) {
      for (const TemplateSource& t : templates.list())
        std::fputs(fmt::format("{:<36} {}\n", t.name, t.origin).c_str(), stdout);
      for (const TemplateSource& t : templates.label_files())
        std::fputs(fmt::format("{:<36} {}\n", t.name, t.origin).c_str(), stdout);
      return int{kOk};
    }
    const std::string format = pick_format(*opts);
    if (format.empty()) {
      write_text(stderr, plan_says(message(N_("render needs --format md or --format html"))));
      return int{kUsage};
    }

    TemplateSource main;
    if (!opts->template_file.empty()) {
      main = {opts->template_file, opts->template_file, ""};
      std::string why;
      if (!read_regular_file(opts->template_file, std::size_t{4} << 20, main.text, why)) {
        write_text(
            stderr,
            plan_says(message(N_("cannot read the template {file}: {reason}"),
                              {plan_text("file", opts->template_file), plan_text("reason", why)})));
        return int{kUsage};
      }
    } else {
      const std::string kind = workspace ? "workspace" : "summary";
      auto found = templates.find(kind + (format == "html" ? ".html.mustache" : ".md.mustache"));
      if (!found) {
        write_text(stderr, plan_says(message(N_("no default template for this format"))));
        return int{kUsage};
      }
      main = *found;
    }

    // An unknown --lang is a usage error, found before the plan is read.
    std::vector<std::string> used;
    std::string error;
    if (!opts->lang.empty()) {
      Message why;
      templates.labels(opts->lang, used, why, true);
      if (!why.empty()) {
        write_text(stderr,
                   plan_says(message(N_("--lang: {reason}"), {nested("reason", std::move(why))})));
        return int{kUsage};
      }
      used.clear();
    }

    if (workspace) return render_workspace(input.workspace_file, *opts, format, templates, main);
    if (!opts->output_dir.empty()) {
      write_text(stderr,
                 plan_says(message(
                     N_("--output-dir renders a workspace (for one plan, use --output FILE)"))));
      return int{kUsage};
    }
    auto m = load_and_measure(global, opts->as_of);
    if (!m) return int{kUsage};
    const Checked& c = *m->checked;
    Json history;
    if (opts->history) {
      std::vector<HistoryPoint> points;
      std::string dir = find_plan_dir(global, error);
      if (!compute_history(dir, "HEAD", true, points, error)) {
        write_text(stderr, error + "\n");
        return int{kUsage};
      }
      history = history_chart(points, c.index->plan());
    }
    SummaryOptions options;
    Message why;
    options.format = format == "html" ? OutputFormat::html : OutputFormat::markdown;
    options.language = opts->lang;
    options.strict = opts->strict;
    options.history = opts->history ? &history : nullptr;
    // The text goes through a temporary file as it grows (nothing reaches stdout or the
    // output file unless the whole render succeeds), so a large summary is never held
    // whole while it is made (where no temporary file can be made, it is).
    std::FILE* spill = std::tmpfile();
    options.spill = spill;
    std::optional<RenderResult> rendered =
        render_summary({*c.index, m->stats, m->summary(), c.diags, translate, messages_rtl()},
                       templates, main, options, why);
    if (!rendered) {
      write_text(stderr, plan_says(why));
      return int{kUsage};
    }
    // The plan's errors are printed first, then the template's.
    const int code = finish(m);
    const RenderResult& r = *rendered;
    for (const Diagnostic& d : r.diags) write_text(stderr, text_of(r.files, d));
    if (!r.ok()) return int{kPlanErrors};

    std::string text = std::move(rendered->text);
    if (spill && !opts->output.empty() && !read_back(spill, text)) {
      write_text(stderr,
                 plan_says(message(N_("cannot read the summary back from its temporary file"))));
      return int{kUsage};
    }
    if (opts->output.empty() && spill) {
      if (!copy_out(spill, stdout)) {
        write_text(stderr, plan_says(message(N_("cannot write the summary to stdout"))));
        return int{kUsage};
      }
    } else if (opts->output.empty()) {
      std::fwrite(text.data(), 1, text.size(), stdout);
    } else if (!write_file_atomically(opts->output, text, error)) {
      write_text(stderr,
                 plan_says(message(N_("cannot write {file}: {reason}"),
                                   {plan_text("file", opts->output), plan_text("reason", error)})));
      return int{kUsage};
    }
    return code;
  };
}

}  // namespace plan::cli
