// `plan check`: validate the plan and report every problem.
#include <cstdio>
#include <map>
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/check_summary.hpp"
#include "cli/command.hpp"
#include "cli/i18n.hpp"
#include "cli/measured.hpp"
#include "cli/options.hpp"
#include "cli/pipeline.hpp"
#include "cli/terminal.hpp"

namespace plan::cli {

namespace {
struct CheckOptions {
  bool strict = false;
  std::string format = "text";
  bool json = false;
  std::string bidi;
};

const std::map<std::string, DiagFormat>& formats() {
  static const std::map<std::string, DiagFormat> f{{"text", DiagFormat::text},
                                                   {"json", DiagFormat::json},
                                                   {"github", DiagFormat::github},
                                                   {"sarif", DiagFormat::sarif},
                                                   {"gitlab", DiagFormat::gitlab}};
  return f;
}

// A warning --strict made an error says so, in English (JSON) and in the user's language.
void mark_made_error(Diagnostic& d) {
  d.message += " (a warning, made an error by --strict)";
  if (!d.text.empty()) d.text = made_error_by_strict(std::move(d.text));
}

// --strict: every warning made an error; returns how many.
std::size_t promote_warnings(Diagnostics& diags) {
  std::size_t n = 0;
  for (Diagnostic& d : diags) {
    if (d.severity != Severity::warning) continue;
    d.severity = Severity::error;
    mark_made_error(d);
    ++n;
  }
  return n;
}

// `plan check` over a workspace: the workspace file's problems and every unit's, paths
// relative to the current folder; exit 1 only when the workspace file or a unit has errors.
int check_workspace(const std::string& file, const CheckOptions& opts) {
  // No date: what check reports does not depend on one (nor on SOURCE_DATE_EPOCH).
  auto ws = load_workspace_or_explain(file, Date{}, /*history=*/false);
  if (!ws) return kUsage;
  std::size_t promoted = 0;
  if (opts.strict) {
    promoted += promote_warnings(ws->diags);
    for (Unit& u : ws->units)
      if (u.plan) {
        CheckedPlan& c = *u.plan->checked;
        promoted += promote_warnings(c.diags);
        c.errors += c.warnings;
        c.warnings = 0;
      }
    ws->errors += ws->warnings;
    ws->warnings = 0;
  }
  print_diagnostics(*ws, formats().at(opts.format));
  std::vector<std::string> broken, not_read, not_counted;
  for (std::size_t i = 0; i < ws->units.size(); ++i) {
    const Unit& u = ws->units[i];
    if (!u.plan) {
      not_read.push_back(u.id);
      continue;
    }
    if (u.plan->checked->errors > 0) broken.push_back(u.id);
    if (!ws->rollup.units[i].counted) not_counted.push_back(u.id);
  }
  if (opts.format == "text" && (ws->errors + ws->warnings > 0 || !not_read.empty())) {
    WorkspaceCounts counts;
    counts.errors = ws->errors;
    counts.warnings = ws->warnings;
    counts.units = ws->units.size();
    counts.promoted = promoted;
    counts.own_errors = count_severity(ws->diags, Severity::error);
    counts.broken = std::move(broken);
    counts.not_read = std::move(not_read);
    counts.not_counted = std::move(not_counted);
    write_text(stderr, line_of(workspace_check_summary(counts)));
  }
  const int code = exit_code_for(*ws);
  keep_until_exit(ws);
  return code;
}

}  // namespace

Runner setup_check(CLI::App& sub) {
  auto opts = std::make_shared<CheckOptions>();
  sub.add_flag("--strict", opts->strict, tr("Treat warnings as errors"));
  sub.add_option("--format", opts->format,
                 tr("text: file:line:col lines on stderr; json: a list on stdout; github: GitHub "
                    "Actions annotations on stdout (10 errors and 10 warnings, then the rest as "
                    "text); sarif: a SARIF 2.1.0 log for code scanning on stdout; gitlab: a GitLab "
                    "Code Quality report on stdout"))
      ->check(CLI::IsMember({"text", "json", "github", "sarif", "gitlab"}));
  // As every other command's --json: the same as --format json.
  sub.add_flag("--json", opts->json,
               tr("Print the problems as a JSON list (the same as --format json)"))
      ->excludes("--format");
  add_bidi_option(sub, opts->bidi);
  return [opts](const GlobalOptions& global) {
    if (opts->json) opts->format = "json";
    Input input;
    std::string error;
    if (!find_input(global, Accepts::plan_or_workspace, input, error)) {
      write_text(stderr, error + "\n");
      return int{kUsage};
    }
    if (!input.workspace_file.empty()) return check_workspace(input.workspace_file, *opts);
    auto checked = load_and_check(global);
    if (!checked) return int{kUsage};
    const std::size_t promoted = opts->strict ? checked->warnings : 0;
    if (opts->strict) {
      for (Diagnostic& d : checked->diags) {
        if (d.severity != Severity::warning) continue;
        d.severity = Severity::error;
        mark_made_error(d);
      }
      checked->errors += checked->warnings;
      checked->warnings = 0;
    }
    print_diagnostics(*checked, formats().at(opts->format));
    if (opts->format == "text" && (checked->errors + checked->warnings) > 0) {
      const Message summary = check_summary(checked->errors, checked->warnings, promoted,
                                            checked->load.plan.unread_files.size());
      write_text(stderr, line_of(summary));
    }
    const int code = exit_code_for(*checked);
    keep_until_exit(checked);
    return code;
  };
}

}  // namespace plan::cli
