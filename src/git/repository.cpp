#include "git/repository.hpp"

#include <git2.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "git/libgit2.hpp"

namespace fs = std::filesystem;

namespace plan {

std::string git2::commit_date(const git_commit* c) {
  const long long local =
      static_cast<long long>(git_commit_time(c)) + 60LL * git_commit_time_offset(c);
  std::time_t t = static_cast<std::time_t>(local);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

namespace {

using git2::ensure_init;
using git2::last_error;
using git2::Owned;

CommitInfo info_of(git_commit* c) {
  CommitInfo info;
  char hex[GIT_OID_HEXSZ + 1] = {};
  git_oid_tostr(hex, sizeof hex, git_commit_id(c));
  info.id = hex;
  info.short_id = info.id.substr(0, 7);
  info.time = static_cast<long long>(git_commit_time(c));
  info.date = git2::commit_date(c);
  const char* summary = git_commit_summary(c);
  info.subject = summary ? summary : "";
  return info;
}

// The plan folder's tree in a commit, or nothing when the commit has no such folder.
bool plan_tree(git_repository* repo, const git_oid& commit_id, const std::string& path,
               git_oid& out) {
  Owned<git_commit, git_commit_free> commit;
  Owned<git_tree, git_tree_free> root;
  if (git_commit_lookup(&commit.p, repo, &commit_id) != 0 ||
      git_commit_tree(&root.p, commit.p) != 0)
    return false;
  if (path.empty()) {
    out = *git_tree_id(root.p);
    return true;
  }
  Owned<git_tree_entry, git_tree_entry_free> entry;
  if (git_tree_entry_bypath(&entry.p, root.p, path.c_str()) != 0 ||
      git_tree_entry_type(entry.p) != GIT_OBJECT_TREE)
    return false;
  out = *git_tree_entry_id(entry.p);
  return true;
}

bool is_yaml(const std::string& name) {
  auto ends = [&](const char* s) {
    std::string x(s);
    if (name.size() < x.size()) return false;
    std::string tail = name.substr(name.size() - x.size());
    for (char& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return tail == x;
  };
  return ends(".yaml") || ends(".yml");
}

}  // namespace

std::unique_ptr<Repository> Repository::open(const std::string& plan_dir, Message& error) {
  ensure_init();
  std::unique_ptr<Repository> r(new Repository());
  std::error_code ec;
  const fs::path abs = fs::weakly_canonical(fs::absolute(plan_dir, ec), ec);
  if (git_repository_open_ext(&r->repo_, abs.c_str(), 0, nullptr) != 0) {
    error = message(N_("{dir} is not in a git repository ({reason}); diff and history read the "
                       "plan's git history"),
                    {plan_text("dir", plan_dir), plan_text("reason", last_error())});
    return nullptr;
  }
  const char* workdir = git_repository_workdir(r->repo_);
  if (!workdir) {
    error = message(N_("the repository has no working tree (it is bare)"));
    return nullptr;
  }
  const fs::path top = fs::weakly_canonical(workdir, ec);
  r->plan_path_ = abs.lexically_relative(top).generic_string();
  if (r->plan_path_ == ".") r->plan_path_.clear();
  fs::path shown = fs::path(plan_dir).lexically_normal();
  r->display_root_ = shown.string();
  if (!r->display_root_.empty() && r->display_root_.back() != '/') r->display_root_ += '/';
  return r;
}

Repository::~Repository() {
  if (repo_) git_repository_free(repo_);
}

std::optional<CommitInfo> Repository::resolve(const std::string& revision, Message& error) const {
  Owned<git_object, git_object_free> obj;
  Owned<git_object, git_object_free> peeled;
  if (git_revparse_single(&obj.p, repo_, revision.c_str()) != 0 ||
      git_object_peel(&peeled.p, obj.p, GIT_OBJECT_COMMIT) != 0) {
    error = message(N_("'{revision}' is not a revision of this repository ({reason})"),
                    {plan_text("revision", revision), plan_text("reason", last_error())});
    return std::nullopt;
  }
  return info_of(reinterpret_cast<git_commit*>(peeled.p));
}

LoadResult Repository::load(const CommitInfo& commit, Message& error, const LoadOptions& options) {
  git_oid id;
  git_oid_fromstr(&id, commit.id.c_str());
  git_oid tree_id;
  std::vector<std::string> paths;
  std::vector<FilePart> parts;
  if (!plan_tree(repo_, id, plan_path_, tree_id)) {
    error = message(N_("the commit has no {folder} folder"),
                    {plan_text("folder", plan_path_.empty() ? "plan" : plan_path_)});
    return merge_parts(display_root_, paths, std::move(parts));
  }
  Owned<git_tree, git_tree_free> tree;
  git_tree_lookup(&tree.p, repo_, &tree_id);
  // Every *.yaml / *.yml blob below the folder, in sorted path order (as on disk).
  struct Entry {
    std::string path;
    git_oid blob;
  };
  std::vector<Entry> entries;
  struct Walk {
    std::vector<Entry>* out;
  } walk{&entries};
  git_tree_walk(
      tree.p, GIT_TREEWALK_PRE,
      [](const char* root, const git_tree_entry* e, void* payload) -> int {
        const std::string name = git_tree_entry_name(e);
        // Hidden files and folders and editor backups are not part of the plan (as on disk).
        if (name.empty() || name[0] == '.' || name.back() == '~' ||
            (name.size() >= 2 && name.front() == '#' && name.back() == '#'))
          return 1;  // skips a folder's contents too
        if (git_tree_entry_type(e) == GIT_OBJECT_BLOB && is_yaml(name) &&
            git_tree_entry_filemode(e) != GIT_FILEMODE_LINK)
          static_cast<Walk*>(payload)->out->push_back(
              {std::string(root) + name, *git_tree_entry_id(e)});
        return 0;
      },
      &walk);
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.path < b.path; });
  Owned<git_odb, git_odb_free> odb;
  git_repository_odb(&odb.p, repo_);
  std::size_t total = 0;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto index = static_cast<std::uint32_t>(i + 1);
    paths.push_back(display_root_ + entries[i].path);
    // The same size limits as on disk, checked from the object's header before the blob
    // is read (and inflated) whole.
    std::size_t size = 0;
    git_object_t type{};
    SourceText src{paths.back(), "", "", false};
    if (odb.p && git_odb_read_header(&size, &type, odb.p, &entries[i].blob) == 0 &&
        !within_size_limits(size, total, options, src)) {
      parts.push_back(load_file(src, index));
      continue;
    }
    total += size;
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, &entries[i].blob);
    const std::string key = fmt::format("{}#{}", hex, index);  // locations name the position
    auto cached = cache_.find(key);
    if (cached == cache_.end()) {
      Owned<git_blob, git_blob_free> blob;
      if (git_blob_lookup(&blob.p, repo_, &entries[i].blob) == 0)
        src.bytes.assign(static_cast<const char*>(git_blob_rawcontent(blob.p)),
                         static_cast<std::size_t>(git_blob_rawsize(blob.p)));
      cached = cache_.emplace(key, load_file(src, index)).first;
      ++parsed_;
    }
    parts.push_back(cached->second);
  }
  return merge_parts(display_root_, paths, std::move(parts));
}

