// The workspace file (`plans.yaml`) as written: plain data, like model.hpp. A workspace
// names the plan folders of a movement's units; the pipeline (pipeline/workspace.*) loads
// them and the stats (stats/rollup.*) roll their figures up.
#pragma once

#include <string>
#include <vector>

#include "model.hpp"

namespace plan {

// How many days without a change make an in-progress (or started) activity stale, when
// neither the plan nor the workspace says.
inline constexpr int kDefaultStaleAfterDays = 30;

// The name of the workspace file, looked for in a folder and its parents.
inline constexpr const char* kWorkspaceFileName = "plans.yaml";

// One entry of `units:`: a plan folder (`path`) or every folder a glob matches (`glob`).
struct UnitEntry {
  Loc loc;  // the entry's mapping
  Located<std::string> id, title, path, glob;
  Located<double> weight{1.0};
};

struct WorkspaceSpec {
  // files[0] is the workspace's folder as shown (relative to the current folder, ending in
  // '/'), files[1] the workspace file: the locations of its diagnostics index this list.
  std::vector<std::string> files;
  Loc loc;  // the `workspace:` key
  Located<std::string> title, language;
  Located<double> stale_after;  // days; not given: kDefaultStaleAfterDays
  std::vector<UnitEntry> entries;
};

// A goal named across plans, `unit:goal` ("hq:G2"): the part before the first ':' and the
// rest. Both empty when `ref` is not qualified (a link within the plan): it has no ':', or
// what comes before it does not look like a unit id (an ASCII letter, then letters,
// digits, '.', '_' or '-'), so a mistyped id stays the plan's own broken link.
struct QualifiedId {
  std::string unit, id;
  bool qualified() const { return !unit.empty(); }
};
QualifiedId split_qualified(const std::string& ref);
// Whether `ref` is qualified, without copying it (the checks ask it of every link).
bool is_qualified(const std::string& ref);

}  // namespace plan
