// Load, check and compute stats for an as-of date: the start of every reporting command.
#pragma once

#include <memory>
#include <string>

#include "cli/pipeline.hpp"
#include "render/report.hpp"
#include "stats/stats.hpp"

namespace plan::cli {

struct Measured {
  std::unique_ptr<Checked> checked;
  Stats stats;
  CheckSummary summary() const { return {checked->errors, checked->warnings}; }
};

// Returns null after printing why (a bad --as-of, no plan folder): the caller exits 2.
std::unique_ptr<Measured> load_and_measure(const GlobalOptions& global, const std::string& as_of);

// Prints the plan's errors (not warnings: `plan check` lists those) and returns the exit code.
int finish(Measured& m);

}  // namespace plan::cli
