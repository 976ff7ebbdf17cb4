// Rendering a Mustache template (kainjow) over a template context, with the escaping of the
// output format, errors located in the template file, and a strict mode that reports
// every name a template uses that the context lacks.
#pragma once

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "diagnostic.hpp"
#include "render/report.hpp"
#include "render/template_data.hpp"
#include "render/templates.hpp"

namespace plan {

enum class OutputFormat { markdown, html };

// What one render may cost: every template is someone's file, so a template that nests
// or recurses without end, or multiplies a large plan, stops with a located
// `template-limit` error instead of exhausting the stack, the memory or the clock.
struct RenderLimits {
  std::size_t partial_depth =
      32;  // partials inside partials (a recursive partial needs data to stop)
  std::size_t section_depth = 32;  // sections open at once, in one template and across partials
  std::size_t output_bytes = std::size_t{256} << 20;
  // Lookups and section entries; 0: kBaseSteps + kStepsPerNode × the context's size, so a
  // summary's work grows linearly with the plan, whatever the template.
  std::size_t steps = 0;
  static constexpr std::size_t kBaseSteps = 4'000'000, kStepsPerNode = 32;
};

struct RenderResult {
  std::string text;
  std::vector<std::string> files;  // the file table the diagnostics' locations index
  Diagnostics diags;
  bool ok() const { return count_severity(diags, Severity::error) == 0; }
};

// Renders over a context in the engine's own data (see template_context.hpp); its lazy
// lists are built and dropped as the template walks them, so it is not const. With
// `spill`, the text is written there as it grows instead of into RenderResult::text (on
// an error, what was written there is not the output: the caller discards it).
RenderResult render_template(const TemplateSource& main,
                             const std::vector<TemplateSource>& partials, TemplateContext& context,
                             OutputFormat format, bool strict, const RenderLimits& limits = {},
                             std::FILE* spill = nullptr);
// The same over a small JSON context (tests, tools), converted first.
RenderResult render_template(const TemplateSource& main,
                             const std::vector<TemplateSource>& partials, const Json& context,
                             OutputFormat format, bool strict, const RenderLimits& limits = {});

}  // namespace plan