bool Repository::is_shallow() const {
  return git_repository_is_shallow(repo_) == 1;
}

namespace {

// The commits reachable from `start` whose objects are in the repository, newest first:
// libgit2's revwalk stops with an error at a shallow clone's boundary, where the parents
// are named but missing, and so would show nothing at all.
std::vector<git_oid> commits_present(git_repository* repo, const git_oid& start,
                                     bool first_parent) {
  std::vector<std::pair<long long, git_oid>> found;
  std::vector<git_oid> todo{start};
  std::set<std::string> seen;
  while (!todo.empty()) {
    const git_oid id = todo.back();
    todo.pop_back();
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, &id);
    if (!seen.insert(hex).second) continue;
    Owned<git_commit, git_commit_free> c;
    if (git_commit_lookup(&c.p, repo, &id) != 0) continue;  // past the boundary
    found.emplace_back(static_cast<long long>(git_commit_time(c.p)), id);
    const unsigned parents =
        first_parent ? std::min(1u, git_commit_parentcount(c.p)) : git_commit_parentcount(c.p);
    for (unsigned k = parents; k-- > 0;) todo.push_back(*git_commit_parent_id(c.p, k));
  }
  if (!first_parent)  // newest first, as the revwalk sorts them
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<git_oid> out;
  for (const auto& f : found) out.push_back(f.second);
  return out;
}

}  // namespace

std::vector<CommitInfo> Repository::plan_history(const CommitInfo& from, bool first_parent,
                                                 Message& error) const {
  std::vector<CommitInfo> out;
  git_oid start;
  git_oid_fromstr(&start, from.id.c_str());
  std::vector<git_oid> ids;
  if (is_shallow()) {
    ids = commits_present(repo_, start, first_parent);
  } else {
    Owned<git_revwalk, git_revwalk_free> walk;
    if (git_revwalk_new(&walk.p, repo_) != 0 || git_revwalk_push(walk.p, &start) != 0) {
      error = message(N_("cannot walk the history: {reason}"), {plan_text("reason", last_error())});
      return out;
    }
    git_revwalk_sorting(walk.p, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
    if (first_parent) git_revwalk_simplify_first_parent(walk.p);
    git_oid id;
    int rc;
    while ((rc = git_revwalk_next(&id, walk.p)) == 0) ids.push_back(id);
    if (rc != GIT_ITEROVER) {
      error = message(N_("cannot walk the history: {reason}"), {plan_text("reason", last_error())});
      return out;
    }
  }
  for (const git_oid& id : ids) {
    Owned<git_commit, git_commit_free> c;
    if (git_commit_lookup(&c.p, repo_, &id) != 0) continue;
    git_oid mine{}, theirs{};
    const bool has = plan_tree(repo_, id, plan_path_, mine);
    bool changed = has;
    // A parent that is missing (a shallow clone's boundary) counts as no plan before.
    if (has && git_commit_parentcount(c.p) > 0) {
      const git_oid* parent = git_commit_parent_id(c.p, 0);
      changed = !plan_tree(repo_, *parent, plan_path_, theirs) || git_oid_cmp(&mine, &theirs) != 0;
    }
    if (changed) out.push_back(info_of(c.p));
  }
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace plan
