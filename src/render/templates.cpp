#include "render/templates.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "load/source_files.hpp"
#include "render/embedded.hpp"
#include "util/text.hpp"

namespace fs = std::filesystem;

namespace plan {

namespace {
constexpr std::size_t kMaxTemplateSize = std::size_t{4} << 20;

bool is_template(const std::string& name) {
  return name.size() > 9 && name.compare(name.size() - 9, 9, ".mustache") == 0;
}
}  // namespace

TemplateSet::TemplateSet(std::string override_dir) : override_dir_(std::move(override_dir)) {}

std::optional<TemplateSource> TemplateSet::find(const std::string& name) const {
  if (!override_dir_.empty()) {
    fs::path p = fs::path(override_dir_) / name;
    std::error_code ec;
    if (fs::is_regular_file(p, ec)) {
      // Shown relative to the current folder, like every other path the tool prints.
      fs::path shown = p.lexically_normal().lexically_proximate(fs::current_path(ec));
      TemplateSource t{name, shown.empty() ? p.string() : shown.string(), ""};
      std::string why;
      if (read_regular_file(p.string(), kMaxTemplateSize, t.text, why)) return t;
    }
  }
  for (const EmbeddedFile& f : embedded_files())
    if (f.path == name) return TemplateSource{name, "built-in:" + name, std::string(f.content)};
  return std::nullopt;
}

std::vector<std::string> TemplateSet::names() const {
  std::set<std::string> names;
  for (const EmbeddedFile& f : embedded_files()) names.insert(std::string(f.path));
  std::error_code ec;
  if (!override_dir_.empty() && fs::is_directory(override_dir_, ec))
    for (fs::recursive_directory_iterator it(override_dir_, ec), end; !ec && it != end; it.increment(ec))
      if (it->is_regular_file(ec))
        names.insert(fs::relative(it->path(), override_dir_, ec).generic_string());
  return {names.begin(), names.end()};
}

std::vector<TemplateSource> TemplateSet::list() const {
  std::vector<TemplateSource> out;
  for (const std::string& n : names())
    if (is_template(n))
      if (auto t = find(n)) out.push_back(std::move(*t));
  return out;
}

std::vector<TemplateSource> TemplateSet::partials() const {
  std::vector<TemplateSource> out;
  for (TemplateSource& t : list()) {
    if (t.name.rfind("partials/", 0) != 0) continue;
    t.name = t.name.substr(9, t.name.size() - 9 - 9);  // "partials/x.mustache" → "x"
    out.push_back(std::move(t));
  }
  return out;
}

Json TemplateSet::labels(const std::string& language, std::string& used, std::string& error) const {
  std::string primary = ascii_lower(language.substr(0, language.find('-')));
  auto t = primary.empty() ? std::nullopt : find("labels/" + primary + ".json");
  if (!t) t = find("labels/en.json");
  if (!t) {
    error = "no labels/en.json among the templates";
    return Json::object();
  }
  used = t->origin;
  Json j = Json::parse(t->text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    error = t->origin + ": not a JSON object of labels";
    return Json::object();
  }
  return j;
}

}  // namespace plan
