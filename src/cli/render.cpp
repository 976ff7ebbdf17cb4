// `plan render`: Markdown and HTML summaries from Mustache templates.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/command.hpp"
#include "cli/history.hpp"
#include "cli/measured.hpp"
#include "cli/options.hpp"
#include "render/history_chart.hpp"
#include "render/summary.hpp"
#include "render/templates.hpp"
#include "util/atomic_write.hpp"
#include "util/read_file.hpp"

namespace fs = std::filesystem;

namespace plan::cli {

namespace {
struct RenderOptions {
  std::string format, template_file, output, as_of, lang;
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
}  // namespace

Runner setup_render(CLI::App& sub) {
  auto opts = std::make_shared<RenderOptions>();
  sub.add_option("--format", opts->format, "md (GitHub-flavoured Markdown) or html")
      ->check(CLI::IsMember({"md", "html"}));
  sub.add_option(
      "--template", opts->template_file,
      "Render this Mustache file instead of the default summary (see docs/templates.md)");
  sub.add_option("--output", opts->output,
                 "Write here (atomically: the old file stays until the new one is complete) "
                 "instead of stdout");
  add_as_of_option(sub, opts->as_of);
  sub.add_option("--lang", opts->lang,
                 "The labels' language (default: the plan's language); the text's direction "
                 "still follows the plan's language");
  sub.add_flag("--strict", opts->strict,
               "Report every name a template uses that the context lacks");
  sub.add_flag("--list-templates", opts->list, "List the templates and where each comes from");
  sub.add_flag("--history", opts->history,
               "Add the plan's history from git (a burn-up chart in the HTML summary, a table in "
               "the Markdown one)");
  return [opts](const GlobalOptions& global) {
    TemplateSet templates(override_dir(global));
    if (opts->list) {
      for (const TemplateSource& t : templates.list())
        std::fputs(fmt::format("{:<36} {}\n", t.name, t.origin).c_str(), stdout);
      for (const TemplateSource& t : templates.label_files())
        std::fputs(fmt::format("{:<36} {}\n", t.name, t.origin).c_str(), stdout);
      return int{kOk};
    }
    const std::string format = pick_format(*opts);
    if (format.empty()) {
      std::fputs("plan: render needs --format md or --format html\n", stderr);
      return int{kUsage};
    }

    TemplateSource main;
    if (!opts->template_file.empty()) {
      main = {opts->template_file, opts->template_file, ""};
      std::string why;
      if (!read_regular_file(opts->template_file, std::size_t{4} << 20, main.text, why)) {
        std::fputs(fmt::format("plan: cannot read the template {}: {}\n", opts->template_file, why)
                       .c_str(),
                   stderr);
        return int{kUsage};
      }
    } else {
      auto found =
          templates.find(format == "html" ? "summary.html.mustache" : "summary.md.mustache");
      if (!found) {
        std::fputs("plan: no default template for this format\n", stderr);
        return int{kUsage};
      }
      main = *found;
    }

    // An unknown --lang is a usage error, found before the plan is read.
    std::vector<std::string> used;
    std::string error;
    if (!opts->lang.empty()) {
      templates.labels(opts->lang, used, error, true);
      if (!error.empty()) {
        std::fputs(fmt::format("plan: --lang: {}\n", error).c_str(), stderr);
        return int{kUsage};
      }
      used.clear();
    }

    auto m = load_and_measure(global, opts->as_of);
    if (!m) return int{kUsage};
    const Checked& c = *m->checked;
    Json history;
    if (opts->history) {
      std::vector<HistoryPoint> points;
      std::string dir = find_plan_dir(global, error);
      if (!compute_history(dir, "HEAD", true, points, error)) {
        std::fputs((error + "\n").c_str(), stderr);
        return int{kUsage};
      }
      history = history_chart(points, c.index->plan());
    }
    SummaryOptions options;
    options.format = format == "html" ? OutputFormat::html : OutputFormat::markdown;
    options.language = opts->lang;
    options.strict = opts->strict;
    options.history = opts->history ? &history : nullptr;
    // The text goes through a temporary file as it grows (nothing reaches stdout or the
    // output file unless the whole render succeeds), so a large summary is never held
    // whole while it is made (where no temporary file can be made, it is).
    std::FILE* spill = std::tmpfile();
    options.spill = spill;
    std::optional<RenderResult> rendered = render_summary(
        {*c.index, m->stats, m->summary(), c.diags}, templates, main, options, error);
    if (!rendered) {
      std::fputs(fmt::format("plan: {}\n", error).c_str(), stderr);
      return int{kUsage};
    }
    // The plan's errors are printed first, then the template's.
    const int code = finish(m);
    const RenderResult& r = *rendered;
    for (const Diagnostic& d : r.diags) std::fputs(format_text(r.files, d).c_str(), stderr);
    if (!r.ok()) return int{kPlanErrors};

    std::string text = std::move(rendered->text);
    if (spill && !opts->output.empty() && !read_back(spill, text)) {
      std::fputs("plan: cannot read the summary back from its temporary file\n", stderr);
      return int{kUsage};
    }
    if (opts->output.empty() && spill) {
      if (!copy_out(spill, stdout)) {
        std::fputs("plan: cannot write the summary to stdout\n", stderr);
        return int{kUsage};
      }
    } else if (opts->output.empty()) {
      std::fwrite(text.data(), 1, text.size(), stdout);
    } else if (!write_file_atomically(opts->output, text, error)) {
      std::fputs(fmt::format("plan: cannot write {}: {}\n", opts->output, error).c_str(), stderr);
      return int{kUsage};
    }
    return code;
  };
}

}  // namespace plan::cli
