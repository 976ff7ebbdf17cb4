// `plan init`'s git step: a new plan folder becomes a repository (libgit2), so `plan diff`
// and `plan history` work from the first commit.
#pragma once

#include <string>

namespace plan {

// Whether `dir` is inside a git repository (its own or a parent's).
bool inside_repository(const std::string& dir);

// Creates an empty repository in `dir` (like `git init`). False with a reason on failure.
bool init_repository(const std::string& dir, std::string& error);

}  // namespace plan
