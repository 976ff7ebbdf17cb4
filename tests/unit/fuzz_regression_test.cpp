// Every input under tests/fuzz-regressions/ goes through what the fuzz targets run: load,
// check, stats, report, and both built-in templates in strict mode.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "load/loader.hpp"
#include "pipeline/measured_plan.hpp"
#include "render/mustache_render.hpp"
#include "render/report.hpp"
#include "render/summary.hpp"
#include "render/templates.hpp"
#include "util/date.hpp"

namespace fs = std::filesystem;
using namespace plan;

TEST_CASE("fuzz regressions: every kept input loads, checks and renders") {
  std::size_t inputs = 0;
  const TemplateSet templates("");
  for (const auto& e :
       fs::directory_iterator(std::string(PLAN_SOURCE_DIR) + "/tests/fuzz-regressions")) {
    if (e.path().extension() == ".md") continue;
    CAPTURE(e.path().string());
    std::stringstream bytes;
    bytes << std::ifstream(e.path(), std::ios::binary).rdbuf();
    std::vector<SourceText> files{{"plan/x.yaml", bytes.str(), "", false}};
    auto m = measure(check_sources("plan/", std::move(files)), parse_date("2009-06-01"));
    for (const char* name : {"summary.md.mustache", "summary.html.mustache"}) {
      SummaryOptions options;
      options.format = std::string(name).find("html") != std::string::npos ? OutputFormat::html
                                                                           : OutputFormat::markdown;
      options.strict = true;
      plan::Message error;
      std::optional<RenderResult> rendered =
          render_summary({*m->checked->index, m->stats, {}, m->checked->diags}, templates,
                         *templates.find(name), options, error);
      REQUIRE(rendered);
      const RenderResult& out = *rendered;
      CAPTURE(name);
      CHECK(out.ok());
      for (const Diagnostic& d : out.diags) MESSAGE(d.message);
    }
    ++inputs;
  }
  CHECK(inputs >= 2);
}
