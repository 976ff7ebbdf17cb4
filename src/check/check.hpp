// The check stage: a table of rules, each a function that appends what it finds.
// Adding a check is one function in rules.hpp and one row in check.cpp.
#pragma once

#include <vector>

#include "diagnostic.hpp"
#include "plan_index.hpp"

namespace plan {

using CheckFn = void (*)(const PlanIndex&, Diagnostics&);

struct Rule {
  const char* name;     // what `plan check` would call it
  CheckFn run;
  const char* summary;  // one line for help and docs
  // Needs every file: skipped while some file could not be read, since a missing goal
  // or `plan:` block there would only be reported again as broken links.
  bool whole_plan;
};

const std::vector<Rule>& check_rules();

// Runs every rule (see Rule::whole_plan); the result is not sorted (the caller merges with the loader's list).
Diagnostics run_checks(const PlanIndex& index);

}  // namespace plan
