#include "load/workspace_file.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <unordered_map>

#include <fmt/format.h>

#include "load/build.hpp"
#include "load/encoding.hpp"
#include "load/yaml_fields.hpp"
#include "util/read_file.hpp"
#include "util/text.hpp"

namespace fs = std::filesystem;

namespace plan {

const std::vector<std::string>& workspace_top_keys() {
  static const std::vector<std::string> k{"workspace", "units"};
  return k;
}
const std::vector<std::string>& workspace_keys() {
  static const std::vector<std::string> k{"title", "language", "stale_after"};
  return k;
}
const std::vector<std::string>& unit_entry_keys() {
  static const std::vector<std::string> k{"id", "title", "path", "glob", "weight"};
  return k;
}

namespace {

constexpr double kMaxUnitWeight = 1e6;  // as an activity's weight

std::string num(double v) {
  return fmt::format("{}", v);
}

class WorkspaceBuilder : private FieldReader {
 public:
  WorkspaceBuilder(std::uint32_t file, WorkspaceSpec& spec, Diagnostics& diags)
      : FieldReader(file, diags), spec_(spec) {}

  void build(const YamlNode& root) {
    if (!root.is_mapping()) {
      error("wrong-type", root,
            message(N_("the top level of a workspace file should be a mapping with keys {keys}, "
                       "not {what}"),
                    {nested("keys", quoted_keys(workspace_top_keys())),
                     nested("what", description(root))}));
      return;
    }
    Fields f =
        collect(root, workspace_top_keys(), message(N_("at the top level of the workspace file")));
    auto ws = f.find("workspace");
    if (ws == f.end() || ws->second.value->is_null()) {
      error("missing-field", ws == f.end() ? root : *ws->second.key,
            message(N_("the workspace file has no 'workspace:' block; add one with at least "
                       "'title: …'")));
    } else {
      read_workspace(*ws->second.key, *ws->second.value);
    }
    auto units = f.find("units");
    if (units == f.end() || units->second.value->is_null()) {
      error("missing-field", units == f.end() ? root : *units->second.key,
            message(N_("the workspace names no units; add 'units:' with entries like '- {{id: hq, "
                       "path: plan}}' or '- glob: units/*/plan'")));
      return;
    }
    const YamlNode& list = *units->second.value;
    if (!list.is_sequence()) {
      error("wrong-type", list,
            message(N_("'units' should be a list of unit entries (items starting with '- '), not "
                       "{what}"),
                    {nested("what", description(list))}));
      return;
    }
    if (list.children.empty())
      error("missing-field", *units->second.key,
            message(N_("'units' lists no unit; add entries like '- {{id: hq, path: plan}}' or '- "
                       "glob: units/*/plan'")));
    for (const YamlNode& n : list.children) {
      if (!n.is_mapping()) {
        error("wrong-type", n,
              message(N_("each unit should be a mapping with 'id' and 'path', or a 'glob', not "
                         "{what}"),
                      {nested("what", description(n))}));
        continue;
      }
      read_entry(n);
    }
  }

 private:
  void read_workspace(const YamlNode& key, const YamlNode& value) {
    spec_.loc = at(key);
    if (!value.is_mapping()) {
      error("wrong-type", value,
            message(N_("'workspace' should be a mapping ({keys}), not {what}"),
                    {nested("keys", quoted_keys(workspace_keys())),
                     nested("what", description(value))}));
      return;
    }
    Fields f = collect(value, workspace_keys(), message(N_("in 'workspace'")));
    const Message owner = message(N_("the workspace"));
    if (!text(f, "title", owner, spec_.title) && f.find("title") == f.end())
      error("missing-field", key,
            message(N_("the workspace has no title; add 'title: …' under 'workspace:'")));
    if (text(f, "language", owner, spec_.language) && !language_tag(spec_.language.value)) {
      error_at("bad-language", spec_.language.loc,
               message(N_("the workspace's language '{language}' is not a language tag (BCP 47) "
                          "like 'he', 'en' or 'en-GB'"),
                       {plan_text("language", spec_.language.value.size() > 40
                                                  ? spec_.language.value.substr(0, 37) + "..."
                                                  : spec_.language.value)}));
      spec_.language = {};
    }
    if (number(f, "stale_after", owner, spec_.stale_after,
               message(N_("a number of days from 1 to {max}"),
                       {arg("max", static_cast<unsigned long long>(kMaxStaleAfterDays))}))) {
      const double d = spec_.stale_after.value;
      if (!(d >= 1 && d <= kMaxStaleAfterDays && std::floor(d) == d)) {
        error_at("bad-stale-after", spec_.stale_after.loc,
                 message(N_("'stale_after' of the workspace is {value}; it must be a whole number "
                            "of days from 1 to {max}"),
                         {plan_text("value", num(d)),
                          arg("max", static_cast<unsigned long long>(kMaxStaleAfterDays))}));
        spec_.stale_after = {};
      }
    }
  }

