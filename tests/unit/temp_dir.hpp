// A fresh folder under the system's temporary folder for one test, removed at its end.
#pragma once

#include <doctest/doctest.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace plan::test {

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string t = (std::filesystem::temp_directory_path() / "plan-test-XXXXXX").string();
    path = ::mkdtemp(t.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  // Writes `text` to the path below the folder, making the folders it needs.
  void write(const std::string& rel, const std::string& text) const {
    std::filesystem::create_directories((path / rel).parent_path());
    std::ofstream(path / rel, std::ios::binary) << text;
  }
  // Runs a shell command in the folder; the test fails if it does.
  void sh(const std::string& cmd) const {
    const std::string full = "cd '" + path.string() + "' && " + cmd + " >/dev/null 2>&1";
    REQUIRE_MESSAGE(std::system(full.c_str()) == 0, cmd);
  }
};

}  // namespace plan::test
