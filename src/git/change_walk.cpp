#include "git/change_walk.hpp"

#include <git2.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <ctime>
#include <filesystem>
#include <memory>
#include <optional>
#include <thread>
#include <unordered_set>
#include <utility>

#include <fmt/format.h>

#include "git/libgit2.hpp"
#include "load/encoding.hpp"
#include "load/loader.hpp"
#include "load/yaml_tree.hpp"
#include "util/read_file.hpp"
#include "util/text.hpp"

namespace fs = std::filesystem;

namespace plan {

namespace {

using git2::ensure_init;
using git2::last_error;
using git2::Owned;

// Hidden files and folders and editor backups are not part of the plan (as on disk).
bool skipped_name(const std::string& name) {
  return name.empty() || name[0] == '.' || name.back() == '~' ||
         (name.size() >= 2 && name.front() == '#' && name.back() == '#');
}

bool is_yaml(const std::string& name) {
  const auto dot = name.rfind('.');
  if (dot == std::string::npos) return false;
  const std::string ext = ascii_lower(name.substr(dot));
  return ext == ".yaml" || ext == ".yml";
}

// One file's activities as its staleness sees them.
struct ParsedFile {
  bool unread = false;  // did not parse: the change is not taken (the file keeps its state)
  std::vector<std::pair<std::string, std::uint64_t>> activities;  // lowered id, fingerprint
};

std::uint64_t mix(std::uint64_t h, std::string_view text) {
  for (unsigned char ch : text) {  // FNV-1a
    h ^= ch;
    h *= 1099511628211ull;
  }
  return h ^ (h >> 29);
}

// A node as written, as one number: equal values give equal numbers whatever the style
// (flow or block) and the order of a mapping's keys.
std::uint64_t node_hash(const YamlNode& n) {
  std::uint64_t h = mix(1469598103934665603ull, std::string(1, char('0' + int(n.kind))));
  if (n.is_scalar()) return mix(h, n.value);
  if (n.is_sequence()) {
    for (const YamlNode& c : n.children) h = h * 31 + node_hash(c);
    return h;
  }
  std::uint64_t pairs = 0;
  for (std::size_t i = 0; i < n.pair_count(); ++i)
    pairs += node_hash(n.key(i)) * 0x9E3779B97F4A7C15ull ^ node_hash(n.value_at(i));
  return h + pairs;
}

// The activities of a list (and their children), each with what its staleness watches:
// status, measure and percent as written.
void collect(const YamlNode& list, ParsedFile& out) {
  if (!list.is_sequence()) return;
  for (const YamlNode& a : list.children) {
    if (!a.is_mapping()) continue;
    const YamlNode* id = nullptr;
    const YamlNode* children = nullptr;
    std::uint64_t state = 0;
    for (std::size_t i = 0; i < a.pair_count(); ++i) {
      const YamlNode& k = a.key(i);
      if (!k.is_scalar()) continue;
      if (k.value == "id")
        id = &a.value_at(i);
      else if (k.value == "activities")
        children = &a.value_at(i);
      else if (k.value == "status" || k.value == "measure" || k.value == "percent")
        state +=
            mix(1469598103934665603ull, k.value) * 0x9E3779B97F4A7C15ull ^ node_hash(a.value_at(i));
    }
    if (id && id->is_scalar() && !id->value.empty())
      out.activities.emplace_back(ascii_lower(id->value), state);
    if (children) collect(*children, out);
  }
}

// Only the YAML tree is built, not the model: the walk reads thousands of versions.
ParsedFile parse_bytes(const std::string& bytes) {
  ParsedFile out;
  Diagnostics diags;
  const auto text = decode_text(bytes, 1, diags);
  const auto root = text ? parse_yaml(*text, 1, diags) : std::nullopt;
  for (const Diagnostic& d : diags) out.unread = out.unread || d.code == "multiple-documents";
  if (!root) {
    out.unread = out.unread || !diags.empty();
    return out;
  }
  if (!root->is_mapping()) return out;
  for (std::size_t i = 0; i < root->pair_count(); ++i) {
    if (!root->key(i).is_scalar() || root->key(i).value != "sections") continue;
    const YamlNode& sections = root->value_at(i);
    if (!sections.is_sequence()) continue;
    for (const YamlNode& sec : sections.children) {
      if (!sec.is_mapping()) continue;
      for (std::size_t j = 0; j < sec.pair_count(); ++j)
        if (sec.key(j).is_scalar() && sec.key(j).value == "activities")
          collect(sec.value_at(j), out);
    }
  }
  return out;
}

// A file changed by a commit (or in the working tree): its new blob, or none (deleted).
struct Change {
  std::uint32_t folder;
  std::string path;  // relative to the repository's top
  std::optional<git_oid> blob;
  std::size_t parsed = 0;  // index into the parsed files, once known
};

struct Step {
  std::string date;  // "" at a shallow boundary: what it holds has no known date
  std::vector<Change> changes;
  std::vector<std::uint32_t> touched;  // folders with any file changed
};

// Which paths of the repository belong to which folder.
struct FolderMap {
  std::unordered_map<std::string, std::uint32_t> folder_of;  // relative path → folder
  std::unordered_set<std::string> ancestors;                 // folders' parent paths, to be entered
  int root = -1;  // a folder that is the repository's top