  void read_entry(const YamlNode& map) {
    UnitEntry e;
    e.loc = at(map);
    Message owner = message(N_("a unit entry"));
    Message where = message(N_("in a unit entry"));
    for (std::size_t i = 0; i < map.pair_count(); ++i)
      if (map.key(i).is_scalar() && map.key(i).value == "id" && map.value_at(i).is_scalar()) {
        owner = message(N_("unit '{id}'"), {plan_text("id", map.value_at(i).value)});
        where = message(N_("in unit '{id}'"), {plan_text("id", map.value_at(i).value)});
      }
    Fields f = collect(map, unit_entry_keys(), where);
    text(f, "id", owner, e.id);
    text(f, "title", owner, e.title);
    text(f, "path", owner, e.path);
    text(f, "glob", owner, e.glob);
    if (number(f, "weight", owner, e.weight, message(N_("a number above 0 (the default is 1)"))) &&
        !(e.weight.value > 0 && e.weight.value <= kMaxUnitWeight)) {
      error_at("bad-weight", e.weight.loc,
               message(N_("'weight' of {owner} is {value}; a unit's weight must be above 0 and at "
                          "most {max} (the default is 1)"),
                       {nested("owner", owner), plan_text("value", num(e.weight.value)),
                        arg("max", num(kMaxUnitWeight))}));
      e.weight = {};
    }
    if (!e.weight.given()) e.weight.value = 1.0;
    const bool has_path = f.count("path") > 0, has_glob = f.count("glob") > 0;
    if (has_path && has_glob) {
      error("bad-unit", *f.at("glob").key,
            message(N_("{item} has both 'path' and 'glob'; give 'path' for one plan folder, or "
                       "'glob' for every folder it matches, not both"),
                    {nested("item", owner)}));
    } else if (!has_path && !has_glob) {
      error("missing-field", map,
            message(N_("{item} has neither 'path' (one plan folder, with an 'id') nor 'glob' "
                       "(every folder it matches, like units/*/plan)"),
                    {nested("item", owner)}));
    } else if (has_path && f.count("id") == 0) {
      error("missing-field", map,
            message(N_("the unit at path '{path}' has no id; add 'id: …' (an ASCII letter, then "
                       "letters, digits, '.', '_' or '-')"),
                    {plan_text("path", e.path.value)}));
    } else if (has_glob) {
      for (const char* key : {"id", "title"})
        if (auto it = f.find(key); it != f.end())
          error("bad-unit", *it->second.key,
                message(N_("a glob's units take their id from the folder each match names, and "
                           "their title from their own plan; '{key}' belongs to a 'path' entry"),
                        {plan_text("key", key)}));
    }
    spec_.entries.push_back(std::move(e));
  }

