// Files read from git revisions obey the same size limits as files on disk, checked from
// the object's header before the blob is read.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "git/repository.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using namespace plan;

TEST_CASE("a file at a revision over the size limits is too-large, like one on disk") {
  test::TempDir g;
  g.sh(
      "git init -q . && git -c user.name=T -c user.email=t@example.org commit -q --allow-empty -m "
      "init");
  g.write("plan/a.yaml", "goals: [{id: G1, title: " + std::string(3000, 'x') + "}]\n");
  g.write("plan/b.yaml", "goals: [{id: G2, title: Two}]\n");
  g.sh("git add -A && git -c user.name=T -c user.email=t@example.org commit -q -m plan");
  plan::Message error;
  auto repo = Repository::open((g.path / "plan").string(), error);
  REQUIRE_MESSAGE(repo, render_message(error));
  auto head = repo->resolve("HEAD", error);
  REQUIRE(head);

  LoadOptions options;
  options.max_file_size = 2048;
  LoadResult r = repo->load(*head, error, options);
  REQUIRE(r.diags.size() == 1);
  CHECK(r.diags[0].code == "too-large");
  CHECK(r.diags[0].message.find("per file (PLAN_MAX_FILE_MB)") != std::string::npos);
  CHECK(r.plan.files[r.diags[0].loc.file].find("a.yaml") != std::string::npos);
  CHECK(r.plan.unread_files.size() == 1);
  REQUIRE(r.plan.goals.size() == 1);  // b.yaml was still read
  CHECK(r.plan.goals[0].id.value == "G2");
  CHECK(repo->parsed_files() == 1);  // a.yaml's blob was never parsed

  options.max_file_size = 1 << 20;
  options.max_total_size = 3050;
  r = repo->load(*head, error, options);
  REQUIRE(r.diags.size() == 1);
  CHECK(r.diags[0].code == "too-large");
  CHECK(r.diags[0].message.find("together") != std::string::npos);

  r = repo->load(*head, error);  // the default limits: all is read
  CHECK(r.diags.empty());
  CHECK(r.plan.goals.size() == 2);
}
