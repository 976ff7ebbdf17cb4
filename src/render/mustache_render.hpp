// Rendering a Mustache template (kainjow) over a JSON context, with the escaping of the
// output format, errors located in the template file, and a strict mode that reports
// every name a template uses that the context lacks.
#pragma once

#include <string>
#include <vector>

#include "diagnostic.hpp"
#include "render/report.hpp"
#include "render/templates.hpp"

namespace plan {

enum class OutputFormat { markdown, html };

struct RenderResult {
  std::string text;
  std::vector<std::string> files;  // the file table the diagnostics' locations index
  Diagnostics diags;
  bool ok() const { return count_severity(diags, Severity::error) == 0; }
};

// The context is consumed (converted to the engine's own data as it is read).
RenderResult render_template(const TemplateSource& main, const std::vector<TemplateSource>& partials,
                             Json context, OutputFormat format, bool strict);

}  // namespace plan
