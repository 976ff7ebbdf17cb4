// The command layer's side of the pipeline (src/pipeline/): find the plan folder, apply the
// environment's size limits, print the problems and choose the exit code.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "cli/command.hpp"
#include "diagnostic.hpp"
#include "load/loader.hpp"
#include "pipeline/checked_plan.hpp"
#include "pipeline/workspace.hpp"
#include "plan_index.hpp"

namespace plan::cli {

// What a command reads: one plan folder, or a workspace (plans.yaml).
struct Input {
  std::string plan_dir;        // one plan; "" for a workspace
  std::string workspace_file;  // the workspace file; "" for one plan
};

// Whether the command can work over a workspace, or on one plan only.
enum class Accepts { one_plan, plan_or_workspace };

// Discovery: --plan DIR (always one plan), else --workspace FILE|DIR, else $PLAN_WORKSPACE
// (not for a command of one plan), else $PLAN_DIR, else the nearest folder, here or upwards,
// holding plans.yaml (a workspace) or plan/ (one plan). Where a folder holds both, a command of one
// plan takes plan/; a command of one plan that finds only a workspace gets an error naming --plan.
// False with `error` set (a usage error: exit 2) when there is nothing to read.
bool find_input(const GlobalOptions& global, Accepts accepts, Input& out, std::string& error);

// The plan folder, for a command of one plan (find_input with Accepts::one_plan).
// Empty with `error` set when there is none.
std::string find_plan_dir(const GlobalOptions& global, std::string& error);

// The same, or "" after printing why to stderr (the caller exits 2).
std::string plan_dir_or_explain(const GlobalOptions& global);

// The size limits can be changed for a plan that needs it: PLAN_MAX_FILE_MB and
// PLAN_MAX_TOTAL_MB, in MiB, each a whole number from 1 to kMaxSizeLimitMb (1 TiB, far past
// any plan, and small enough that the size in bytes cannot overflow).
constexpr std::size_t kMaxSizeLimitMb = std::size_t{1} << 20;

// The number of MiB the text names, or nothing when it is not a whole number in range.
std::optional<std::size_t> parse_size_limit_mb(const char* text);

// Applies the variables that are set; false with `error` naming the variable when one is
// not a valid limit (a usage error: exit 2).
bool size_limits_from_env(LoadOptions& options, std::string& error);

// The name command files used before the pipeline had its own folder (as Measured, in
// measured.hpp): members load, index, diags, errors, warnings, io_error.
using Checked = CheckedPlan;

// Loads and checks; nothing is printed. Returns nothing (after printing why to stderr)
// when there is no plan folder to read. A plan whose targets name goals of other plans
// (`hq:G2`) is checked against the workspace that lists it (check_across_alone).
std::unique_ptr<CheckedPlan> load_and_check(const GlobalOptions& global,
                                            const LoadOptions& options = {});

enum class DiagFormat { text, json, github, sarif, gitlab };
// Prints the diagnostics: text to stderr; json, github, sarif (a SARIF 2.1.0 log) and gitlab
// (a GitLab Code Quality report) to stdout. github prints at most kMaxAnnotations errors and
// as many warnings as workflow commands (GitHub shows no more per step), the rest as text
// lines after one notice that says how many were left out; with GITHUB_STEP_SUMMARY set, the
// whole list is appended to that file as Markdown.
void print_diagnostics(const CheckedPlan& c, DiagFormat format);

// The workspace at `file` loaded as of `as_of` within the environment's size limits
// (PLAN_MAX_FILE_MB, PLAN_MAX_TOTAL_MB: each unit's plan), history read unless
// `history` is false or PLAN_HISTORY=0. Null after printing why (a bad limit): exit 2.
std::unique_ptr<Workspace> load_workspace_or_explain(const std::string& file, const Date& as_of,
                                                     bool history = true);

constexpr std::size_t kMaxAnnotations = 10;

// Every diagnostic of a workspace: the workspace file's own, then each unit's in the units'
// order (text to stderr, the others to stdout; json, sarif and gitlab as one document).
void print_diagnostics(const Workspace& ws, DiagFormat format);

// The end of a reporting command over a workspace (as finish() in measured.hpp for one
// plan): prints the errors (not the warnings) of the workspace file and of every unit to
// stderr, and returns the exit code; the workspace is kept until the process ends.
int finish(std::unique_ptr<Workspace>& ws);

// The exit code for a workspace: 2 for I/O errors (the workspace file or a unit folder), 1
// when the workspace file or some unit has errors, else 0.
int exit_code_for(const Workspace& ws);

// The item with this id (ignoring case), or null after printing "no item has id …; did you
// mean …" to stderr: the caller exits 2 (kUsage), since the command line named nothing.
const ItemRef* find_item_or_explain(const CheckedPlan& c, const std::string& id);

// Why no item has this id: "no goal, target, section or activity has id …; did you mean …"
// (without "plan: "), for a command that places the message itself (a row of plan import).
Message no_item_with_id(const CheckedPlan& c, const std::string& id);

// The exit code for a checked plan: 2 for I/O errors, 1 for errors, else 0.
int exit_code_for(const CheckedPlan& c);

}  // namespace plan::cli
