#include "render/gitlab_quality.hpp"

#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace plan {

using Json = nlohmann::ordered_json;

std::string format_gitlab_quality(const std::vector<DiagnosticGroup>& groups) {
  Json issues = Json::array();
  // How many alike diagnostics came before, so that equal fingerprints get an occurrence
  // number: GitLab shows only the first issue of a fingerprint.
  std::map<std::string, std::size_t> seen;
  for (const DiagnosticGroup& g : groups)
    for (const Diagnostic& d : *g.diags) {
      if (d.severity == Severity::note) continue;
      const std::string& path = diagnostic_path(*g.files, d.loc);
      const std::size_t occurrence = seen[diagnostic_fingerprint(path, d)]++;
      std::string description = d.message;
      for (const Diagnostic& n : d.notes)
        description += fmt::format(" (note: {}{}: {})", diagnostic_path(*g.files, n.loc),
                                   n.loc.line ? fmt::format(":{}", n.loc.line) : "", n.message);
      Json issue;
      issue["description"] = description;
      issue["check_name"] = d.code.empty() ? "plan" : d.code;
      issue["fingerprint"] = diagnostic_fingerprint(path, d, occurrence);
      issue["severity"] = d.severity == Severity::error ? "major" : "minor";
      Json location;
      location["path"] = path;
      location["lines"] = Json{{"begin", d.loc.line != 0 ? d.loc.line : 1U}};
      issue["location"] = location;
      issues.push_back(std::move(issue));
    }
  return issues.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace plan
