#include "load/source_files.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "util/text.hpp"

namespace fs = std::filesystem;

namespace plan {

static bool has_yaml_extension(const fs::path& p) {
  std::string ext = ascii_lower(p.extension().string());
  return ext == ".yaml" || ext == ".yml";
}

void SourceEntry::skip(Message why) {
  skip_reason = render_message(why);
  skip_text = std::move(why);
}

// Why a file that is not a regular file was skipped: a sentence per kind of file (a
// folder has its own, in walk()).
static Message not_a_file(fs::file_type t) {
  switch (t) {
    case fs::file_type::fifo:
      return message(N_("a FIFO, not a file; skipped"));
    case fs::file_type::socket:
      return message(N_("a socket, not a file; skipped"));
    case fs::file_type::block:
      return message(N_("a block device, not a file; skipped"));
    case fs::file_type::character:
      return message(N_("a character device, not a file; skipped"));
    default:
      return message(N_("not a regular file, not a file; skipped"));
  }
}

static bool is_inside(const fs::path& child, const fs::path& root) {
  auto [r, c] = std::mismatch(root.begin(), root.end(), child.begin(), child.end());
  return r == root.end();
}

// Hidden files and folders (.git, .goals.yaml.swp, Emacs's lock link .#goals.yaml) and
// editors' backups (goals.yaml~, #goals.yaml#) are not part of the plan: passed over
// without a word.
static bool is_hidden_or_backup(const std::string& name) {
  return name.empty() || name[0] == '.' || name.back() == '~' ||
         (name.size() >= 2 && name.front() == '#' && name.back() == '#');
}

// One folder, then its subfolders in turn. A folder that cannot be listed is reported and
// the walk goes on with the rest. Links to folders are not followed (no loops).
static void walk(const fs::path& dir, const fs::path& canonical_root,
                 std::vector<SourceEntry>& entries) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec), end;
  // The folder as an entry of its own that could not be read, saying why.
  auto unlisted = [&](Message why) {
    SourceEntry e{dir.string(), "", "", true};
    e.skip(std::move(why));
    entries.push_back(std::move(e));
  };
  if (ec) {
    unlisted(message(N_("cannot list the folder ({reason}): its files were not read"),
                     {arg("reason", ec.message())}));
    return;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) {
      unlisted(message(N_("cannot list the whole folder ({reason}): some files were not read"),
                       {arg("reason", ec.message())}));
      return;
    }
    const fs::path& p = it->path();
    if (is_hidden_or_backup(p.filename().string())) continue;
    const fs::file_status st = it->symlink_status(ec);
    if (!ec && st.type() == fs::file_type::directory) walk(p, canonical_root, entries);
    if (!has_yaml_extension(p)) continue;
    SourceEntry e{p.string(), p.string(), ""};
    if (ec) {
      e.skip(message(N_("cannot inspect: {reason}; skipped"), {arg("reason", ec.message())}));
    } else if (st.type() == fs::file_type::symlink) {
      // A link is read only when it stays inside the plan folder and ends at a regular file.
      fs::path target = fs::canonical(p, ec);
      if (ec) {
        e.skip(message(N_("a broken link ({reason}); skipped"), {arg("reason", ec.message())}));
      } else if (!is_inside(target, canonical_root)) {
        e.skip(message(N_("a link that leaves the plan folder; skipped")));
      } else if (!fs::is_regular_file(fs::status(target, ec))) {
        e.skip(message(N_("a link to something that is not a regular file; skipped")));
      } else {
        e.open_path = target.string();
      }
    } else if (st.type() == fs::file_type::directory) {
      e.skip(message(N_("a folder named like a YAML file; the files inside it are read")));
    } else if (st.type() != fs::file_type::regular) {
      e.skip(not_a_file(st.type()));
    }
    entries.push_back(std::move(e));
  }
}

std::vector<SourceEntry> find_plan_files(const std::string& root) {
  std::vector<SourceEntry> entries;
  std::error_code ec;
  const fs::path canonical_root = fs::canonical(root, ec);
  walk(root, canonical_root, entries);
  std::sort(entries.begin(), entries.end(),
            [](const SourceEntry& a, const SourceEntry& b) { return a.path < b.path; });
  // A link inside the folder to a file that is read anyway would define everything twice.
  // The file itself is kept (it is the one `plan set` edits); the link is the duplicate.
  std::set<std::string> seen;
  for (bool links : {false, true})
    for (SourceEntry& e : entries) {
      if (!e.skip_reason.empty() || (e.open_path != e.path) != links) continue;
      fs::path c = fs::weakly_canonical(e.open_path, ec);
      if (!seen.insert(c.string()).second)
        e.skip(links ? message(N_("a link to the same file as another one read (the file itself); "
                                  "skipped"))
                     : message(N_("the same file as another one read; skipped")));
    }
  return entries;
}

}  // namespace plan
