// The command layer: the only code that prints or decides an exit code.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace plan {
struct Message;
}

namespace plan::cli {

// A line of the command line's own for a person: "plan: ", the message in the user's
// language, a newline.
std::string plan_says(const Message& m);

// Exit codes of the command-line contract.
enum Exit : int { kOk = 0, kPlanErrors = 1, kUsage = 2 };

struct GlobalOptions {
  std::string plan_dir;  // --plan; empty: PLAN_DIR, then the nearest plan/ folder upwards
  // --workspace FILE|DIR; empty: PLAN_WORKSPACE, then the nearest plans.yaml upwards (when
  // no plan folder is named). See find_input in pipeline.hpp.
  std::string workspace;
  std::string command;  // the command's name, for messages ("plan trace works on one plan")
};

using Runner = std::function<int(const GlobalOptions&)>;

// One row of the command table: it drives dispatch, `plan --help`, `plan help NAME` and
// "did you mean".
struct Command {
  const char* name;
  const char* summary;                // a sentence
  const char* operands;               // after "plan NAME [OPTIONS]" in the usage line
  std::vector<std::string> examples;  // shown under the command's help
  // Declares the command's options on its subcommand and returns what runs it.
  Runner (*setup)(CLI::App& sub);
};

const std::vector<Command>& commands();

// One setup function per subcommand, each in its own file.
Runner setup_check(CLI::App& sub);
Runner setup_status(CLI::App& sub);
Runner setup_trace(CLI::App& sub);
Runner setup_show(CLI::App& sub);
Runner setup_list(CLI::App& sub);
Runner setup_render(CLI::App& sub);
Runner setup_export(CLI::App& sub);
Runner setup_set(CLI::App& sub);
Runner setup_add(CLI::App& sub);
Runner setup_rename(CLI::App& sub);
Runner setup_import(CLI::App& sub);
Runner setup_schema(CLI::App& sub);
Runner setup_init(CLI::App& sub);
Runner setup_diff(CLI::App& sub);
Runner setup_history(CLI::App& sub);
Runner setup_lsp(CLI::App& sub);

int run(int argc, char** argv);

}  // namespace plan::cli
