#include "render/summary.hpp"

namespace plan {

std::string labels_language(const std::string& asked, std::initializer_list<const Plan*> plans) {
  if (!asked.empty()) return asked;
  for (const Plan* p : plans)
    if (p && p->meta() && !p->meta()->language.value.empty()) return p->meta()->language.value;
  return "";
}

bool plans_rtl(std::initializer_list<const Plan*> plans) {
  return std::string(direction_of(labels_language("", plans))) == "rtl";
}

Json summary_labels(const TemplateSet& templates, const std::string& asked,
                    std::initializer_list<const Plan*> plans, Message& error) {
  std::vector<std::string> used;
  return templates.labels(labels_language(asked, plans), used, error);
}

std::optional<RenderResult> render_summary(const SummaryPlan& plan, const TemplateSet& templates,
                                           const TemplateSource& main,
                                           const SummaryOptions& options, Message& error) {
  // Labels follow --lang; the direction stays the plan's, since it is the plan's text
  // that fills the page.
  const Json labels = summary_labels(templates, options.language, {&plan.index.plan()}, error);
  if (!error.empty()) return std::nullopt;
  auto context = template_context(plan, labels, options.history);
  const std::vector<TemplateSource> own =
      options.partials ? std::vector<TemplateSource>{} : templates.partials();
  return render_template(main, options.partials ? *options.partials : own, *context, options.format,
                         options.strict, options.limits, options.spill);
}

}  // namespace plan
