// Every diagnostic code with what it means: the one table that README's "Diagnostics"
// section shows (a test compares them row by row) and that the outputs describing codes
// to other tools (SARIF's rules, GitLab's check names) read.
#pragma once

#include <string>
#include <vector>

#include "diagnostic.hpp"

namespace plan {

// One row of the README's table: codes that share a description.
struct DiagnosticCodeRow {
  std::vector<std::string> codes;
  std::string severity;  // as the README writes it: "error", "warning", "error (exit 2)"
  std::string what;      // Markdown (backticks around names), one line
};

// The rows in the README's order.
const std::vector<DiagnosticCodeRow>& diagnostic_code_rows();

// One code, however many rows name it (`bad-stale-after`: the plan's and the workspace
// file's), in the order the table first names it.
struct DiagnosticCode {
  std::string code;
  Severity severity = Severity::error;  // as the checks report it (before --strict)
  std::vector<std::string> what;        // each row's description, Markdown
};

const std::vector<DiagnosticCode>& diagnostic_codes();

// The code's entry, or null for a code the table does not have.
const DiagnosticCode* find_diagnostic_code(const std::string& code);

// Markdown as plain text: the backticks around names dropped.
std::string markdown_to_plain(const std::string& markdown);

}  // namespace plan