  WorkspaceSpec& spec_;
};

fs::path current_folder() {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  return ec ? fs::path() : cwd;
}

// As the plan's files are shown: relative to the current folder.
std::string shown(const fs::path& p, const fs::path& cwd) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  if (ec || cwd.empty()) return p.lexically_normal().string();
  fs::path rel = abs.lexically_normal().lexically_proximate(cwd);
  // A folder written from the root and far from here is shown as written.
  if (p.is_absolute() && !rel.empty() && *rel.begin() == "..") rel = p.lexically_normal();
  std::string s = rel.empty() ? p.string() : rel.string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

bool has_wildcard(const std::string& part) {
  return part.find_first_of("*?[") != std::string::npos;
}

// Whether `inner` (canonical) is `outer` (canonical) or below it.
bool inside(const fs::path& inner, const fs::path& outer) {
  auto o = outer.begin(), i = inner.begin();
  for (; o != outer.end(); ++o, ++i) {
    if (o->empty()) continue;  // a trailing separator
    if (i == inner.end() || *i != *o) return false;
  }
  return true;
}

struct Match {
  fs::path path;
  std::string id;  // what the first wildcard matched
};

// Every folder `glob` (relative to `base`) matches, in path order. Wildcards work within
// one component (`*`, `?`, `[…]`, as the shell's); hidden folders match only a component
// written with a leading '.'.
std::vector<Match> expand_glob(const fs::path& base, const std::string& glob) {
  std::vector<std::string> parts;
  for (std::size_t from = 0; from <= glob.size();) {
    std::size_t slash = glob.find('/', from);
    if (slash == std::string::npos) slash = glob.size();
    if (slash > from) parts.push_back(glob.substr(from, slash - from));
    from = slash + 1;
  }
  std::vector<Match> current{{glob.rfind('/', 0) == 0 ? fs::path("/") : base, ""}};
  std::error_code ec;
  for (const std::string& part : parts) {
    std::vector<Match> next;
    for (const Match& m : current) {
      if (!has_wildcard(part)) {
        fs::path p = m.path / part;
        if (fs::is_directory(p, ec)) next.push_back({p, m.id});
        continue;
      }
      std::vector<Match> found;
      fs::directory_iterator it(m.path, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (fnmatch(part.c_str(), name.c_str(), FNM_PERIOD) != 0) continue;
        if (!fs::is_directory(it->path(), ec)) continue;  // links followed: the boundary decides
        found.push_back({it->path(), m.id.empty() ? name : m.id});
      }
      ec.clear();
      std::sort(found.begin(), found.end(),
                [](const Match& a, const Match& b) { return a.path < b.path; });
      next.insert(next.end(), found.begin(), found.end());
    }
    current = std::move(next);
  }
  if (current.size() == 1 && current.front().path == base) return {};  // an empty glob
  for (Match& m : current)
    if (m.id.empty()) m.id = m.path.filename().string();  // a glob without wildcards
  return current;
}

}  // namespace

void build_workspace(const YamlNode& root, std::uint32_t file, WorkspaceSpec& spec,
                     Diagnostics& diags) {
  WorkspaceBuilder(file, spec, diags).build(root);
}

WorkspaceRead read_workspace_file(const std::string& file, std::size_t max_size) {
  WorkspaceRead r;
  const fs::path cwd = current_folder();
  const fs::path path(file);
  fs::path folder = path.parent_path();
  if (folder.empty()) folder = ".";
  std::string folder_shown = shown(folder, cwd);
  if (folder_shown.empty() || folder_shown.back() != '/') folder_shown += '/';
  r.spec.files = {folder_shown, shown(path, cwd)};
  std::string bytes, why;
  if (!read_regular_file(file, max_size, bytes, why)) {
    r.diags.push_back(
        make_error("unreadable", {1, 0, 0},
                   message(N_("cannot read the workspace file: {reason}"), {arg("reason", why)})));
    r.io_error = true;
    return r;
  }
  auto text = decode_text(bytes, 1, r.diags);
  auto root = text ? parse_yaml(*text, 1, r.diags) : std::nullopt;
  if (root) {
    build_workspace(*root, 1, r.spec, r.diags);
  } else if (r.diags.empty()) {
    r.diags.push_back(make_error("missing-field", {1, 0, 0},
                                 message(N_("the workspace file is empty; it needs 'workspace: "
                                            "{{title: …}}' and 'units:'"))));
  }
  sort_diagnostics(r.diags);
  return r;
}

std::string find_repository_root(const std::string& dir) {
  std::error_code ec;
  const fs::path start = fs::canonical(dir.empty() ? "." : dir, ec);
  if (ec) return "";
  for (fs::path p = start;; p = p.parent_path()) {
    if (fs::exists(p / ".git", ec)) return p.string();
    if (p == p.root_path() || p.parent_path() == p) break;
  }
  return start.string();
}

// Two units on one folder, or one inside another's (a plan reads every file below its
// folder), would count the same activities twice: the later one in the list is reported
// and left out. Each folder's parents are looked up, so this stays linear in the units.
static void drop_shared_folders(std::vector<UnitPlace>& units, Diagnostics& diags) {
  std::unordered_map<std::string, std::size_t> by_folder;
  for (std::size_t i = 0; i < units.size(); ++i)
    if (units[i].readable) by_folder.emplace(units[i].folder, i);
  std::vector<UnitPlace> kept;
  for (std::size_t i = 0; i < units.size(); ++i) {
    UnitPlace& u = units[i];
    const UnitPlace* other = nullptr;
    bool same = false;
    if (u.readable) {
      for (fs::path p = u.folder; !other; p = p.parent_path()) {
        const auto it = by_folder.find(p.string());
        if (it != by_folder.end() && it->second != i &&
            (p.string() != u.folder || it->second < i)) {
          other = &units[it->second];
          same = p.string() == u.folder;
        }
        if (p == p.root_path() || p.parent_path() == p) break;
      }
    }
    if (other) {
      Diagnostic d = make_error(
          "duplicate-unit", u.id_loc,
          same ? message(N_("units '{first}' and '{second}' are one plan folder ('{path}'); its "
                            "activities would count twice: list it once"),
                         {plan_text("first", other->id), plan_text("second", u.id),
                          plan_text("path", u.path)})
               : message(N_("unit '{id}' ('{path}') is inside unit '{outer}' ('{outer_path}'), "
                            "whose plan reads every file below it: its activities would count "
                            "twice; list one of them"),
                         {plan_text("id", u.id), plan_text("path", u.path),
                          plan_text("outer", other->id), plan_text("outer_path", other->path)}));
      d.notes.push_back(make_note(
          other->id_loc, message(N_("unit '{id}' is listed here"), {plan_text("id", other->id)})));
      diags.push_back(std::move(d));
      continue;
    }
    kept.push_back(std::move(u));
  }
  units = std::move(kept);
}

std::vector<UnitPlace> resolve_units(const WorkspaceSpec& spec, const std::string& file,
                                     const std::string& repository, Diagnostics& diags) {
  const fs::path cwd = current_folder();
  fs::path base = fs::path(file).parent_path();
  if (base.empty()) base = ".";
  std::error_code ec;
  const fs::path ws_file = fs::canonical(file, ec);
  const fs::path repo(repository);

  // Whether a unit's folder may be read; if not, the error says why.
  auto place = [&](const fs::path& p, const Loc& at, const std::string& id, UnitPlace& u) {
    u.path = shown(p, cwd);
    std::error_code e;
    const fs::file_status st = fs::status(p, e);
    if (!fs::exists(st)) {
      diags.push_back(make_error("missing-unit", at,
                                 message(N_("unit '{id}': '{path}' does not exist; a unit's path "
                                            "is a plan folder, relative to the workspace file's "
                                            "folder"),
                                         {plan_text("id", id), plan_text("path", u.path)})));
      return;
    }
    const fs::path real = fs::canonical(p, e);
    if (!e && !repo.empty() && !inside(real, repo)) {
      diags.push_back(
          make_error("unit-outside", at,
                     real != fs::absolute(p, e).lexically_normal()
                         ? message(N_("unit '{id}': '{path}' is outside the repository holding "
                                      "the workspace file (through a link, to {target}); a "
                                      "unit's plan must be inside it"),
                                   {plan_text("id", id), plan_text("path", u.path),
                                    plan_text("target", real.string())})
                         : message(N_("unit '{id}': '{path}' is outside the repository holding "
                                      "the workspace file; a unit's plan must be inside it"),
                                   {plan_text("id", id), plan_text("path", u.path)})));
      return;
    }
    if (fs::is_regular_file(st)) {
      if (p.filename() == kWorkspaceFileName)
        diags.push_back(make_error(
            "nested-workspace", at,
            message(N_("unit '{id}': '{path}' is a workspace file; a unit is one plan folder, "
                       "and a workspace does not list another workspace"),
                    {plan_text("id", id), plan_text("path", u.path)})));
      else
        diags.push_back(make_error("missing-unit", at,
                                   message(N_("unit '{id}': '{path}' is a file, not a plan folder"),
                                           {plan_text("id", id), plan_text("path", u.path)})));
      return;
    }
    if (!fs::is_directory(st)) {
      diags.push_back(make_error("missing-unit", at,
                                 message(N_("unit '{id}': '{path}' is not a plan folder"),
                                         {plan_text("id", id), plan_text("path", u.path)})));
      return;
    }
    if (fs::exists(p / kWorkspaceFileName, e) || (!ws_file.empty() && inside(ws_file, real))) {
      diags.push_back(make_error(
          "nested-workspace", at,
          message(N_("unit '{id}': '{path}' holds a workspace file ({file}); a unit is one plan "
                     "folder, and a workspace does not list another workspace"),
                  {plan_text("id", id), plan_text("path", u.path),
                   plan_text("file", kWorkspaceFileName)})));
      return;
    }
    u.readable = true;
    u.folder = real.string();
  };

  std::vector<UnitPlace> units;
  std::unordered_map<std::string, std::size_t> by_id;  // lower-case id → index in units
  auto add = [&](UnitPlace u) {
    const std::string key = ascii_lower(u.id);
    auto [it, fresh] = by_id.emplace(key, units.size());
    if (!fresh) {
      const UnitPlace& first = units[it->second];
      Diagnostic d = make_error(
          "duplicate-unit", u.id_loc,
          message(N_("two units have the id '{id}' ('{first}' and '{second}'); each unit needs "
                     "its own id"),
                  {plan_text("id", u.id), plan_text("first", first.path),
                   plan_text("second", u.path)}));
      d.notes.push_back(make_note(
          first.id_loc, message(N_("'{id}' is first used here"), {plan_text("id", first.id)})));
      diags.push_back(std::move(d));
      return;
    }
    units.push_back(std::move(u));
  };

  for (std::size_t i = 0; i < spec.entries.size(); ++i) {
    const UnitEntry& e = spec.entries[i];
    const bool has_path = e.path.given(), has_glob = e.glob.given();
    if (has_path == has_glob) continue;  // reported by the reader
    if (has_path) {
      if (!e.id.given()) continue;  // reported by the reader
      UnitPlace u;
      u.entry = i;
      u.id = e.id.value;
      u.id_loc = e.id.loc;
      u.title = e.title.value;
      u.weight = e.weight.value;
      place(base / e.path.value, e.path.loc, u.id, u);
      add(std::move(u));
      continue;
    }
    const std::vector<Match> matches = expand_glob(base, e.glob.value);
    if (matches.empty()) {
      diags.push_back(make_error(
          "empty-glob", e.glob.loc,
          spec.files.empty() || spec.files[0] == "./"
              ? message(N_("the glob '{glob}' matches no folder (it is relative to the workspace "
                           "file's folder); fix the pattern or remove the entry"),
                        {plan_text("glob", e.glob.value)})
              : message(N_("the glob '{glob}' matches no folder (it is relative to the workspace "
                           "file's folder, {folder}); fix the pattern or remove the entry"),
                        {plan_text("glob", e.glob.value), plan_text("folder", spec.files[0])})));
      continue;
    }
    for (const Match& m : matches) {
      UnitPlace u;
      u.entry = i;
      u.id = m.id;
      u.id_loc = e.glob.loc;
      u.weight = e.weight.value;
      place(m.path, e.glob.loc, u.id, u);
      add(std::move(u));
    }
  }
  drop_shared_folders(units, diags);
  return units;
}

}  // namespace plan
