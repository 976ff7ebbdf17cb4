// A unified diff of two texts: what `plan set --dry-run` prints.
#pragma once

#include <string>

namespace plan {

// A unified diff of two texts (whole-line hunks with 2 lines of context), for --dry-run.
std::string line_diff(const std::string& path, const std::string& before, const std::string& after);

}  // namespace plan