  void add(const std::string& rel, std::uint32_t index) {
    if (rel.empty()) {
      root = static_cast<int>(index);
      return;
    }
    folder_of.emplace(rel, index);
    for (std::size_t p = rel.find('/'); p != std::string::npos; p = rel.find('/', p + 1))
      ancestors.insert(rel.substr(0, p));
  }

  // The folder holding a file at `path`, or -1; hidden parts inside it are not the plan's.
  int folder_of_file(const std::string& path) const {
    std::size_t end = path.size();
    while (true) {
      const std::size_t slash = path.rfind('/', end == 0 ? 0 : end - 1);
      if (slash == std::string::npos || end == 0) break;
      const auto it = folder_of.find(path.substr(0, slash));
      if (it != folder_of.end()) return hidden_inside(path, slash + 1) ? -1 : int(it->second);
      end = slash;
    }
    return root >= 0 && !hidden_inside(path, 0) ? root : -1;
  }

  static bool hidden_inside(const std::string& path, std::size_t from) {
    for (std::size_t b = from; b <= path.size();) {
      std::size_t e = path.find('/', b);
      if (e == std::string::npos) e = path.size();
      if (skipped_name(path.substr(b, e - b))) return true;
      b = e + 1;
    }
    return false;
  }
};

class TreeDiff {
 public:
  TreeDiff(git_repository* repo, const FolderMap& map) : repo_(repo), map_(map) {}

  // The files that differ between two trees (either may be null), inside the folders.
  void diff(const git_tree* old_tree, const git_tree* new_tree, const std::string& prefix,
            int folder, Step& step) {
    if (new_tree) {
      const std::size_t n = git_tree_entrycount(new_tree);
      for (std::size_t i = 0; i < n; ++i) {
        const git_tree_entry* e = git_tree_entry_byindex(new_tree, i);
        const git_tree_entry* o =
            old_tree ? git_tree_entry_byname(old_tree, git_tree_entry_name(e)) : nullptr;
        if (o && git_oid_equal(git_tree_entry_id(o), git_tree_entry_id(e)) &&
            git_tree_entry_filemode(o) == git_tree_entry_filemode(e))
          continue;
        entry(o, e, prefix, folder, step);
      }
    }
    if (old_tree) {
      const std::size_t n = git_tree_entrycount(old_tree);
      for (std::size_t i = 0; i < n; ++i) {
        const git_tree_entry* o = git_tree_entry_byindex(old_tree, i);
        if (new_tree && git_tree_entry_byname(new_tree, git_tree_entry_name(o))) continue;
        entry(o, nullptr, prefix, folder, step);
      }
    }
  }

 private:
  // An entry that differs: `o` before, `e` after (either may be null).
  void entry(const git_tree_entry* o, const git_tree_entry* e, const std::string& prefix,
             int folder, Step& step) {
    const std::string name = git_tree_entry_name(e ? e : o);
    if (skipped_name(name)) return;
    const std::string path = prefix + name;
    int f = folder;
    if (f < 0) {
      const auto it = map_.folder_of.find(path);
      if (it != map_.folder_of.end())
        f = static_cast<int>(it->second);
      else if (!map_.ancestors.count(path))
        return;  // nothing of any plan below it
    }
    const bool was_tree = o && git_tree_entry_type(o) == GIT_OBJECT_TREE;
    const bool is_tree = e && git_tree_entry_type(e) == GIT_OBJECT_TREE;
    if (was_tree || is_tree) {
      Owned<git_tree, git_tree_free> old_sub, new_sub;
      if (was_tree) git_tree_lookup(&old_sub.p, repo_, git_tree_entry_id(o));
      if (is_tree) git_tree_lookup(&new_sub.p, repo_, git_tree_entry_id(e));
      diff(old_sub.p, new_sub.p, path + "/", f, step);
    }
    if (f < 0) return;
    const auto yaml_blob = [&](const git_tree_entry* x) {
      return x && git_tree_entry_type(x) == GIT_OBJECT_BLOB &&
             git_tree_entry_filemode(x) != GIT_FILEMODE_LINK && is_yaml(name);
    };
    const bool was_file = o && !was_tree, is_file = e && !is_tree;
    if (!was_file && !is_file) return;
    const auto folder_index = static_cast<std::uint32_t>(f);
    if (step.touched.empty() || step.touched.back() != folder_index)
      step.touched.push_back(folder_index);
    if (yaml_blob(e))
      step.changes.push_back({folder_index, path, *git_tree_entry_id(e)});
    else if (yaml_blob(o))
      step.changes.push_back({folder_index, path, std::nullopt});
  }

