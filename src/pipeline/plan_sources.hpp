// A plan's files held in memory, each parsed on its own and kept parsed: an editor's unsaved
// text stands in for a file on disk, and after one file changes only that file is parsed
// again before the plan is merged, indexed and checked anew (what a language server needs).
// Nothing here prints, reads the environment or exits.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "load/loader.hpp"
#include "pipeline/checked_plan.hpp"

namespace plan {

class PlanSources {
 public:
  // No files yet; paths are shown as given, under `root_display` (e.g. "plan/").
  explicit PlanSources(std::string root_display = "plan/");

  // The plan folder as `plan check` reads it (the same files, limits and paths as shown),
  // each file parsed once.
  static PlanSources read_dir(const std::string& dir, const LoadOptions& options = {});

  // A file's text, e.g. an editor's unsaved buffer: only this file is parsed again. A new
  // path takes its place in path order, as on disk; the files after it are parsed again
  // too, since diagnostics name a file by its position.
  void set(const std::string& path, std::string text);
  // Leaves a file out (deleted, or closed without saving a new file); false if there is
  // none. The files after it are parsed again, as above.
  bool remove(const std::string& path);

  // The plan made of the files as they are now, indexed and checked; the parsed files are
  // kept for the next change.
  std::unique_ptr<CheckedPlan> check();
  // The same, made by changing `plan` in place when it is the last plan this object made:
  // only the items of the files set since are replaced (the rest is not copied together
  // again, which is most of the work after a keystroke in a large plan), then the plan is
  // indexed and checked anew. Otherwise, or after a file was added or removed, `plan`
  // becomes a new check().
  void update(std::unique_ptr<CheckedPlan>& plan);

  std::vector<std::string> paths() const;
  // A file as last given or read (an unread file's reason is in its diagnostics); null
  // when there is no such file.
  const SourceText* source(const std::string& path) const;
  std::size_t parses() const { return parses_; }  // files parsed so far (for tests)

 private:
  // How many items of each list a file gave the plan last made.
  struct Counts {
    std::size_t metas = 0, goals = 0, targets = 0, sections = 0;
  };
  struct File {
    SourceText source;  // kept whole, to parse again when the file's position changes
    FilePart part;
    Counts merged;         // in the plan last made
    bool changed = false;  // set since that plan was made
  };
  void parse(std::size_t i);
  void made(CheckedPlan& plan);

  std::string root_;
  std::vector<File> files_;  // in path order, like the loader's
  std::size_t parses_ = 0;
  // The plan last made by check() or update(), which update() may change in place; files
  // added or removed since make that impossible (every later file's number moved).
  std::uint64_t made_ = 0;  // the stamp of that plan
  bool layout_changed_ = false;
};

}  // namespace plan
