// `plan check --format sarif`: the diagnostics as a SARIF 2.1.0 log, for code scanning
// (GitHub uploads it with codeql-action/upload-sarif).
#pragma once

#include <string>
#include <vector>

#include "render/code_scanning.hpp"

namespace plan {

struct SarifTool {
  std::string version;  // the tool's version, "0.1.0"
  // The README's address, for the rules' helpUri (with "#diagnostics") and the tool's
  // informationUri; left out unless it is http(s): a file:// address on the machine that
  // built the tool means nothing where the log is read.
  std::string docs_url;
};

// One run: a rule for every code the README's table has (plus any other code a result
// names), in the table's order, so a rule's index never depends on the plan; a result for
// every error and warning, its notes as related locations. Paths are relative to the
// current folder (uriBaseId %SRCROOT%: the repository's root in CI), percent-encoded;
// columns count Unicode code points (the run's columnKind), as the text output does; a
// problem with a whole file is placed on its line 1 without a column (GitHub requires a line).
std::string format_sarif(const std::vector<DiagnosticGroup>& groups, const SarifTool& tool);

// A relative path as a URI reference: every byte but the unreserved ones and '/'
// percent-encoded (a Hebrew file name, a space, a '#').
std::string path_to_uri_reference(const std::string& path);

}  // namespace plan
