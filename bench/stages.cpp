// plan-bench-stages: the time of each stage of the pipeline on one plan folder, in
// process, best of N runs; and the floor, yaml-cpp's own parse of the same files.
//   plan-bench-stages PLAN_DIR [RUNS]
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "load/build.hpp"
#include "load/encoding.hpp"
#include "load/loader.hpp"
#include "load/source_files.hpp"
#include "load/yaml_tree.hpp"
#include "pipeline/measured_plan.hpp"
#include "render/json_sink.hpp"
#include "render/mustache_render.hpp"
#include "render/report.hpp"
#include "render/summary.hpp"
#include "render/templates.hpp"
#include "util/date.hpp"
#include "util/read_file.hpp"

using namespace plan;
using Clock = std::chrono::steady_clock;

namespace {
double best_ms(int runs, const std::function<void()>& fn) {
  double best = 1e300;
  for (int i = 0; i < runs; ++i) {
    auto t0 = Clock::now();
    fn();
    best = std::min(best, std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  return best;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s PLAN_DIR [RUNS]\n", argv[0]);
    return 2;
  }
  const std::string dir = argv[1];
  const int runs = argc > 2 ? std::atoi(argv[2]) : 3;
  std::vector<SourceText> sources;
  std::size_t bytes = 0;
  const double read = best_ms(runs, [&] {
    sources.clear();
    bytes = 0;
    for (const SourceEntry& e : find_plan_files(dir)) {
      SourceText s{e.path, "", e.skip_reason, false};
      std::string why;
      read_regular_file(e.open_path, std::size_t{1} << 30, s.bytes, why);
      bytes += s.bytes.size();
      sources.push_back(std::move(s));
    }
  });
  // Parse alone: text → YamlNode trees (kept, so building can be timed on its own).
  std::vector<std::optional<YamlNode>> trees;
  const double parse = best_ms(runs, [&] {
    trees.clear();
    Diagnostics d;
    for (std::size_t i = 0; i < sources.size(); ++i) {
      auto text = decode_text(sources[i].bytes, static_cast<std::uint32_t>(i + 1), d);
      trees.push_back(text ? parse_yaml(*text, static_cast<std::uint32_t>(i + 1), d)
                           : std::nullopt);
    }
  });
  const double build = best_ms(runs, [&] {
    Plan p;
    Diagnostics d;
    for (std::size_t i = 0; i < trees.size(); ++i)
      if (trees[i]) build_from_tree(*trees[i], static_cast<std::uint32_t>(i + 1), p, d);
  });
  // The pipeline's own stages (src/pipeline/), timed one at a time on the same plan.
  MeasuredPlan m;
  m.checked = std::make_unique<CheckedPlan>();
  CheckedPlan& c = *m.checked;
  const double load = best_ms(runs, [&] { c.load = load_sources("plan/", sources); });
  double index_ms = 0, check = 0, stats_ms = 0, report = 0, context_ms = 0, template_ms = 0;
  {
    index_ms = best_ms(runs, [&] { index_stage(c); });
    check = best_ms(runs, [&] { check_stage(c); });
    stats_ms = best_ms(runs, [&] { stats_stage(m, parse_date("2009-06-01")); });
    const Stats& s = m.stats;
    const PlanIndex* ix = c.index.get();
    // The report as `status --json` writes it: streamed (here to /dev/null).
    std::FILE* null = std::fopen("/dev/null", "w");
    report = best_ms(runs, [&] {
      JsonStreamSink sink(null);
      write_report(*ix, s, {}, sink);
    });
    std::fclose(null);
    // Rendering the built-in HTML summary: the template context (its lists are built as
    // the template walks them), then the whole route, labels to text.
    TemplateSet templates("");
    const Diagnostics none;
    plan::Message error;
    const Json labels = summary_labels(templates, "", {&c.load.plan}, error);
    context_ms = best_ms(runs, [&] { template_context({*ix, s, {}, none}, labels); });
    const TemplateSource main = *templates.find("summary.html.mustache");
    template_ms = best_ms(runs, [&] {
      render_summary({*ix, s, {}, none}, templates, main, SummaryOptions{}, error);
    });
  }
  const double floor = best_ms(runs, [&] {
    for (const SourceText& s : sources) YAML::Load(s.bytes);
  });
  std::printf(
      "bytes %zu\nread %.1f\nparse %.1f\nbuild %.1f\nload %.1f\nindex %.1f\ncheck %.1f\nstats "
      "%.1f\n"
      "report %.1f\ncontext %.1f\ntemplate %.1f\nfloor %.1f\n",
      bytes, read, parse, build, load, index_ms, check, stats_ms, report, context_ms, template_ms,
      floor);
  return 0;
}
