// The one route from a measured plan to a rendered summary: the labels' language, its
// labels, the template context, the text. `plan render`, the Markdown of `plan diff`, the
// fuzz targets and the benchmark all go through here, so they choose the language alike.
#pragma once

#include <cstdio>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "render/mustache_render.hpp"
#include "render/template_context.hpp"
#include "render/templates.hpp"

namespace plan {

// The language of the labels: the one asked for (`--lang`), else the first of the plans
// that names one in its `plan:` block ("" for none: English labels).
std::string labels_language(const std::string& asked, std::initializer_list<const Plan*> plans);
// Whether the plans' own text runs right to left (the first plan naming a language says).
bool plans_rtl(std::initializer_list<const Plan*> plans);

// The labels of that language. `error` says why there are none (a labels file that is not
// JSON); a language without labels gets English.
Json summary_labels(const TemplateSet& templates, const std::string& asked,
                    std::initializer_list<const Plan*> plans, Message& error);

struct SummaryOptions {
  OutputFormat format = OutputFormat::html;
  std::string language;  // the labels' language, as asked for; "" for the plan's own
  bool strict = false;
  const Json* history = nullptr;  // the chart of `render --history` (see history_chart)
  // The partials; null for the template set's own.
  const std::vector<TemplateSource>* partials = nullptr;
  RenderLimits limits;
  // Where the text goes as it grows (see render_template); null: RenderResult::text.
  std::FILE* spill = nullptr;
};

// The summary `main` renders of the measured plan; nothing when its labels cannot be read
// (`error` says why).
std::optional<RenderResult> render_summary(const SummaryPlan& plan, const TemplateSet& templates,
                                           const TemplateSource& main,
                                           const SummaryOptions& options, Message& error);

}  // namespace plan
