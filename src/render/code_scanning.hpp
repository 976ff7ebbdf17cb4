// What the code-scanning outputs (SARIF, GitLab Code Quality) share: the diagnostics of
// one plan or of a workspace's plans, and a fingerprint of each that survives edits
// elsewhere in the file.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "diagnostic.hpp"

namespace plan {

// One plan's (or the workspace file's) diagnostics with the files their locations index.
struct DiagnosticGroup {
  const std::vector<std::string>* files = nullptr;
  const Diagnostics* diags = nullptr;
};

// The path a location names ("?" when the index is out of range).
const std::string& diagnostic_path(const std::vector<std::string>& files, Loc loc);

// A stable hash (FNV-1a, 64 bits, as 16 hex digits) of the code, the file's path and the
// message with "line N" taken out: not of the line or column, so a diagnostic keeps its
// fingerprint when lines are added above it. Two diagnostics alike in all three share it;
// `occurrence` (0 for the first, 1 for the next alike, …) tells them apart where a format
// needs fingerprints unique (GitLab shows only the first of equal ones).
std::string diagnostic_fingerprint(const std::string& path, const Diagnostic& d,
                                   std::size_t occurrence = 0);

}  // namespace plan
