// The command line as a whole: every command's help reads the same way, and the options
// every command shares mean the same before and after the command's name.
#include <doctest/doctest.h>

#include <string>

#include "cli/command.hpp"
#include "run.hpp"

using namespace plan::test;

TEST_CASE("every command's help has a usage line and an example, and no CLI11 jargon") {
  for (const plan::cli::Command& c : plan::cli::commands()) {
    CAPTURE(c.name);
    Run r = run(plan_cmd(std::string("help ") + c.name));
    CHECK(r.status == 0);
    CHECK(r.out.find(std::string("Usage: plan ") + c.name + " [OPTIONS]") != std::string::npos);
    CHECK(r.out.find("Example") != std::string::npos);
    CHECK(r.out.find("plan " + std::string(c.name)) != std::string::npos);
    for (const char* jargon :
         {" TEXT", " INT", "(0x)", "REQUIRED", "Run 'plan COMMAND --help'", "Subcommands"}) {
      CAPTURE(jargon);
      CHECK(r.out.find(jargon) == std::string::npos);
    }
    // --help after the command says the same.
    CHECK(run(plan_cmd(std::string(c.name) + " --help")).out == r.out);
  }
}

TEST_CASE("shared options mean the same before the command's name as after it") {
  const std::string dir = "--plan " + source("plan") + " ";
  const std::pair<const char*, const char*> pairs[] = {
      {"--as-of 2009-06-01 --json status", "status --as-of 2009-06-01 --json"},
      {"--json --as-of 2009-06-01 list", "list --json --as-of 2009-06-01"},
      {"--as-of 2009-06-01 show G1 --json", "show G1 --json --as-of 2009-06-01"},
      {"--color always --as-of 2009-06-01 trace G1", "trace G1 --color=always --as-of=2009-06-01"},
      {"--json check", "check --format json"},
  };
  for (const auto& [before, after] : pairs) {
    CAPTURE(before);
    Run b = run(plan_cmd(dir + before));
    Run a = run(plan_cmd(dir + after));
    CHECK(b.status == a.status);
    CHECK(b.out == a.out);
    CHECK(b.out.size() > 2);
  }
}
