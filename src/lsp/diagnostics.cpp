#include "lsp/diagnostics.hpp"

#include <algorithm>
#include <set>

#include "lsp/protocol.hpp"
#include "lsp/uri.hpp"

namespace plan::lsp {

bool schema_reports(const std::string& code) {
  // Not `multiple-documents`: yaml-language-server validates each document of a file on its
  // own and says nothing of a second one.
  static const std::set<std::string> kCodes{"yaml-syntax", "duplicate-key", "unclosed-quote",
                                            "unknown-key", "wrong-type",    "missing-field",
                                            "bad-id"};
  return kCodes.count(code) > 0;
}

namespace {
int severity_number(Severity s) {
  switch (s) {
    case Severity::error:
      return 1;
    case Severity::warning:
      return 2;
    case Severity::note:
      return 3;
  }
  return 1;
}
}  // namespace

// The message in the language chosen for the client; English when it has no Message.
static std::string text_of(const Session& s, const Diagnostic& d) {
  return d.text.empty() ? d.message : render_message(d.text, s.messages.translate, s.messages.rtl);
}

json to_lsp(Session& s, const Diagnostic& d) {
  json out{{"range", to_json(s.range(d.loc))},
           {"severity", severity_number(d.severity)},
           {"source", "plan"},
           {"message", text_of(s, d)}};
  if (!d.code.empty()) {
    out["code"] = d.code;
    if (!s.docs_url().empty()) out["codeDescription"] = {{"href", s.docs_url()}};
  }
  if (!d.notes.empty()) {
    json related = json::array();
    for (const Diagnostic& n : d.notes)
      related.push_back({{"location", s.location(n.loc)}, {"message", text_of(s, n)}});
    out["relatedInformation"] = std::move(related);
  }
  return out;
}

std::vector<json> Publisher::publish(Session& s) {
  std::map<std::string, json> now;
  if (s.has_plan()) {
    for (const std::string& path : s.files()) now[uri_from_path(path)] = json::array();
    const CheckedPlan& c = s.checked();
    for (const Diagnostic& d : c.diags) {
      if (s.yaml_language_server && schema_reports(d.code)) continue;
      // A problem of the whole folder (file 0) is shown on the plan's first file.
      const std::uint32_t file = d.loc.file == 0 && c.load.plan.files.size() > 1 ? 1 : d.loc.file;
      const std::string abs = s.absolute(file);
      if (abs.empty()) continue;
      Diagnostic shown = d;
      if (file != d.loc.file) shown.loc = Loc{file, 0, 0};
      now[uri_from_path(abs)].push_back(to_lsp(s, shown));
    }
  }
  std::vector<json> out;
  for (auto& [uri, list] : now) {
    auto last = last_.find(uri);
    // Unchanged, or a file that never had a problem: nothing to say.
    if (last != last_.end() ? last->second == list : list.empty()) continue;
    json params{{"uri", uri}, {"diagnostics", list}};
    if (const auto path = path_from_uri(uri))
      if (const auto v = s.version(*path)) params["version"] = *v;
    out.push_back(notification("textDocument/publishDiagnostics", std::move(params)));
  }
  // A file that left the plan (deleted) has its list cleared.
  for (const auto& [uri, list] : last_)
    if (!now.count(uri) && !list.empty())
      out.push_back(notification("textDocument/publishDiagnostics",
                                 {{"uri", uri}, {"diagnostics", json::array()}}));
  last_ = std::move(now);
  return out;
}

}  // namespace plan::lsp
