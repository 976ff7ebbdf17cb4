// When each activity's reported state last changed, from git: one walk of the first-parent
// history for many plan folders at once. Trees are compared by object id from the root
// down, only changed subtrees are entered, and only the YAML blobs that changed are read
// and parsed (load_file, on every core). Nothing here prints or exits.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "model.hpp"

namespace plan {

struct FolderChanges {
  bool in_repository = false;
  std::string error;        // what went wrong (a libgit2 message); "" outside any repository
  bool any_commit = false;  // a commit on or before the as-of date, or a working tree counted
  bool shallow = false;     // a shallow clone: what its oldest commit holds has no date
  std::string boundary;     // shallow: the date of the oldest commit there is
  std::string last_change;  // YYYY-MM-DD of the last commit changing a file in the folder
  // Lowered activity id → YYYY-MM-DD of the last change to its status, measure or percent
  // (or of its creation); absent when only the shallow boundary knows it.
  std::unordered_map<std::string, std::string> activity_dates;
};

struct ChangeWalk {
  std::vector<FolderChanges> folders;         // like the folders given
  std::size_t commits = 0, blobs_parsed = 0;  // for tests and the benchmark
};

// The walk for `plan_dirs` (paths as given; all in one repository, or each in its own)
// as of `as_of`: commits dated after it are not looked at. When the as-of date is on or
// after the date of HEAD (or there is no commit yet), files changed in the working tree
// (against HEAD, untracked ones too) count as changed on the as-of date.
ChangeWalk walk_changes(const std::vector<std::string>& plan_dirs, const Date& as_of);

}  // namespace plan
