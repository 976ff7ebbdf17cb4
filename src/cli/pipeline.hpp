// The steps every command shares: find the plan folder, load it, check it, print problems.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "cli/command.hpp"
#include "diagnostic.hpp"
#include "load/loader.hpp"
#include "plan_index.hpp"

namespace plan::cli {

// The plan folder: --plan, else $PLAN_DIR, else plan/ here or in the nearest parent.
// Empty with `error` set when there is none.
std::string find_plan_dir(const GlobalOptions& global, std::string& error);

// The same, or "" after printing why to stderr (the caller exits 2).
std::string plan_dir_or_explain(const GlobalOptions& global);

struct Checked {
  LoadResult load;                   // the plan and the loader's diagnostics
  std::unique_ptr<PlanIndex> index;  // points into load.plan: keep `load` where it is
  Diagnostics diags;                 // loader's and checks' diagnostics, sorted
  std::size_t errors = 0, warnings = 0;
  bool io_error = false;
};

// Loads and checks; nothing is printed. Returns nothing (after printing why to stderr)
// when there is no plan folder to read.
std::unique_ptr<Checked> load_and_check(const GlobalOptions& global, const LoadOptions& options = {});

enum class DiagFormat { text, json, github };
// Prints the diagnostics: text and github to stderr and stdout respectively, json to stdout.
void print_diagnostics(const Checked& c, DiagFormat format);

// The item with this id (ignoring case), or null after printing "no item has id …; did you
// mean …" to stderr.
const ItemRef* find_item_or_explain(const Checked& c, const std::string& id);

// The exit code for a checked plan: 2 for I/O errors, 1 for errors, else 0.
int exit_code_for(const Checked& c);

}  // namespace plan::cli
