#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/atomic_write.hpp"

namespace fs = std::filesystem;
using namespace plan;

namespace {
std::string slurp(const fs::path& p) {
  std::stringstream s;
  s << std::ifstream(p, std::ios::binary).rdbuf();
  return s.str();
}
struct Dir {
  fs::path path;
  Dir() {
    std::string t = (fs::temp_directory_path() / "plan-write-XXXXXX").string();
    path = ::mkdtemp(t.data());
  }
  ~Dir() { fs::remove_all(path); }
};
}  // namespace

TEST_CASE("write_file_atomically creates, replaces and keeps the file's mode") {
  Dir d;
  fs::path f = d.path / "report.html";
  std::string error;
  REQUIRE(write_file_atomically(f.string(), "one", error));
  CHECK(slurp(f) == "one");
  ::chmod(f.c_str(), 0640);
  REQUIRE(write_file_atomically(f.string(), "two", error));
  CHECK(slurp(f) == "two");
  struct stat st {};
  ::stat(f.c_str(), &st);
  CHECK((st.st_mode & 07777) == 0640);
  // No temporary file is left behind.
  CHECK(std::distance(fs::directory_iterator(d.path), fs::directory_iterator()) == 1);
}

TEST_CASE("write_file_atomically refuses links and missing folders, touching nothing") {
  Dir d;
  fs::path target = d.path / "target.txt", link = d.path / "link.txt";
  std::ofstream(target) << "keep";
  fs::create_symlink(target, link);
  std::string error;
  CHECK_FALSE(write_file_atomically(link.string(), "new", error));
  CHECK(error.find("symbolic link") != std::string::npos);
  CHECK(slurp(target) == "keep");
  CHECK_FALSE(write_file_atomically((d.path / "no/such/x.txt").string(), "new", error));
  CHECK(error == "No such file or directory");
}
