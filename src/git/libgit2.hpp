// What every user of libgit2 in src/git/ needs: the library started once, its last error
// as text, an owner that frees each object, and a commit's date as the outputs show it.
#pragma once

#include <git2.h>

#include <string>

namespace plan::git2 {

// libgit2 is initialised once per process and never shut down (it is cheap to keep).
inline void ensure_init() {
  static const int once = git_libgit2_init();
  static_cast<void>(once);
}

inline std::string last_error() {
  const git_error* e = git_error_last();
  return e && e->message ? e->message : "unknown libgit2 error";
}

template <class T, void (*Free)(T*)>
struct Owned {
  T* p = nullptr;
  Owned() = default;
  Owned(const Owned&) = delete;
  Owned& operator=(const Owned&) = delete;
  ~Owned() {
    if (p) Free(p);
  }
};

// The commit's day in its own time zone (YYYY-MM-DD), as `plan history` shows it.
std::string commit_date(const git_commit* c);

}  // namespace plan::git2
