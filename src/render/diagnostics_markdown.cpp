#include "render/diagnostics_markdown.hpp"

#include <fmt/format.h>

#include "render/escape.hpp"
#include "util/visible.hpp"

namespace plan {

namespace {

// A diagnostic's message in the language asked for: its Message when it has one, else its
// English text.
std::string text_of(const Diagnostic& d, Translator translate, bool rtl) {
  return d.text.empty() ? d.message : render_message(d.text, translate, rtl);
}

const char* severity_word(Severity s) {
  switch (s) {
    case Severity::error:
      return N_("error");
    case Severity::warning:
      return N_("warning");
    case Severity::note:
      return N_("note");
  }
  return "";
}

std::string row(const std::vector<std::string>& files, const Diagnostic& d, Translator translate,
                bool rtl) {
  // visible(): control characters shown escaped, as on a terminal (a BEL, a line break).
  return fmt::format("| {} | {} | {} | {} |\n",
                     escape_markdown(visible(format_location(files, d.loc))),
                     render_message(message(severity_word(d.severity)), translate, rtl),
                     d.code.empty() ? "" : escape_markdown(d.code),
                     escape_markdown(visible(text_of(d, translate, rtl))));
}

}  // namespace

std::string diagnostics_markdown(const std::vector<DiagnosticGroup>& groups, Translator translate,
                                 bool rtl) {
  std::size_t errors = 0, warnings = 0;
  for (const DiagnosticGroup& g : groups) {
    errors += count_severity(*g.diags, Severity::error);
    warnings += count_severity(*g.diags, Severity::warning);
  }
  if (errors + warnings == 0) return "";
  auto say = [&](const Message& m) { return render_message(m, translate, rtl); };
  std::string out =
      say(message(
          N_("### plan check: {errors}, {warnings}"),
          {nested("errors", plural_message("{n} error", "{n} errors", errors, {arg("n", errors)})),
           nested("warnings", plural_message("{n} warning", "{n} warnings", warnings,
                                             {arg("n", warnings)}))})) +
      "\n\n";
  out +=
      say(message(N_("| where | severity | code | problem |"))) + "\n| --- | --- | --- | --- |\n";
  std::size_t rows = 0, left = 0;
  for (const DiagnosticGroup& g : groups)
    for (const Diagnostic& d : *g.diags) {
      if (rows >= kMaxMarkdownRows) {
        left += d.severity == Severity::note ? 0 : 1;
        continue;
      }
      out += row(*g.files, d, translate, rtl);
      for (const Diagnostic& n : d.notes) out += row(*g.files, n, translate, rtl);
      ++rows;
    }
  if (left > 0)
    out +=
        "\n" +
        say(plural_message("And {n} more: `plan check` lists them all.",
                           "And {n} more: `plan check` lists them all.", left, {arg("n", left)})) +
        "\n";
  return out + "\n";
}

}  // namespace plan
