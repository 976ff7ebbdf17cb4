#include "render/templates.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "render/embedded.hpp"
#include "util/read_file.hpp"
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
    for (fs::recursive_directory_iterator it(override_dir_, ec), end; !ec && it != end;
         it.increment(ec))
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

namespace {
// `over` laid onto `base`, key by key at every level.
void overlay(Json& base, const Json& over) {
  for (auto it = over.begin(); it != over.end(); ++it) {
    auto b = base.find(it.key());
    if (it->is_object() && b != base.end() && b->is_object())
      overlay(*b, *it);
    else
      base[it.key()] = *it;
  }
}

bool is_language_subtag(const std::string& s) {
  return s.size() >= 2 && s.size() <= 8 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}
}  // namespace

std::vector<std::string> TemplateSet::languages() const {
  std::vector<std::string> out;
  for (const std::string& n : names())
    if (n.rfind("labels/", 0) == 0 && n.size() > 12 && n.compare(n.size() - 5, 5, ".json") == 0) {
      std::string lang = n.substr(7, n.size() - 12);
      if (is_language_subtag(lang)) out.push_back(lang);
    }
  return out;
}

std::vector<TemplateSource> TemplateSet::label_files() const {
  std::vector<TemplateSource> out;
  for (const std::string& lang : languages()) {
    const std::string name = "labels/" + lang + ".json";
    auto t = find(name);
    if (!t) continue;
    // A repository's file over a built-in one: both are in use, key by key.
    bool builtin = false;
    for (const EmbeddedFile& f : embedded_files()) builtin = builtin || f.path == name;
    if (t->origin.rfind("built-in:", 0) != 0)
      t->origin += builtin ? " (missing keys from built-in:" + name + ", then English)"
                           : " (missing keys from English)";
    out.push_back(std::move(*t));
  }
  return out;
}

Json TemplateSet::labels(const std::string& language, std::vector<std::string>& used,
                         Message& error, bool must_exist) const {
  const std::string primary = ascii_lower(language.substr(0, language.find('-')));
  const std::vector<std::string> known = languages();
  const bool have =
      is_language_subtag(primary) && std::find(known.begin(), known.end(), primary) != known.end();
  if (must_exist && !have) {
    std::string list;
    for (const std::string& l : known) list += (list.empty() ? "" : ", ") + l;
    error = message(
        N_("no labels for the language '{language}' (there are labels for: "
           "{languages}; add {file} for another)"),
        {plan_text("language", language), plan_text("languages", list),
         plan_text("file", "templates/labels/" +
                               (is_language_subtag(primary) ? primary : std::string("LANG")) +
                               ".json")});
    return Json::object();
  }
  Json merged = Json::object();
  auto apply = [&](const std::optional<TemplateSource>& t) {
    if (!t) return true;
    Json j = Json::parse(t->text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      error = message(N_("{file}: not a JSON object of labels"), {plan_text("file", t->origin)});
      return false;
    }
    overlay(merged, j);
    used.push_back(t->origin);
    return true;
  };
  // Built-in English, then the built-in file of the language, then the repository's.
  auto builtin = [&](const std::string& lang) -> std::optional<TemplateSource> {
    const std::string name = "labels/" + lang + ".json";
    for (const EmbeddedFile& f : embedded_files())
      if (f.path == name) return TemplateSource{name, "built-in:" + name, std::string(f.content)};
    return std::nullopt;
  };
  if (!apply(builtin("en"))) return Json::object();
  const std::string lang = have ? primary : "en";
  if (lang != "en" && !apply(builtin(lang))) return Json::object();
  auto mine = find("labels/" + lang + ".json");
  if (mine && mine->origin.rfind("built-in:", 0) != 0 && !apply(mine)) return Json::object();
  if (used.empty()) error = message(N_("no labels/en.json among the templates"));
  return merged;
}

Json TemplateSet::labels(const std::string& language, std::string& used, Message& error) const {
  std::vector<std::string> files;
  Json j = labels(language, files, error, false);
  used.clear();
  for (const std::string& f : files) used += (used.empty() ? "" : " + ") + f;
  return j;
}

std::string templates_dir_for(const std::string& plan_dir) {
  if (plan_dir.empty()) return "";
  fs::path parent = fs::absolute(plan_dir).lexically_normal().parent_path();
  if (parent.filename().empty()) parent = parent.parent_path();  // "plan/" ends in a slash
  return (parent / "templates").string();
}

}  // namespace plan
