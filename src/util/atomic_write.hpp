// Writing a file so that it is never seen half-written: a temporary file in the same
// folder, flushed to disk, then renamed over the target.
#pragma once

#include <string>

namespace plan {

// Replaces (or creates) `path` with `content`. A file it replaces keeps its mode; a link
// at `path` is refused rather than followed. Returns false with a reason on failure, and
// then `path` is exactly as it was.
bool write_file_atomically(const std::string& path, const std::string& content, std::string& error);

}  // namespace plan
