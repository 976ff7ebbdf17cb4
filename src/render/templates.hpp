// Where templates and labels come from: a plan repository's own templates/ folder first
// (beside its plan/ folder), then the defaults compiled into the binary.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "render/report.hpp"

namespace plan {

struct TemplateSource {
  std::string name;  // relative name, e.g. "summary.html.mustache" or "partials/style.css.mustache"
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
  // The labels for the primary language subtag (he-IL → he): the built-in English labels,
  // overlaid key by key with the built-in labels of the language, then with the
  // repository's labels/<language>.json, so a partial file falls back to the built-in
  // labels instead of showing raw keys. A language with no labels anywhere gets English,
  // unless `must_exist` (an explicit --lang): then `error` lists the languages there are.
  // `used`: the files the labels came from, in the order applied.
  Json labels(const std::string& language, std::vector<std::string>& used, Message& error,
              bool must_exist = false) const;
  // The same, with `used` as one line ("a + b").
  Json labels(const std::string& language, std::string& used, Message& error) const;
  // The languages that have labels (built-in or in the repository), sorted.
  std::vector<std::string> languages() const;
  // Every labels file with where it comes from, for --list-templates.
  std::vector<TemplateSource> label_files() const;

 private:
  std::vector<std::string> names() const;
  std::string override_dir_;
};

// The templates/ folder of a plan repository: beside its plan folder.
std::string templates_dir_for(const std::string& plan_dir);

}  // namespace plan
