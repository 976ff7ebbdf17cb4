// libFuzzer target: one plan file's bytes → load → check → stats. Any crash, hang, leak or
// undefined behaviour is a finding; diagnostics are the expected outcome for bad input.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "load/loader.hpp"
#include "pipeline/measured_plan.hpp"
#include "util/date.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<plan::SourceText> files;
  files.push_back(
      {"plan/fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size), "", false});
  auto m =
      plan::measure(plan::check_sources("plan/", std::move(files)), plan::parse_date("2009-06-01"));
  return static_cast<int>(m->checked->diags.size() + m->stats.activities.size()) * 0;
}
