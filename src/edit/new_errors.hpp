// What an edit broke: the errors (and warnings) of the plan after it that were not there before. An
// edit shifts lines, so errors are compared by code, file and message, as a multiset.
#pragma once

#include <string>
#include <vector>

#include "diagnostic.hpp"

namespace plan {

// The diagnostics of `severity` in `after` (its files named by `after_files`) beyond those
// in `before`.
std::vector<const Diagnostic*> new_diagnostics(const Diagnostics& before,
                                               const std::vector<std::string>& before_files,
                                               const Diagnostics& after,
                                               const std::vector<std::string>& after_files,
                                               Severity severity);

// The errors in `after` beyond those in `before`.
std::vector<const Diagnostic*> new_errors(const Diagnostics& before,
                                          const std::vector<std::string>& before_files,
                                          const Diagnostics& after,
                                          const std::vector<std::string>& after_files);

}  // namespace plan
