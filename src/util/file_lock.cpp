#include "util/file_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

namespace plan {

FileLock::~FileLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the lock
}

bool FileLock::lock(const std::string& path, int timeout_ms, std::string& error) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    // Read-only is enough for flock, and opens a file we may not write (set then says so).
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) {
      error = std::strerror(errno);
      return false;
    }
    bool held = false;
    while (!(held = ::flock(fd, LOCK_EX | LOCK_NB) == 0) &&
           (errno == EWOULDBLOCK || errno == EINTR) && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (!held) {
      const int err = errno;
      ::close(fd);
      error =
          err == EWOULDBLOCK ? "another plan set is changing it; try again" : std::strerror(err);
      return false;
    }
    // The previous holder may have renamed a new file into place: lock that one instead.
    struct stat held_st {
    }, now_st{};
    if (::fstat(fd, &held_st) == 0 && ::stat(path.c_str(), &now_st) == 0 &&
        held_st.st_dev == now_st.st_dev && held_st.st_ino == now_st.st_ino) {
      fd_ = fd;
      return true;
    }
    ::close(fd);
    if (std::chrono::steady_clock::now() >= deadline) {
      error = "another plan set is changing it; try again";
      return false;
    }
  }
}

}  // namespace plan
