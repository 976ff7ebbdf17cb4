#include "util/read_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace plan {

bool read_regular_file(const std::string& path, std::size_t max_size, std::string& out,
                       std::string& error) {
  // O_NONBLOCK: should the path have become a FIFO since it was listed, open() must not wait.
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    error = "not a regular file";
    ::close(fd);
    return false;
  }
  if (static_cast<std::size_t>(st.st_size) > max_size) {
    error = fmt::format("the file is {} bytes, over the limit of {} bytes", st.st_size, max_size);
    ::close(fd);
    return false;
  }
  out.clear();
  out.resize(static_cast<std::size_t>(st.st_size));
  std::size_t got = 0;
  while (true) {
    if (got == out.size()) {
      if (out.size() >= max_size + 1) break;
      out.resize(std::min(max_size + 1, out.size() * 2 + 4096));  // the file may have grown
    }
    ssize_t n = ::read(fd, &out[got], out.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = std::strerror(errno);
      ::close(fd);
      return false;
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  ::close(fd);
  out.resize(got);
  if (got > max_size) {
    error = fmt::format("the file is over the limit of {} bytes", max_size);
    return false;
  }
  return true;
}

}  // namespace plan
