// libFuzzer target: the whole pipeline up to rendering: one plan file's bytes → load →
// check → stats → report → template context → both built-in summaries.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "check/check.hpp"
#include "load/loader.hpp"
#include "render/json_sink.hpp"
#include "render/mustache_render.hpp"
#include "render/report.hpp"
#include "render/template_context.hpp"
#include "render/templates.hpp"
#include "stats/stats.hpp"
#include "util/date.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<plan::SourceText> files;
  files.push_back({"plan/fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size), "", false});
  plan::LoadResult r = plan::load_sources("plan/", std::move(files));
  plan::PlanIndex index(r.plan);
  plan::Diagnostics diags = r.diags;
  for (plan::Diagnostic& d : plan::run_checks(index)) diags.push_back(std::move(d));
  plan::Stats stats = plan::compute_stats(index, plan::parse_date("2009-06-01"));
  plan::Json report = plan::build_report(index, stats, {});
  static const plan::TemplateSet templates("");
  std::string used, error;
  const plan::Json& lang = report["plan"]["language"];
  const std::string language = lang.is_string() ? lang.get<std::string>() : "en";
  plan::Json labels = templates.labels(language.empty() ? "en" : language, used, error);
  plan::Json context = plan::template_context(report, labels, r.plan.files, diags);
  for (auto [name, format] : {std::pair{"summary.md.mustache", plan::OutputFormat::markdown},
                              std::pair{"summary.html.mustache", plan::OutputFormat::html}}) {
    plan::RenderResult out = plan::render_template(*templates.find(name), templates.partials(), context, format, true);
    if (!out.ok()) __builtin_trap();  // the built-in templates must always render
  }
  return 0;
}
