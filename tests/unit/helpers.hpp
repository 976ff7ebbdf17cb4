// Shared by the unit tests: load and check plans held in memory.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "check/check.hpp"  // for the tests of the check stage itself
#include "load/loader.hpp"
#include "pipeline/checked_plan.hpp"
#include "pipeline/measured_plan.hpp"
#include "plan_index.hpp"
#include "util/date.hpp"

namespace plan::test {

// Files given as (path, text) pairs, loaded in the given order under a plan/ root.
inline LoadResult load(const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<SourceText> sources;
  for (const auto& [path, text] : files) sources.push_back({path, text, "", false});
  return load_sources("plan/", sources);
}

inline LoadResult load_one(const std::string& text) {
  return load({{"plan/a.yaml", text}});
}

// "code@line:col" for each diagnostic, space-separated: easy to compare and to read.
inline std::string codes(const Diagnostics& diags) {
  std::string out;
  for (const Diagnostic& d : diags) {
    if (!out.empty()) out += ' ';
    out += d.code + "@" + std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col);
  }
  return out;
}

// A valid header (plan block, one goal, one target) to put activities under.
inline const char* kHeader =
    "plan:\n"
    "  title: Test\n"
    "  period: {start: 2009-01-01, end: 2009-12-31}\n"
    "goals:\n"
    "  - {id: G1, title: Goal}\n"
    "targets:\n"
    "  - {id: T1, title: Target, goals: [G1]}\n";

// Loads `text`, checks it and returns the loader's and the checks' diagnostics, sorted.
inline Diagnostics check_text(const std::string& text) {
  return check_sources("plan/", {{"plan/a.yaml", text, "", false}})->diags;
}

// Loads `text` as plan/a.yaml, checks it and measures it as of `as_of`.
inline std::unique_ptr<MeasuredPlan> measure_text(const std::string& text,
                                                  const char* as_of = "2009-06-01") {
  return measure(check_sources("plan/", {{"plan/a.yaml", text, "", false}}), parse_date(as_of));
}

}  // namespace plan::test
