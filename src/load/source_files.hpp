// Finding the plan's files: regular files only, never a FIFO, device or a link that leaves
// the plan folder. Reading one is util/read_file.hpp's.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "message.hpp"

namespace plan {

struct SourceEntry {
  std::string path;         // the path as found below the plan folder (used for display)
  std::string open_path;    // what to open: the path, or a link's target inside the folder
  std::string skip_reason;  // non-empty: not read, and the warning says why
  bool unreadable = false;  // a folder that could not be listed: an I/O error, not a warning
  Message skip_text{};      // skip_reason as a message, for a translation

  // Marks the entry skipped: `why` and its English.
  void skip(Message why);
};

// Every *.yaml / *.yml below `root`, sorted by path. `root` must be a folder. Hidden
// files and folders and editors' backup files are left out.
// A folder that cannot be listed comes back as an entry marked unreadable.
std::vector<SourceEntry> find_plan_files(const std::string& root);

}  // namespace plan
