// libFuzzer target: the whole pipeline up to rendering: one plan file's bytes → load →
// check → stats → report → template context → both built-in summaries.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "check/check.hpp"
#include "load/loader.hpp"
#include "render/summary.hpp"
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
  static const plan::TemplateSet templates("");
  for (auto [name, format] : {std::pair{"summary.md.mustache", plan::OutputFormat::markdown},
                              std::pair{"summary.html.mustache", plan::OutputFormat::html}}) {
    plan::SummaryOptions options;
    options.format = format;
    options.strict = true;
    std::string error;
    std::optional<plan::RenderResult> rendered =
        plan::render_summary({index, stats, {}, diags}, templates, *templates.find(name), options, error);
    if (!rendered) __builtin_trap();  // the built-in labels always load
    const plan::RenderResult& out = *rendered;
    if (!out.ok()) __builtin_trap();  // the built-in templates must always render
  }
  return 0;
}
