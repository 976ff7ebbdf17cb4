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

// Prints the plan's errors (not warnings: `plan check` lists those) and returns the exit
// code. The plan is not freed: the process ends right after, and on a large plan the
// kernel reclaims the memory far faster than a million calls to free().
int finish(std::unique_ptr<Measured>& m);

// Hands an object to the end of the process instead of destroying it (see finish). Under
// AddressSanitizer it is destroyed as usual, so leak checking stays meaningful.
template <class T>
void keep_until_exit(std::unique_ptr<T>& p) {
#if !defined(__SANITIZE_ADDRESS__)
  static_cast<void>(p.release());
#else
  static_cast<void>(p);
#endif
}

}  // namespace plan::cli
