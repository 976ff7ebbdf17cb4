#include <doctest/doctest.h>

#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "load/loader.hpp"
#include "load/source_files.hpp"
#include "temp_dir.hpp"
#include "util/read_file.hpp"

namespace fs = std::filesystem;
using namespace plan;

namespace {
const SourceEntry* find(const std::vector<SourceEntry>& es, const std::string& suffix) {
  for (const SourceEntry& e : es)
    if (e.path.size() >= suffix.size() &&
        e.path.compare(e.path.size() - suffix.size(), suffix.size(), suffix) == 0)
      return &e;
  return nullptr;
}
}  // namespace

TEST_CASE("plan files are found below the folder, sorted by path, other files ignored") {
  test::TempDir t;
  t.write("plan/b.yaml", "goals: []\n");
  t.write("plan/a.yml", "goals: []\n");
  t.write("plan/sub/c.YAML", "goals: []\n");
  t.write("plan/README.md", "# not a plan file\n");
  auto es = find_plan_files((t.path / "plan").string());
  REQUIRE(es.size() == 3);
  CHECK(fs::path(es[0].path).filename() == "a.yml");
  CHECK(fs::path(es[1].path).filename() == "b.yaml");
  CHECK(fs::path(es[2].path).filename() == "c.YAML");
  for (const SourceEntry& e : es) CHECK(e.skip_reason.empty());
}

TEST_CASE("FIFOs, folders named like files and links leaving the folder are skipped") {
  test::TempDir t;
  t.write("plan/ok.yaml", "goals: []\n");
  t.write("outside.yaml", "goals: []\n");
  REQUIRE(::mkfifo((t.path / "plan/pipe.yaml").c_str(), 0600) == 0);
  fs::create_directories(t.path / "plan/dir.yaml");
  fs::create_symlink(t.path / "outside.yaml", t.path / "plan/out.yaml");
  fs::create_symlink(t.path / "plan/ok.yaml", t.path / "plan/same.yaml");
  fs::create_symlink(t.path / "plan/missing", t.path / "plan/dangling.yaml");
  fs::create_symlink(t.path / "plan/loop.yaml", t.path / "plan/loop.yaml");

  auto es = find_plan_files((t.path / "plan").string());
  CHECK(find(es, "ok.yaml")->skip_reason.empty());
  CHECK(find(es, "pipe.yaml")->skip_reason.find("FIFO") != std::string::npos);
  CHECK(find(es, "dir.yaml")->skip_reason.find("folder") != std::string::npos);
  CHECK(find(es, "out.yaml")->skip_reason.find("leaves the plan folder") != std::string::npos);
  CHECK(find(es, "dangling.yaml")->skip_reason.find("broken link") != std::string::npos);
  CHECK(find(es, "loop.yaml")->skip_reason.find("broken link") != std::string::npos);
  // A link to a file that is read anyway is not read twice.
  CHECK(find(es, "same.yaml")->skip_reason.find("same file") != std::string::npos);
  CHECK(find(es, "ok.yaml")->skip_reason.empty());

  // Loading the folder must not block on the FIFO, and must report each skip.
  LoadResult r = load_plan_dir((t.path / "plan").string());
  std::size_t skipped = 0;
  for (const Diagnostic& d : r.diags) skipped += d.code == "skipped-file";
  CHECK(skipped == 6);
}

TEST_CASE("a link that stays inside the folder is read") {
  test::TempDir t;
  t.write("plan/shared/goals.txt", "goals: [{id: G1, title: Goal}]\n");
  fs::create_symlink(t.path / "plan/shared/goals.txt", t.path / "plan/goals.yaml");
  LoadResult r = load_plan_dir((t.path / "plan").string());
  CHECK(r.plan.goals.size() == 1);
}

TEST_CASE("read_regular_file enforces the size limit and refuses non-files") {
  test::TempDir t;
  t.write("big.yaml", std::string(100, 'x'));
  std::string out, error;
  CHECK(read_regular_file((t.path / "big.yaml").string(), 1000, out, error));
  CHECK(out.size() == 100);
  CHECK_FALSE(read_regular_file((t.path / "big.yaml").string(), 10, out, error));
  CHECK(error.find("limit") != std::string::npos);
  CHECK_FALSE(read_regular_file(t.path.string(), 1000, out, error));
  CHECK_FALSE(read_regular_file((t.path / "none.yaml").string(), 1000, out, error));
}

