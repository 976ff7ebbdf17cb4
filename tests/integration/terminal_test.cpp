// `plan status` in a real terminal: tmux runs it on a pseudo-terminal, so it colours its
// output, and the screen tmux keeps is read back to check that the columns line up around
// a Hebrew title of several words with niqqud.
#include <doctest/doctest.h>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "render/terminal_text.hpp"
#include "run.hpp"

namespace {
std::string run(const std::string& command) { return plan::test::run(command).out; }

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1)
    out.push_back(text.substr(start, nl - start));
  return out;
}

// The display column (in cells) where `needle` starts in `line`.
std::size_t column_of(const std::string& line, const std::string& needle) {
  std::size_t at = line.find(needle);
  REQUIRE(at != std::string::npos);
  return plan::display_width(line.substr(0, at));
}
}  // namespace

TEST_CASE("terminal: status in tmux is coloured and aligned around Hebrew titles") {
  REQUIRE_MESSAGE(run("command -v tmux") != "", "tmux is needed (scripts/setup.sh installs it)");
  const std::string server = "plan-test-" + std::to_string(::getpid());
  const std::string tmux = "tmux -u -L " + server + " ";
  const std::string plan_cmd = std::string("env -u NO_COLOR TERM=xterm-256color LANG=C.UTF-8 ") +
                               PLAN_BINARY + " --plan " + PLAN_SOURCE_DIR +
                               "/tests/golden/hebrew-ids-status/plan status --as-of 2009-06-01";
  run(tmux + "new-session -d -x 100 -y 40 \"" + plan_cmd + "; sleep 60\" 2>&1");

  std::string plain, coloured;
  for (int i = 0; i < 100 && plain.find("Check:") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    plain = run(tmux + "capture-pane -p 2>&1");
  }
  coloured = run(tmux + "capture-pane -p -e 2>&1");
  run(tmux + "kill-server 2>&1");
  std::ofstream(std::string(PLAN_ARTIFACT_DIR) + "/terminal-status.txt") << coloured;

  REQUIRE(plain.find("Check:") != std::string::npos);
  CHECK(coloured.find("\x1b[") != std::string::npos);  // coloured on a terminal
  CHECK(plain.find("\x1b[") == std::string::npos);

  std::vector<std::string> goals;
  for (const std::string& l : lines(plain))
    if (l.rfind("  G", 0) == 0 && l.find('/') != std::string::npos) goals.push_back(l);  // not the gaps
  REQUIRE(goals.size() == 3);
  CHECK(goals[0].find("שָׁלוֹם בַּקִּבּוּץ") != std::string::npos);  // the niqqud came through whole
  for (const std::string& g : goals) {
    CAPTURE(g);
    // The percent cell ends in '%', or in '–' for a goal with nothing to measure.
    const std::string end = g.find('%') != std::string::npos ? "%" : "–";
    CHECK(column_of(g, end) == column_of(goals[1], "%"));
    // The counts column ends at the same cell, and the title starts right after it.
    CHECK(column_of(g, "/") == column_of(goals[1], "/"));
    CHECK(plan::display_width(g) <= 100);
  }
}
