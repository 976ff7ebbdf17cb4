// Reading a plan as it was at any revision, through libgit2: the plan folder's files
// come from the commit's tree, in memory, and go through the same loader as the working
// tree's. Nothing here runs a `git` process.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commit_info.hpp"
#include "load/loader.hpp"
#include "message.hpp"

struct git_repository;

namespace plan {

class Repository {
 public:
  // The repository holding `plan_dir`; nothing (and `error`) outside one.
  static std::unique_ptr<Repository> open(const std::string& plan_dir, Message& error);
  ~Repository();

  // A revision as git names it: HEAD~3, a tag, a hash, main@{2009-06-01}.
  std::optional<CommitInfo> resolve(const std::string& revision, Message& error) const;

  // The plan at a commit, loaded as the working tree would be (paths shown the same way).
  // Files unchanged since an earlier call are not parsed again. The size limits are the
  // working tree's: a blob over them is not read.
  LoadResult load(const CommitInfo& commit, Message& error, const LoadOptions& options = {});

  // Commits on the first-parent line from `from` that changed the plan folder, oldest first.
  // In a shallow clone, those that are there (the oldest one there counts as a change).
  std::vector<CommitInfo> plan_history(const CommitInfo& from, bool first_parent,
                                       Message& error) const;

  // A shallow clone (actions/checkout's default depth of 1): commits past its boundary are
  // missing, so the history shows only what is there.
  bool is_shallow() const;

  std::size_t parsed_files() const { return parsed_; }  // for tests of the cache

 private:
  Repository() = default;
  git_repository* repo_ = nullptr;
  std::string plan_path_;     // the plan folder, relative to the repository's top, '/'-separated
  std::string display_root_;  // the plan folder as shown (relative to the current folder)
  std::map<std::string, FilePart> cache_;  // by blob id and position
  std::size_t parsed_ = 0;
};

}  // namespace plan
