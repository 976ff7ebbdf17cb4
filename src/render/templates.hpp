// Where templates and labels come from: a plan repository's own templates/ folder first
// (beside its plan/ folder), then the defaults compiled into the binary.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "render/report.hpp"

namespace plan {

struct TemplateSource {
  std::string name;    // relative name, e.g. "summary.html.mustache" or "partials/style.css.mustache"
  std::string origin;  // the file it was read from, or "built-in:NAME"
  std::string text;
};

class TemplateSet {
 public:
  // `override_dir` may be empty or missing: then only the built-in files are used.
  explicit TemplateSet(std::string override_dir);

  std::optional<TemplateSource> find(const std::string& name) const;
  // Every template name (not labels), with where it would come from; sorted.
  std::vector<TemplateSource> list() const;
  // Partials by the name templates use in {{> name}}: "partials/x.mustache" is "x".
  std::vector<TemplateSource> partials() const;
  // labels/<language>.json for the primary language subtag (he-IL → he), else English.
  Json labels(const std::string& language, std::string& used, std::string& error) const;

 private:
  std::vector<std::string> names() const;
  std::string override_dir_;
};

}  // namespace plan
