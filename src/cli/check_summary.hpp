// The last line of `plan check` in text form ("2 errors, 1 warning"), as a message: counted
// with the plural forms of the user's language.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "message.hpp"

namespace plan::cli {

// One plan: its errors and warnings, how many warnings --strict made errors, and how many
// files could not be read.
Message check_summary(std::size_t errors, std::size_t warnings, std::size_t promoted,
                      std::size_t unread);

// A workspace: the same over `units` units, then the errors of the workspace file itself and
// the units that have errors, were not read, or were not counted.
struct WorkspaceCounts {
  std::size_t errors = 0, warnings = 0, units = 0, promoted = 0, own_errors = 0;
  std::vector<std::string> broken, not_read, not_counted;
};
Message workspace_check_summary(const WorkspaceCounts& c);

// A warning --strict made an error says so after its own message.
Message made_error_by_strict(Message m);

}  // namespace plan::cli
