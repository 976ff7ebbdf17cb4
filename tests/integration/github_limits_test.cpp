// `plan check --format github` within GitHub's limits: ten error and ten warning
// annotations, one notice for the rest, the rest as text lines, and the whole list
// appended to $GITHUB_STEP_SUMMARY as Markdown.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "run.hpp"

namespace fs = std::filesystem;
using namespace plan::test;

namespace {

std::size_t lines_starting(const std::string& text, const std::string& prefix) {
  std::size_t n = 0;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (line.rfind(prefix, 0) == 0) ++n;
  return n;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct TempDir {
  fs::path path;
  TempDir() {
    std::string t = (fs::temp_directory_path() / "plan-github-XXXXXX").string();
    path = ::mkdtemp(t.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::string check_in(const std::string& golden_case, const std::string& env) {
  return "cd '" + source("tests/golden/" + golden_case) + "' && env " + env + " " +
         plan_cmd("check --format github");
}

}  // namespace

TEST_CASE("github: 10 errors and 10 warnings annotated, the rest in the job summary") {
  TempDir tmp;
  const fs::path summary = tmp.path / "summary.md";
  std::ofstream(summary) << "earlier step\n";
  const Run r =
      run(check_in("format-github-limit", "GITHUB_STEP_SUMMARY='" + summary.string() + "'"));
  CHECK(r.status == 1);
  CHECK(lines_starting(r.out, "::error ") == 10);
  CHECK(lines_starting(r.out, "::warning ") == 10);
  REQUIRE(lines_starting(r.out, "::notice ") == 1);
  CHECK(r.out.find("2 more errors and 1 more warning not shown as annotations") !=
        std::string::npos);
  CHECK(r.out.find("see the job summary or the lines below") != std::string::npos);
  CHECK(lines_starting(r.out, "plan/plan.yaml:") == 3);  // the three left out, as text

  const std::string md = read(summary);
  CHECK(md.rfind("earlier step\n### plan check: 12 errors, 11 warnings\n", 0) == 0);
  CHECK(lines_starting(md, "| plan/plan.yaml:") == 23);  // every problem
  CHECK(md.find("'A12'") != std::string::npos);
  CHECK(md.find("'A23'") != std::string::npos);
}

TEST_CASE("github: within the limits, no notice, and the summary still has the list") {
  TempDir tmp;
  const fs::path summary = tmp.path / "summary.md";
  const Run r = run(check_in("format-github", "GITHUB_STEP_SUMMARY='" + summary.string() + "'"));
  CHECK(r.status == 1);
  CHECK(lines_starting(r.out, "::notice") == 0);
  CHECK(read(summary).find("### plan check: 1 error, 1 warning") != std::string::npos);
}

TEST_CASE("github: hostile plan text stays inert in annotations and the summary") {
  TempDir tmp;
  const fs::path summary = tmp.path / "summary.md";
  const Run r = run(check_in("format-sarif", "GITHUB_STEP_SUMMARY='" + summary.string() + "'"));
  CHECK(r.status == 1);
  // The target id's line break and workflow command are escaped, never a line of their own.
  CHECK(lines_starting(r.out, "::error::x") == 0);
  const std::string md = read(summary);
  CHECK(lines_starting(md, "::error") == 0);
  CHECK(md.find("\\=cmd") == std::string::npos);  // inside a cell, not at a line's start
  CHECK(md.find("| plan/plan.yaml:22:19 | error | unknown-target |") != std::string::npos);
  CHECK(md.find('\a') == std::string::npos);  // the BEL shown as \x07, as on a terminal
  CHECK(md.find("\\x07") != std::string::npos);
}

TEST_CASE("github: a summary that cannot be written is said, the check's result kept") {
  TempDir tmp;  // a folder cannot be appended to
  const Run r = run(
      check_in("format-github-limit", "GITHUB_STEP_SUMMARY='" + tmp.path.string() + "'") + " 2>&1");
  CHECK(r.status == 1);
  CHECK(r.out.find("plan: cannot append the problems to GITHUB_STEP_SUMMARY") != std::string::npos);
  CHECK(r.out.find("see the lines below") != std::string::npos);
  CHECK(lines_starting(r.out, "::error ") == 10);
}
