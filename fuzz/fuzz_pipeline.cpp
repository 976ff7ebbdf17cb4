// libFuzzer target: the whole pipeline up to rendering: one plan file's bytes → load →
// check → stats → report → template context → both built-in summaries.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "load/loader.hpp"
#include "pipeline/measured_plan.hpp"
#include "render/json_sink.hpp"
#include "render/mustache_render.hpp"
#include "render/report.hpp"
#include "render/template_context.hpp"
#include "render/templates.hpp"
#include "util/date.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<plan::SourceText> files;
  files.push_back({"plan/fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size), "", false});
  auto m =
      plan::measure(plan::check_sources("plan/", std::move(files)), plan::parse_date("2009-06-01"));
  const plan::CheckedPlan& c = *m->checked;
  plan::Json report = plan::build_report(*c.index, m->stats, {});
  static const plan::TemplateSet templates("");
  std::string used, error;
  const plan::Json& lang = report["plan"]["language"];
  const std::string language = lang.is_string() ? lang.get<std::string>() : "en";
  plan::Json labels = templates.labels(language.empty() ? "en" : language, used, error);
  plan::Json context = plan::template_context(report, labels, c.load.plan.files, c.diags);
  for (auto [name, format] : {std::pair{"summary.md.mustache", plan::OutputFormat::markdown},
                              std::pair{"summary.html.mustache", plan::OutputFormat::html}}) {
    plan::RenderResult out = plan::render_template(*templates.find(name), templates.partials(), context, format, true);
    if (!out.ok()) __builtin_trap();  // the built-in templates must always render
  }
  return 0;
}
