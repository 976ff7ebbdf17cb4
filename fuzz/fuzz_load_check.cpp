// libFuzzer target: one plan file's bytes → load → check → stats. Any crash, hang, leak or
// undefined behaviour is a finding; diagnostics are the expected outcome for bad input.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "check/check.hpp"
#include "load/loader.hpp"
#include "stats/stats.hpp"
#include "util/date.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<plan::SourceText> files;
  files.push_back({"plan/fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size), "", false});
  plan::LoadResult r = plan::load_sources("plan/", std::move(files));
  plan::PlanIndex index(r.plan);
  plan::Diagnostics found = plan::run_checks(index);
  plan::Stats stats = plan::compute_stats(index, plan::parse_date("2009-06-01"));
  return static_cast<int>(found.size() + stats.activities.size()) * 0;
}
