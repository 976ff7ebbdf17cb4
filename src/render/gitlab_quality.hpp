// `plan check --format gitlab`: the diagnostics as a GitLab Code Quality report (a JSON
// list of issues), which a merge request shows beside the changed lines.
#pragma once

#include <string>
#include <vector>

#include "render/code_scanning.hpp"

namespace plan {

// One issue per error and warning: description (the message, its notes after it),
// check_name (the code), fingerprint (unique in the report and stable across unrelated
// edits), severity (error: major, warning: minor), location.path (relative to the current
// folder, as printed) and location.lines.begin (1 for a problem with a whole file: GitLab
// requires a line).
std::string format_gitlab_quality(const std::vector<DiagnosticGroup>& groups);

}  // namespace plan
