// `plan check`'s diagnostics as the protocol publishes them: per file, each with its code
// (linked to the README's table), severity, the whole token's range and its notes as
// related information. Only what changed since the last publication is sent again, and a
// file whose problems are gone gets an empty list.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "diagnostic.hpp"
#include "lsp/json_rpc.hpp"
#include "lsp/session.hpp"

namespace plan::lsp {

// Whether yaml-language-server, given the plan's schema, reports this code too (YAML
// syntax, unknown keys, types, required fields, id patterns).
bool schema_reports(const std::string& code);

// One diagnostic in the protocol's shape.
json to_lsp(Session& s, const Diagnostic& d);

class Publisher {
 public:
  // textDocument/publishDiagnostics notifications for every file whose list changed.
  std::vector<json> publish(Session& s);

 private:
  std::map<std::string, json> last_;  // by URI: the list last sent
};

}  // namespace plan::lsp
