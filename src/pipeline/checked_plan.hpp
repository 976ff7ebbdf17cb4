// A loaded plan and what points into it: the index, the loader's and the checks'
// diagnostics (sorted) and their counts. The first half of every command, of the tests, the
// fuzz targets and the benchmark. Nothing here prints, reads the environment or exits.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "diagnostic.hpp"
#include "load/loader.hpp"
#include "plan_index.hpp"

namespace plan {

struct CheckedPlan {
  LoadResult load;                   // the plan and the loader's diagnostics
  std::unique_ptr<PlanIndex> index;  // points into load.plan: the plan never moves
  Diagnostics diags;                 // the loader's and the checks', sorted
  std::size_t errors = 0, warnings = 0;
  bool io_error = false;  // a file could not be read: the command exits 2
  // Which PlanSources::check() made it (a number never used twice), so that update() changes
  // in place only the plan it made last; 0 for a plan made otherwise.
  std::uint64_t stamp = 0;

  CheckedPlan() = default;
  CheckedPlan(const CheckedPlan&) = delete;  // the index points into `load`
  CheckedPlan& operator=(const CheckedPlan&) = delete;

  CheckSummary summary() const { return {errors, warnings}; }
};

// The stages one at a time (check_loaded runs both; the benchmark times each):
// (re)builds the index over `c.load.plan`;
void index_stage(CheckedPlan& c);
// runs the checks, merges their findings with the loader's, sorts and counts them.
void check_stage(CheckedPlan& c);

// A loaded plan, indexed and checked.
std::unique_ptr<CheckedPlan> check_loaded(LoadResult load);

// The plan folder on disk, loaded within `options`' limits and checked.
std::unique_ptr<CheckedPlan> check_plan_dir(const std::string& dir,
                                            const LoadOptions& options = {});

// Files held in memory (path as shown, text), in the order given, under `root_display`.
std::unique_ptr<CheckedPlan> check_sources(const std::string& root_display,
                                           std::vector<SourceText> files);

}  // namespace plan
