// An exclusive lock on a file that writers replace by renaming (`write_file_atomically`):
// two `plan set` on one file take turns instead of one losing the other's change.
#pragma once

#include <string>

namespace plan {

class FileLock {
 public:
  FileLock() = default;
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  ~FileLock();

  // Waits up to `timeout_ms` for an exclusive flock on the file now at `path`. The lock
  // is on the file itself (no lock file is left beside it); a file replaced while waiting
  // is locked anew, so the holder always has the file the path names. Returns false with
  // a reason on failure or timeout.
  bool lock(const std::string& path, int timeout_ms, std::string& error);

 private:
  int fd_ = -1;
};

}  // namespace plan
