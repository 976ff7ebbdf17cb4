// textDocument/codeAction: the "did you mean" of an unknown goal, target, key or status as
// a quick fix that writes the suggestion in. Made from the server's own diagnostics (each
// carries its suggestion as data), not the client's: those may be yaml-language-server's.
#include <algorithm>
#include <set>

#include "lsp/diagnostics.hpp"
#include "lsp/features.hpp"
#include "lsp/protocol.hpp"
#include "lsp/uri.hpp"

namespace plan::lsp {

namespace {

bool fixable(const std::string& code) {
  static const std::set<std::string> kCodes{"unknown-goal", "unknown-target", "unknown-key",
                                            "unknown-status"};
  return kCodes.count(code) > 0;
}

// Whether a diagnostic is on the lines asked about: an editor asks with the cursor's place,
// which may be anywhere on the line of the mistake.
bool on_lines(const Range& token, const Range& asked) {
  const std::uint32_t first = std::min(asked.start.line, asked.end.line);
  const std::uint32_t last = std::max(asked.start.line, asked.end.line);
  return token.start.line <= last && first <= token.end.line;
}

}  // namespace

Reply code_actions(Session& s, const json& params) {
  const auto path = s.served_path(params);
  const json* r = object_at(params, "range");
  const auto asked = r ? range_from(*r) : std::nullopt;
  if (!path || !asked) return Reply::ok(json::array());
  const Document* doc = s.document(*path);
  const auto file = s.file_number(*path);
  if (!doc || !file) return Reply::ok(json::array());
  // A client asking only for other kinds (refactor, source…) gets none of these.
  if (const json* context = object_at(params, "context"))
    if (context->contains("only") && (*context)["only"].is_array()) {
      bool wanted = false;
      for (const json& kind : (*context)["only"])
        if (kind.is_string() && std::string("quickfix").rfind(kind.get<std::string>(), 0) == 0)
          wanted = true;
      if (!wanted) return Reply::ok(json::array());
    }
  json out = json::array();
  for (const Diagnostic& d : s.checked().diags) {
    if (d.loc.file != *file || d.loc.line == 0 || d.suggestion.empty() || !fixable(d.code))
      continue;
    const Range token = s.range(d.loc);
    if (!on_lines(token, *asked)) continue;
    // A quoted token keeps its quotes: only the text inside is replaced.
    auto [a, b] = doc->token_span(doc->offset_of(d.loc));
    const std::string& t = doc->text();
    if (b - a >= 2 && (t[a] == '"' || t[a] == '\'') && t[b - 1] == t[a]) {
      ++a;
      --b;
    }
    const Range edit{doc->position_at(a, s.encoding), doc->position_at(b, s.encoding)};
    json changes = json::object();
    changes[*document_uri(params)] = json::array({{{"range", to_json(edit)}, {"newText", d.suggestion}}});
    out.push_back({{"title", "Change to '" + d.suggestion + "'"},
                   {"kind", "quickfix"},
                   {"diagnostics", json::array({to_lsp(s, d)})},
                   {"isPreferred", true},
                   {"edit", {{"changes", std::move(changes)}}}});
  }
  return Reply::ok(std::move(out));
}

}  // namespace plan::lsp
