// libFuzzer target: the whole pipeline up to rendering: one plan file's bytes → load →
// check → stats → report → template context → both built-in summaries.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "load/loader.hpp"
#include "pipeline/measured_plan.hpp"
#include "render/summary.hpp"
#include "util/date.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<plan::SourceText> files;
  files.push_back(
      {"plan/fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size), "", false});
  auto m =
      plan::measure(plan::check_sources("plan/", std::move(files)), plan::parse_date("2009-06-01"));
  const plan::CheckedPlan& c = *m->checked;
  static const plan::TemplateSet templates("");
  for (auto [name, format] : {std::pair{"summary.md.mustache", plan::OutputFormat::markdown},
                              std::pair{"summary.html.mustache", plan::OutputFormat::html}}) {
    plan::SummaryOptions options;
    options.format = format;
    options.strict = true;
    plan::Message error;
    std::optional<plan::RenderResult> rendered = plan::render_summary(
        {*c.index, m->stats, {}, c.diags}, templates, *templates.find(name), options, error);
    if (!rendered) __builtin_trap();  // the built-in labels always load
    const plan::RenderResult& out = *rendered;
    if (!out.ok()) __builtin_trap();  // the built-in templates must always render
  }
  return 0;
}