  git_repository* repo_;
  const FolderMap& map_;
};

// The state of one folder while the history is replayed, oldest first.
struct FolderState {
  struct Entry {
    std::uint64_t fingerprint = 0;
    std::string date;
    int holders = 0;  // files holding the id (two only in a plan with a duplicate id)
  };
  std::unordered_map<std::string, const ParsedFile*> files;
  std::unordered_map<std::string, Entry> ids;
};

// Applies one commit's changes to one folder's state.
void apply(FolderState& st, const std::vector<const Change*>& changes,
           const std::vector<ParsedFile>& parsed, const std::string& date) {
  std::unordered_map<std::string, std::optional<FolderState::Entry>> before;
  const auto remember = [&](const std::string& id) {
    if (before.count(id)) return;
    const auto it = st.ids.find(id);
    before.emplace(id, it != st.ids.end() && it->second.holders > 0
                           ? std::optional<FolderState::Entry>(it->second)
                           : std::nullopt);
  };
  for (const Change* c : changes) {
    const ParsedFile* now = c->blob ? &parsed[c->parsed] : nullptr;
    if (now && now->unread) continue;  // a file that does not parse keeps what it had
    const auto it = st.files.find(c->path);
    if (it != st.files.end()) {
      for (const auto& [id, fp] : it->second->activities) {
        remember(id);
        st.ids[id].holders -= 1;
      }
    }
    if (now) {
      for (const auto& [id, fp] : now->activities) {
        remember(id);
        FolderState::Entry& e = st.ids[id];
        e.fingerprint = fp;
        e.holders += 1;
      }
      st.files[c->path] = now;
    } else if (it != st.files.end()) {
      st.files.erase(it);
    }
  }
  for (const auto& [id, was] : before) {
    const auto it = st.ids.find(id);
    if (it == st.ids.end()) continue;
    if (it->second.holders <= 0)
      st.ids.erase(it);
    else if (!was || was->fingerprint != it->second.fingerprint)
      it->second.date = date;
    else
      it->second.date = was->date;
  }
}

// Reads and parses the distinct blobs on every core, each thread with its own handle on
// the repository (libgit2's objects are not shared between threads).
void parse_blobs(const std::string& top, const std::vector<git_oid>& blobs,
                 std::vector<ParsedFile>& out) {
  out.resize(blobs.size());
  std::atomic<std::size_t> next{0};
  const LoadOptions limits;
  auto work = [&]() {
    git_repository* repo = nullptr;
    if (git_repository_open(&repo, top.c_str()) != 0) {
      for (std::size_t i; (i = next++) < blobs.size();) out[i].unread = true;
      return;
    }
    for (std::size_t i; (i = next++) < blobs.size();) {
      Owned<git_blob, git_blob_free> blob;
      if (git_blob_lookup(&blob.p, repo, &blobs[i]) != 0 ||
          static_cast<std::size_t>(git_blob_rawsize(blob.p)) > limits.max_file_size) {
        out[i].unread = true;
        continue;
      }
      const std::string bytes(static_cast<const char*>(git_blob_rawcontent(blob.p)),
                              static_cast<std::size_t>(git_blob_rawsize(blob.p)));
      out[i] = parse_bytes(bytes);
    }
    git_repository_free(repo);
  };
  const std::size_t threads =
      std::min<std::size_t>(std::max<std::size_t>(1, blobs.size() / 4),
                            std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}

// The working tree's files that differ from HEAD (untracked ones too), inside the folders.
Step working_tree_step(git_repository* repo, const std::string& top, const FolderMap& map,
                       const std::vector<std::string>& rels, std::vector<ParsedFile>& all,
                       const std::string& date) {
  Step step;
  step.date = date;
  git_status_options opts = GIT_STATUS_OPTIONS_INIT;
  opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
  opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
               GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
  std::vector<char*> specs;
  std::vector<std::string> spec_text;
  if (map.root < 0)
    for (const std::string& r : rels) spec_text.push_back(r + "/");
  for (std::string& s : spec_text) specs.push_back(s.data());
  opts.pathspec.strings = specs.data();
  opts.pathspec.count = specs.size();
  Owned<git_status_list, git_status_list_free> list;
  if (git_status_list_new(&list.p, repo, &opts) != 0) return step;
  std::vector<std::string> paths;
  const std::size_t n = git_status_list_entrycount(list.p);
  for (std::size_t i = 0; i < n; ++i) {
    const git_status_entry* s = git_status_byindex(list.p, i);
    for (const git_diff_delta* d : {s->head_to_index, s->index_to_workdir}) {
      if (!d) continue;
      if (d->old_file.path) paths.emplace_back(d->old_file.path);
      if (d->new_file.path) paths.emplace_back(d->new_file.path);
    }
  }
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
  const LoadOptions limits;
  for (const std::string& path : paths) {
    const int f = map.folder_of_file(path);
    if (f < 0) continue;
    const auto folder = static_cast<std::uint32_t>(f);
    if (step.touched.empty() || step.touched.back() != folder) step.touched.push_back(folder);
    const std::string name =
        path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
    if (!is_yaml(name)) continue;
    std::string bytes, error;
    std::error_code ec;
    const fs::path file = fs::path(top) / path;
    if (fs::is_regular_file(fs::symlink_status(file, ec)) &&
        read_regular_file(file.string(), limits.max_file_size, bytes, error)) {
      all.push_back(parse_bytes(bytes));
      git_oid none{};
      step.changes.push_back({folder, path, none, all.size() - 1});
    } else {
      step.changes.push_back({folder, path, std::nullopt});
    }
  }
  std::sort(step.touched.begin(), step.touched.end());
  step.touched.erase(std::unique(step.touched.begin(), step.touched.end()), step.touched.end());
  return step;
}

// One repository's share of the folders.
void walk_repository(git_repository* repo, const std::string& top,
                     const std::vector<std::pair<std::uint32_t, std::string>>& folders,
                     const Date& as_of, ChangeWalk& out) {
  FolderMap map;
  std::vector<std::string> rels;
  for (std::uint32_t k = 0; k < folders.size(); ++k) {
    map.add(folders[k].second, k);
    rels.push_back(folders[k].second);
  }
  const std::string as_of_text = as_of.text();

  // The first-parent line from HEAD, newest first; a missing parent is a shallow boundary.
  struct Node {
    git_oid id;
    std::string date;
  };
  std::vector<Node> chain;
  bool boundary = false;
  if (git_repository_head_unborn(repo) != 1) {
    Owned<git_reference, git_reference_free> head;
    Owned<git_commit, git_commit_free> c;
    if (git_repository_head(&head.p, repo) != 0 ||
        git_commit_lookup(&c.p, repo, git_reference_target(head.p)) != 0) {
      for (const auto& [index, rel] : folders) out.folders[index].error = last_error();
      return;
    }
    const bool shallow = git_repository_is_shallow(repo) == 1;
    while (c.p) {
      chain.push_back({*git_commit_id(c.p), git2::commit_date(c.p)});
      if (git_commit_parentcount(c.p) == 0) {
        // A shallow clone's oldest commit may show no parents at all: a boundary too (at
        // worst a real first commit's activities go undated, and so are never stale).
        boundary = shallow;
        break;
      }
      git_commit* parent = nullptr;
      if (git_commit_parent(&parent, c.p, 0) != 0) {
        boundary = true;
        break;
      }
      git_commit_free(c.p);
      c.p = parent;
    }
  }
  std::size_t top_index = 0;
  while (top_index < chain.size() && chain[top_index].date > as_of_text) ++top_index;
  const bool working = top_index == 0;  // HEAD is on or before the as-of date, or unborn
  const bool any = top_index < chain.size() || chain.empty();

  std::vector<Step> steps;
  TreeDiff differ(repo, map);
  Owned<git_tree, git_tree_free> previous;
  for (std::size_t k = chain.size(); k-- > top_index;) {
    Owned<git_commit, git_commit_free> c;
    Owned<git_tree, git_tree_free> tree;
    if (git_commit_lookup(&c.p, repo, &chain[k].id) != 0 || git_commit_tree(&tree.p, c.p) != 0)
      continue;
    Step step;
    step.date = boundary && k + 1 == chain.size() ? ""
                : chain[k].date > as_of_text      ? as_of_text
                                                  : chain[k].date;
    differ.diff(previous.p, tree.p, "", map.root, step);
    std::sort(step.touched.begin(), step.touched.end());
    step.touched.erase(std::unique(step.touched.begin(), step.touched.end()), step.touched.end());
    if (!step.touched.empty()) steps.push_back(std::move(step));
    std::swap(previous.p, tree.p);
    ++out.commits;
  }

  // Every distinct blob once, parsed on every core.
  std::vector<git_oid> blobs;
  {
    std::unordered_map<std::string, std::size_t> seen;
    for (Step& s : steps)
      for (Change& c : s.changes) {
        if (!c.blob) continue;
        const std::string key(reinterpret_cast<const char*>(c.blob->id), GIT_OID_RAWSZ);
        const auto [it, fresh] = seen.emplace(key, blobs.size());
        if (fresh) blobs.push_back(*c.blob);
        c.parsed = it->second;
      }
  }
  std::vector<ParsedFile> parsed;
  parse_blobs(top, blobs, parsed);
  out.blobs_parsed += parsed.size();
  if (working) {
    Step w = working_tree_step(repo, top, map, rels, parsed, as_of_text);
    if (!w.touched.empty()) steps.push_back(std::move(w));
  }

  std::vector<FolderState> states(folders.size());
  std::vector<std::vector<const Change*>> by_folder(folders.size());
  for (const Step& s : steps) {
    for (auto& v : by_folder) v.clear();
    for (const Change& c : s.changes) by_folder[c.folder].push_back(&c);
    for (std::uint32_t f : s.touched) {
      apply(states[f], by_folder[f], parsed, s.date);
      if (!s.date.empty()) out.folders[folders[f].first].last_change = s.date;
    }
  }
  for (std::uint32_t k = 0; k < folders.size(); ++k) {
    FolderChanges& fc = out.folders[folders[k].first];
    fc.in_repository = true;
    fc.any_commit = any;
    fc.shallow = boundary;
    fc.boundary = boundary ? chain.back().date : "";
    for (auto& [id, e] : states[k].ids)
      if (!e.date.empty()) fc.activity_dates.emplace(id, std::move(e.date));
  }
}

}  // namespace

ChangeWalk walk_changes(const std::vector<std::string>& plan_dirs, const Date& as_of) {
  ensure_init();
  ChangeWalk out;
  out.folders.resize(plan_dirs.size());
  struct Group {
    Owned<git_repository, git_repository_free> repo;
    fs::path top;
    std::vector<std::pair<std::uint32_t, std::string>> folders;
  };
  std::vector<std::unique_ptr<Group>> groups;
  for (std::uint32_t i = 0; i < plan_dirs.size(); ++i) {
    std::error_code ec;
    const fs::path abs = fs::weakly_canonical(fs::absolute(plan_dirs[i], ec), ec);
    Group* g = nullptr;
    for (auto& candidate : groups) {
      const fs::path rel = abs.lexically_relative(candidate->top);
      if (!rel.empty() && *rel.begin() != "..") {
        g = candidate.get();
        break;
      }
    }
    if (!g) {
      auto fresh = std::make_unique<Group>();
      // No error: outside a repository is no failure, and the caller says so in the
      // reader's words (ChangeLog::no_repository).
      if (git_repository_open_ext(&fresh->repo.p, abs.c_str(), 0, nullptr) != 0) continue;
      const char* workdir = git_repository_workdir(fresh->repo.p);
      if (!workdir) {
        out.folders[i].error = "the repository has no working tree (it is bare)";
        continue;
      }
      fresh->top = fs::weakly_canonical(workdir, ec);
      groups.push_back(std::move(fresh));
      g = groups.back().get();
    }
    std::string rel = abs.lexically_relative(g->top).generic_string();
    if (rel == ".") rel.clear();
    g->folders.emplace_back(i, rel);
  }
  for (auto& g : groups)
    if (!g->folders.empty()) walk_repository(g->repo.p, g->top.string(), g->folders, as_of, out);
  return out;
}

}  // namespace plan
