// The workspace file (`plans.yaml`) → WorkspaceSpec, and its units → plan folders: globs
// expanded, ids checked unique, every folder kept inside the repository. Read with the
// plan's own YAML tree and typed readers, so its errors look like the plan's. Problems are
// located diagnostics in the spec's files; nothing is thrown.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "diagnostic.hpp"
#include "load/yaml_tree.hpp"
#include "workspace.hpp"

namespace plan {

// The keys of each mapping, in the order docs/format.md documents them.
const std::vector<std::string>& workspace_top_keys();
const std::vector<std::string>& workspace_keys();
const std::vector<std::string>& unit_entry_keys();

// A workspace's `stale_after:` and a plan's: whole days from 1 to this.
inline constexpr int kMaxStaleAfterDays = 3650;

// One file's tree → the spec's title, language, stale_after and entries (file index `file`).
void build_workspace(const YamlNode& root, std::uint32_t file, WorkspaceSpec& spec,
                     Diagnostics& diags);

struct WorkspaceRead {
  WorkspaceSpec spec;  // spec.files: the folder as shown, then the file as shown
  Diagnostics diags;
  bool io_error = false;  // the file could not be read at all
};

// Reads and parses the workspace file at `file` (a path as given; shown relative to the
// current folder).
WorkspaceRead read_workspace_file(const std::string& file, std::size_t max_size);

// A unit as its entry names it, before its plan is read.
struct UnitPlace {
  std::size_t entry = 0;  // index into spec.entries
  std::string id, title;  // title: the entry's, or "" (the plan's own then)
  Loc id_loc;             // where the id was written: the entry's `id`, or its `glob`
  double weight = 1;
  std::string path;  // the plan folder as shown (relative to the current folder)
  // The folder may be read: it exists, is inside the repository and is no workspace.
  // A unit that may not is kept (shown as not counted); its error says why.
  bool readable = false;
  std::string folder;  // canonical (links resolved), when readable: no two units share files
};

// Every unit the entries name, in order (a glob's matches in path order); a second unit
// with an id already taken is reported (`duplicate-unit`) and left out. `repository` is
// the folder no unit may leave (see find_repository_root).
std::vector<UnitPlace> resolve_units(const WorkspaceSpec& spec, const std::string& file,
                                     const std::string& repository, Diagnostics& diags);

// The top of the git work tree holding `dir` (the nearest folder upwards with a `.git`),
// or `dir` itself when there is none; canonical (links resolved). "" when `dir` does not
// exist.
std::string find_repository_root(const std::string& dir);

}  // namespace plan
