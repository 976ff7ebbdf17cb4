// Reading one file whole, safely: the plan's files, templates, the file `plan set` edits.
#pragma once

#include <cstddef>
#include <string>

namespace plan {

// Reads a regular file whole; opens without following a final link and without blocking.
// Returns false with a reason (e.g. "Permission denied") on failure.
bool read_regular_file(const std::string& path, std::size_t max_size, std::string& out,
                       std::string& error);

}  // namespace plan
