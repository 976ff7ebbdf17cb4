// Writing a file so that it is never seen half-written: a temporary file in the same
// folder, flushed to disk, then renamed over the target.
#pragma once

#include <string>

namespace plan {

// The rule for symbolic links in the folders of a path we write: a link that lies inside
// `base` (the working folder, or the folder `plan init` fills) is followed only when it
// resolves inside `base` too; otherwise the write is refused, naming the link. A file in
// a repository cannot send our output elsewhere, while folders above `base`, and paths
// outside it that the user typed, are the user's own and are followed. Returns false with
// a reason when a link breaks the rule.
bool check_folder_links(const std::string& path, const std::string& base, std::string& error);

// Replaces (or creates) `path` with `content`. A file it replaces keeps its mode; a link
// at `path` is refused rather than followed, and so is a read-only file (no write
// permission for us, or none for anyone when we are root); links in its folders follow
// `check_folder_links` with `base`. Returns false with a reason on failure, and then
// `path` is exactly as it was.
bool write_file_atomically(const std::string& path, const std::string& content, std::string& error,
                           const std::string& base = ".");

}  // namespace plan
