#include "render/sarif.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "diagnostic_codes.hpp"

namespace plan {

using Json = nlohmann::ordered_json;

std::string path_to_uri_reference(const std::string& path) {
  std::string out;
  out.reserve(path.size());
  for (unsigned char c : path) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                            c == '~' || c == '/';
    if (unreserved)
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

namespace {

bool is_web_address(const std::string& url) {
  return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
}

std::string joined(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : separator) + p;
  return out;
}

Json rule_for(const std::string& code, const DiagnosticCode* known, const SarifTool& tool) {
  Json rule;
  rule["id"] = code;
  std::vector<std::string> plain;
  if (known)
    for (const std::string& w : known->what) plain.push_back(markdown_to_plain(w));
  else
    plain.push_back(code);
  rule["shortDescription"] = {{"text", plain.front()}};
  // Always, even when it repeats the short one: GitHub's code scanning requires it (rule
  // GH2012 of Microsoft's SARIF validator).
  rule["fullDescription"] = {{"text", joined(plain, "; ")}};
  std::string markdown;
  if (known)
    for (const std::string& w : known->what) markdown += (markdown.empty() ? "" : "\n\n") + w;
  rule["help"] = {{"text", joined(plain, "; ")}, {"markdown", known ? markdown : "`" + code + "`"}};
  if (is_web_address(tool.docs_url)) rule["helpUri"] = tool.docs_url + "#diagnostics";
  const bool warning = known && known->severity == Severity::warning;
  rule["defaultConfiguration"] = {{"level", warning ? "warning" : "error"}};
  return rule;
}

Json physical_location(const std::vector<std::string>& files, Loc loc) {
  const std::string& path = diagnostic_path(files, loc);
  Json artifact;
  if (!path.empty() && path.front() == '/') {
    artifact["uri"] = "file://" + path_to_uri_reference(path);
  } else {
    artifact["uri"] = path_to_uri_reference(path);
    artifact["uriBaseId"] = "%SRCROOT%";
  }
  Json physical;
  physical["artifactLocation"] = artifact;
  // A problem with a whole file has no line. SARIF would take no region as the whole file,
  // but GitHub's code scanning requires a startLine (its SARIF rule GH1003): line 1, no
  // column.
  Json region;
  region["startLine"] = loc.line != 0 ? loc.line : 1U;
  if (loc.line != 0 && loc.col != 0) region["startColumn"] = loc.col;
  physical["region"] = region;
  return physical;
}

}  // namespace

std::string format_sarif(const std::vector<DiagnosticGroup>& groups, const SarifTool& tool) {
  // The rules the results name, in the table's order (then any code the table lacks, in
  // order of first use), so that the same problems give the same log.
  std::vector<std::string> rule_ids;
  for (const DiagnosticCode& c : diagnostic_codes())
    for (const DiagnosticGroup& g : groups)
      if (std::any_of(g.diags->begin(), g.diags->end(), [&](const Diagnostic& d) {
            return d.severity != Severity::note && d.code == c.code;
          })) {
        rule_ids.push_back(c.code);
        break;
      }
  for (const DiagnosticGroup& g : groups)
    for (const Diagnostic& d : *g.diags) {
      const std::string code = d.code.empty() ? "plan" : d.code;
      if (d.severity != Severity::note &&
          std::find(rule_ids.begin(), rule_ids.end(), code) == rule_ids.end())
        rule_ids.push_back(code);
    }
  std::map<std::string, std::size_t> rule_index;
  for (std::size_t i = 0; i < rule_ids.size(); ++i) rule_index.emplace(rule_ids[i], i);

  Json results = Json::array();
  for (const DiagnosticGroup& g : groups)
    for (const Diagnostic& d : *g.diags) {
      if (d.severity == Severity::note) continue;  // a note belongs to its diagnostic
      const std::string code = d.code.empty() ? "plan" : d.code;
      Json r;
      r["ruleId"] = code;
      r["ruleIndex"] = rule_index.at(code);
      r["level"] = severity_name(d.severity);  // SARIF's levels have the same names
      r["message"] = {{"text", d.message}};
      Json location;
      location["physicalLocation"] = physical_location(*g.files, d.loc);
      r["locations"] = Json::array();
      r["locations"].push_back(std::move(location));
      r["partialFingerprints"] = {
          {"planDiagnostic/v1", diagnostic_fingerprint(diagnostic_path(*g.files, d.loc), d)}};
      if (!d.notes.empty()) {
        Json related = Json::array();
        int id = 1;
        for (const Diagnostic& n : d.notes) {
          Json place;
          place["id"] = id++;
          place["physicalLocation"] = physical_location(*g.files, n.loc);
          place["message"] = Json{{"text", n.message}};
          related.push_back(std::move(place));
        }
        r["relatedLocations"] = related;
      }
      results.push_back(std::move(r));
    }
  Json rules = Json::array();
  for (const std::string& id : rule_ids)
    rules.push_back(rule_for(id, find_diagnostic_code(id), tool));

  Json driver;
  driver["name"] = "plan";
  if (!tool.version.empty()) {
    driver["version"] = tool.version;
    driver["semanticVersion"] = tool.version;
  }
  if (is_web_address(tool.docs_url)) driver["informationUri"] = tool.docs_url;
  driver["rules"] = rules;
  Json run;
  run["tool"] = {{"driver", driver}};
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = results;
  Json log;
  log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  log["version"] = "2.1.0";
  log["runs"] = Json::array({run});
  // Messages are valid UTF-8 (the loader refuses other files); replace rather than throw
  // should a byte slip through, as format_json does.
  return log.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace plan
