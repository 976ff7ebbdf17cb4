// libFuzzer target: a random template over the shipped plan. Whatever the template, the
// render ends within its limits (depth, work, output) with text or located diagnostics:
// no crash, no hang, no unbounded memory (run.sh sets -timeout and -rss_limit_mb).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/measured_plan.hpp"
#include "render/summary.hpp"
#include "util/date.hpp"

#ifndef PLAN_SOURCE_DIR
#error "PLAN_SOURCE_DIR must name the source tree (for the shipped plan)"
#endif

namespace {

// The shipped plan, loaded, checked and measured once.
const plan::MeasuredPlan& shipped() {
  static const auto m = plan::measure(plan::check_plan_dir(std::string(PLAN_SOURCE_DIR) + "/plan"),
                                      plan::parse_date("2009-06-01"));
  return *m;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The input is the main template, then, after each NUL byte, a partial named p0, p1, …
  // so that partials can include each other (and themselves).
  std::vector<std::string> parts(1);
  for (std::size_t i = 0; i < size; ++i) {
    if (data[i] == 0)
      parts.emplace_back();
    else
      parts.back() += static_cast<char>(data[i]);
  }
  if (parts.size() > 5) parts.resize(5);
  static const plan::TemplateSet templates("");
  std::vector<plan::TemplateSource> partials = templates.partials();
  for (std::size_t i = 1; i < parts.size(); ++i)
    partials.push_back({"p" + std::to_string(i - 1),
                        "partials/p" + std::to_string(i - 1) + ".mustache", parts[i]});
  plan::TemplateSource main{"fuzz.mustache", "fuzz.mustache", parts[0]};
  // Smaller limits than the defaults, so one input costs milliseconds, not seconds; the
  // defaults are the same code with larger numbers.
  plan::SummaryOptions options;
  options.limits.output_bytes = std::size_t{8} << 20;
  options.limits.steps = 2'000'000;
  options.strict = size % 2 == 0;
  options.partials = &partials;
  const plan::RenderLimits& limits = options.limits;
  for (auto format : {plan::OutputFormat::markdown, plan::OutputFormat::html}) {
    options.format = format;
    plan::Message error;
    const plan::MeasuredPlan& s = shipped();
    std::optional<plan::RenderResult> rendered = plan::render_summary(
        {*s.checked->index, s.stats, {}, s.checked->diags}, templates, main, options, error);
    if (!rendered) __builtin_trap();  // the built-in labels always load
    const plan::RenderResult& out = *rendered;
    // A render either succeeds with text within the limit or fails with located errors.
    if (out.ok() && out.text.size() > limits.output_bytes) __builtin_trap();
    if (!out.ok()) {
      if (!out.text.empty()) __builtin_trap();
      for (const plan::Diagnostic& d : out.diags)
        if (d.loc.file >= out.files.size()) __builtin_trap();
    }
  }
  return 0;
}
