// The context templates render: the report of `plan status --json`, plus the labels of
// the report's language and a few fields derived from the report for convenience
// (docs/templates.md lists them all).
#pragma once

#include <string>
#include <vector>

#include "diagnostic.hpp"
#include "render/mustache_render.hpp"
#include "render/report.hpp"

namespace plan {

// The report is consumed (the context is built in its place). `diagnostics` are the plan's
// problems, shown in the summary's warnings list.
// With `names` (the templates that will render it), the activities are moved into their
// sections instead of copied when no template lists them at the top, each keeping only
// what the templates can reach: on a large plan that halves the context.
Json template_context(Json report, const Json& labels, const std::vector<std::string>& files,
                      const Diagnostics& diagnostics, const TemplateNames* names = nullptr);

}  // namespace plan
