#include "util/atomic_write.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace plan {

namespace fs = std::filesystem;

bool check_folder_links(const std::string& path, const std::string& base, std::string& error) {
  std::error_code ec;
  const fs::path abs_base = fs::absolute(base, ec).lexically_normal();
  if (ec) return true;
  const fs::path folder = fs::absolute(path, ec).lexically_normal().parent_path();
  if (ec) return true;
  const fs::path rel = folder.lexically_relative(abs_base);
  if (rel.empty() || *rel.begin() == "..") return true;  // not below base: the user's own path
  const fs::path real_base = fs::weakly_canonical(abs_base, ec);
  if (ec) return true;
  fs::path at = abs_base;
  for (const fs::path& part : rel) {
    if (part == ".") continue;
    at /= part;
    struct stat st {};
    if (::lstat(at.c_str(), &st) != 0) return true;  // missing from here on: nothing to follow
    if (!S_ISLNK(st.st_mode)) continue;
    const fs::path real = fs::canonical(at, ec);
    const fs::path inside = ec ? fs::path("..") : real.lexically_relative(real_base);
    if (inside.empty() || *inside.begin() == "..") {
      error = "the folder " +
              (fs::path(base) / at.lexically_relative(abs_base)).lexically_normal().string() +
              " is a symbolic link to " + (ec ? std::string("nowhere") : real.string()) +
              ", outside " + (base == "." ? std::string("the working folder") : base) +
              "; it is not followed";
      return false;
    }
  }
  return true;
}

bool write_file_atomically(const std::string& path, const std::string& content, std::string& error,
                           const std::string& base) {
  if (!check_folder_links(path, base, error)) return false;
  fs::path target(path);
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();

  mode_t mode = 0666 & ~[] {
    mode_t m = ::umask(0);
    ::umask(m);
    return m;
  }();
  struct stat st {};
  if (::lstat(path.c_str(), &st) == 0) {
    if (S_ISLNK(st.st_mode)) {
      error = "it is a symbolic link; write to the file it points to instead";
      return false;
    }
    if (!S_ISREG(st.st_mode)) {
      error = "it exists and is not a regular file";
      return false;
    }
    // Replacing by rename needs only the folder's permission: refuse what we may not write.
    const bool writable =
        ::geteuid() == 0 ? (st.st_mode & 0222) != 0 : ::access(path.c_str(), W_OK) == 0;
    if (!writable) {
      error = "the file is read-only; make it writable first if it should change";
      return false;
    }
    mode = st.st_mode & 07777;
  } else if (errno != ENOENT) {
    error = std::strerror(errno);
    return false;
  }

  std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  auto fail = [&](int err) {
    error = std::strerror(err);
    ::close(fd);
    ::unlink(tmpl.c_str());
    return false;
  };
  std::size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail(errno);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, mode) != 0) return fail(errno);
  if (::fsync(fd) != 0) return fail(errno);
  if (::close(fd) != 0) {
    int err = errno;
    ::unlink(tmpl.c_str());
    error = std::strerror(err);
    return false;
  }
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmpl.c_str());
    error = std::strerror(err);
    return false;
  }
  // Make the rename itself durable.
  if (int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return true;
}

}  // namespace plan
