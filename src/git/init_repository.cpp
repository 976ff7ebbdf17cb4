#include "git/init_repository.hpp"

#include <git2.h>

namespace plan {

namespace {
void start_libgit2() {
  static const int once = git_libgit2_init();
  (void)once;
}
}  // namespace

bool inside_repository(const std::string& dir) {
  start_libgit2();
  git_buf found = GIT_BUF_INIT;
  const bool inside = git_repository_discover(&found, dir.c_str(), 0, nullptr) == 0;
  git_buf_dispose(&found);
  return inside;
}

bool init_repository(const std::string& dir, std::string& error) {
  start_libgit2();
  git_repository* repo = nullptr;
  if (git_repository_init(&repo, dir.c_str(), 0) != 0) {
    const git_error* e = git_error_last();
    error = e && e->message ? e->message : "git init failed";
    return false;
  }
  git_repository_free(repo);
  return true;
}

}  // namespace plan
