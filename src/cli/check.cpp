// `plan check`: validate the plan and report every problem.
#include <cstdio>
#include <map>
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/command.hpp"
#include "cli/measured.hpp"
#include "cli/pipeline.hpp"

namespace plan::cli {

namespace {
struct CheckOptions {
  bool strict = false;
  std::string format = "text";
  bool json = false;
};
}  // namespace

Runner setup_check(CLI::App& sub) {
  auto opts = std::make_shared<CheckOptions>();
  sub.add_flag("--strict", opts->strict, "Treat warnings as errors");
  sub.add_option("--format", opts->format,
                 "text: file:line:col lines on stderr; json: a list on stdout; github: GitHub "
                 "Actions annotations on stdout")
      ->check(CLI::IsMember({"text", "json", "github"}));
  // As every other command's --json: the same as --format json.
  sub.add_flag("--json", opts->json,
               "Print the problems as a JSON list (the same as --format json)")
      ->excludes("--format");
  return [opts](const GlobalOptions& global) {
    if (opts->json) opts->format = "json";
    auto checked = load_and_check(global);
    if (!checked) return int{kUsage};
    const std::size_t promoted = opts->strict ? checked->warnings : 0;
    if (opts->strict) {
      for (Diagnostic& d : checked->diags) {
        if (d.severity != Severity::warning) continue;
        d.severity = Severity::error;
        d.message += " (a warning, made an error by --strict)";
      }
      checked->errors += checked->warnings;
      checked->warnings = 0;
    }
    static const std::map<std::string, DiagFormat> formats{
        {"text", DiagFormat::text}, {"json", DiagFormat::json}, {"github", DiagFormat::github}};
    print_diagnostics(*checked, formats.at(opts->format));
    if (opts->format == "text" && (checked->errors + checked->warnings) > 0) {
      std::string summary =
          fmt::format("{} error{}, {} warning{}", checked->errors, checked->errors == 1 ? "" : "s",
                      checked->warnings, checked->warnings == 1 ? "" : "s");
      if (promoted > 0) summary += fmt::format(" ({} made errors by --strict)", promoted);
      const std::size_t unread = checked->load.plan.unread_files.size();
      if (unread > 0)
        summary += fmt::format(
            "; links and coverage were not checked, since {} file{} could "
            "not be read",
            unread, unread == 1 ? "" : "s");
      std::fputs((summary + "\n").c_str(), stderr);
    }
    const int code = exit_code_for(*checked);
    keep_until_exit(checked);
    return code;
  };
}

}  // namespace plan::cli
