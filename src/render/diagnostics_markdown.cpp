#include "render/diagnostics_markdown.hpp"

#include <fmt/format.h>

#include "render/escape.hpp"
#include "util/visible.hpp"

namespace plan {

namespace {

std::string row(const std::vector<std::string>& files, const Diagnostic& d) {
  // visible(): control characters shown escaped, as on a terminal (a BEL, a line break).
  return fmt::format("| {} | {} | {} | {} |\n",
                     escape_markdown(visible(format_location(files, d.loc))),
                     severity_name(d.severity), d.code.empty() ? "" : escape_markdown(d.code),
                     escape_markdown(visible(d.message)));
}

std::string plural(std::size_t n, const char* word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

}  // namespace

std::string diagnostics_markdown(const std::vector<DiagnosticGroup>& groups) {
  std::size_t errors = 0, warnings = 0;
  for (const DiagnosticGroup& g : groups) {
    errors += count_severity(*g.diags, Severity::error);
    warnings += count_severity(*g.diags, Severity::warning);
  }
  if (errors + warnings == 0) return "";
  std::string out = fmt::format("### plan check: {}, {}\n\n", plural(errors, "error"),
                                plural(warnings, "warning"));
  out += "| where | severity | code | problem |\n| --- | --- | --- | --- |\n";
  std::size_t rows = 0, left = 0;
  for (const DiagnosticGroup& g : groups)
    for (const Diagnostic& d : *g.diags) {
      if (rows >= kMaxMarkdownRows) {
        left += d.severity == Severity::note ? 0 : 1;
        continue;
      }
      out += row(*g.files, d);
      for (const Diagnostic& n : d.notes) out += row(*g.files, n);
      ++rows;
    }
  if (left > 0) out += fmt::format("\nAnd {} more: `plan check` lists them all.\n", left);
  return out + "\n";
}

}  // namespace plan
