#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/command.hpp"
#include "util/text.hpp"

namespace plan::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table{
      {"check", "Validate the plan and report every problem with its file and line", setup_check},
      {"status", "Show how far each goal has come, what is late, and what is broken", setup_status},
      {"trace", "Show the chain of links through one goal, target, section or activity", setup_trace},
      {"show", "Show one item with every field, its completion and its links", setup_show},
      {"list", "List activities, filtered by status, owner, section, target, goal or lateness", setup_list},
      {"render", "Render a Markdown or HTML summary from a Mustache template", setup_render},
      {"set", "Change fields of one activity in place, keeping every comment", setup_set},
      {"schema", "Print the JSON Schema of the plan format (--plan: one that knows the plan's ids)", setup_schema},
      {"diff", "Show what moved between two revisions of the plan (default: HEAD and the working tree)", setup_diff},
      {"history", "Show the plan's completion at every commit that changed it", setup_history},
      {"init", "Create a new plan repository: a starter plan, its schema and a CI workflow", setup_init},
  };
  return table;
}

// CLI11 says "The following argument was not expected: chek"; say what was probably meant.
static std::string unknown_command_hint(int argc, char** argv) {
  std::vector<std::string> names;
  for (const Command& c : commands()) names.push_back(c.name);
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--plan") {
      ++i;
      continue;
    }
    if (a.empty() || a[0] == '-') continue;
    for (const std::string& n : names)
      if (n == a) return "";
    std::string best = closest_match(a, names);
    return fmt::format("plan: '{}' is not a command{}\n", a,
                       best.empty() ? "; see 'plan --help'" : fmt::format("; did you mean '{}'?", best));
  }
  return "";
}

int run(int argc, char** argv) {
  CLI::App app{"plan: an organisation's work plan as YAML files under version control", "plan"};
  app.set_version_flag("--version", "plan 0.1.0");
  app.require_subcommand(1);
  app.fallthrough();  // `plan check --plan DIR` works as well as `plan --plan DIR check`
  GlobalOptions global;
  app.add_option("--plan", global.plan_dir,
                 "The plan folder (default: $PLAN_DIR, else the nearest plan/ folder in this "
                 "folder or a parent)");
  app.footer(
      "Exit codes: 0 fine, 1 the plan has errors, 2 usage or I/O error.\n"
      "Run 'plan COMMAND --help' for a command's options.");

  std::vector<std::pair<CLI::App*, Runner>> runners;
  for (const Command& c : commands()) {
    CLI::App* sub = app.add_subcommand(c.name, c.summary);
    runners.emplace_back(sub, c.setup(*sub));
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    std::string hint = unknown_command_hint(argc, argv);
    if (!hint.empty()) {
      std::fputs(hint.c_str(), stderr);
      return kUsage;
    }
    app.exit(e);
    return kUsage;
  }
  for (auto& [sub, runner] : runners)
    if (sub->parsed()) return runner(global);
  return kUsage;
}

}  // namespace plan::cli