TEST_CASE("size limits: a file over the limit, and files together over the total") {
  test::TempDir t;
  t.write("plan/a.yaml", "goals: [{id: G1, title: " + std::string(100, 'x') + "}]\n");
  t.write("plan/b.yaml", "goals: [{id: G2, title: y}]\n");
  LoadOptions options;
  options.max_file_size = 50;
  LoadResult r = load_plan_dir((t.path / "plan").string(), options);
  REQUIRE(r.diags.size() == 1);
  CHECK(r.diags[0].code == "too-large");
  CHECK(r.diags[0].severity == Severity::error);  // a problem in the plan: exit 1, not 2
  CHECK(r.plan.goals.size() == 1);                // b.yaml was still read
  options.max_file_size = 1000;
  options.max_total_size = 120;
  r = load_plan_dir((t.path / "plan").string(), options);
  REQUIRE(r.diags.size() == 1);
  CHECK(r.diags[0].message.find("together") != std::string::npos);
}

TEST_CASE("a link inside the folder loses to the file it names, whatever their order") {
  test::TempDir t;
  t.write("plan/z-real.yaml", "goals: [{id: G1, title: Goal}]\n");
  fs::create_symlink(t.path / "plan/z-real.yaml", t.path / "plan/a-link.yaml");
  auto es = find_plan_files((t.path / "plan").string());
  REQUIRE(es.size() == 2);
  // The real file is read (it is the one `plan set` edits); the link is the duplicate.
  CHECK(find(es, "z-real.yaml")->skip_reason.empty());
  CHECK(find(es, "a-link.yaml")->skip_reason.find("link to the same file") != std::string::npos);
  LoadResult r = load_plan_dir((t.path / "plan").string());
  REQUIRE(r.plan.goals.size() == 1);
  CHECK(r.plan.files[r.plan.goals[0].loc.file].find("z-real.yaml") != std::string::npos);
}

TEST_CASE("hidden files and folders and editor backups are passed over without a warning") {
  test::TempDir t;
  t.write("plan/goals.yaml", "goals: [{id: G1, title: Goal}]\n");
  t.write("plan/.goals.yaml.swp", std::string("b0VIM\0\0", 7));
  t.write("plan/goals.yaml~", "goals: [\n");
  t.write("plan/#goals.yaml#", "goals: [\n");
  t.write("plan/.hidden.yaml", "goals: [\n");
  t.write("plan/.git/x.yaml", "goals: [\n");
  fs::create_symlink("dana@host.1234:1700000000", t.path / "plan/.#goals.yaml");  // Emacs's lock
  auto es = find_plan_files((t.path / "plan").string());
  REQUIRE(es.size() == 1);
  CHECK(fs::path(es[0].path).filename() == "goals.yaml");
  LoadResult r = load_plan_dir((t.path / "plan").string());
  CHECK(r.diags.empty());
}

namespace {
// Runs `fn` as the unprivileged user nobody (65534) in a child process when this one is
// root, whom permission bits do not stop; returns what it wrote. Runs it here otherwise.
template <class Fn>
std::string as_unprivileged(Fn fn) {
  if (::geteuid() != 0) return fn();
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::close(fds[0]);
    std::string out = ::setgroups(0, nullptr) == 0 && ::setgid(65534) == 0 && ::setuid(65534) == 0
                          ? fn()
                          : std::string("cannot drop privileges");
    const char* p = out.data();
    for (std::size_t left = out.size(); left > 0;) {
      const ssize_t n = ::write(fds[1], p, left);
      if (n <= 0) break;
      p += n;
      left -= static_cast<std::size_t>(n);
    }
    ::_exit(0);
  }
  ::close(fds[1]);
  std::string out;
  char buf[4096];
  for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;)
    out.append(buf, static_cast<std::size_t>(n));
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return out;
}
}  // namespace

TEST_CASE("a folder that cannot be listed is reported as unreadable and the rest is read") {
  test::TempDir t;
  fs::permissions(t.path, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                              fs::perms::others_read | fs::perms::others_exec);
  t.write("plan/a.yaml", "goals: [{id: G1, title: One}]\n");
  t.write("plan/locked/b.yaml", "goals: [{id: G2, title: Two}]\n");
  t.write("plan/z/c.yaml", "goals: [{id: G3, title: Three}]\n");
  fs::permissions(t.path / "plan/locked", fs::perms::none);
  const std::string plan_dir = (t.path / "plan").string();
  const std::string out = as_unprivileged([&] {
    LoadResult r = load_plan_dir(plan_dir);
    std::string s = std::to_string(r.plan.goals.size()) + " goals;";
    for (const Diagnostic& d : r.diags) s += " " + d.code + " " + r.plan.files[d.loc.file];
    return s;
  });
  fs::permissions(t.path / "plan/locked", fs::perms::owner_all);  // so that it can be removed
  CAPTURE(out);
  CHECK(out.find("2 goals;") == 0);  // a.yaml and z/c.yaml
  CHECK(out.find(" unreadable ") != std::string::npos);
  CHECK(out.find("locked") != std::string::npos);
  CHECK(out.find("skipped-file") == std::string::npos);
}
