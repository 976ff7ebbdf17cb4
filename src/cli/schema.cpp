// `plan schema`: the JSON Schema of the file format, for editors; with --plan, one that
// knows the plan's goal and target ids.
#include <cstdio>
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/command.hpp"
#include "cli/i18n.hpp"
#include "cli/measured.hpp"
#include "cli/pipeline.hpp"
#include "cli/terminal.hpp"
#include "render/embedded.hpp"
#include "render/report.hpp"
#include "util/atomic_write.hpp"

namespace plan::cli {

namespace {
struct SchemaOptions {
  bool for_plan = false;
  std::string output;
};

Json base_schema() {
  for (const EmbeddedFile& f : embedded_schema_files())
    if (f.path == "plan.schema.json") return Json::parse(f.content);
  return Json::object();
}

// The ids that exist, each with its title, as the only values a reference may take.
Json choices(const std::vector<std::pair<std::string, std::string>>& items, const char* what,
             bool qualified = false) {
  Json any = Json::array();
  for (const auto& [id, title] : items) any.push_back({{"const", id}, {"description", title}});
  if (any.empty()) return {{"$ref", "#/$defs/idRef"}};
  // A target may serve a goal of another unit of its workspace (`hq:G2`).
  if (qualified)
    any.push_back({{"type", "string"},
                   {"pattern", "^[A-Za-z][A-Za-z0-9._-]*:[A-Za-z][A-Za-z0-9._-]*$"},
                   {"description", "A goal of another unit's plan in the workspace: unit:goal."}});
  return {{"description", fmt::format("The id of one of the plan's {}.", what)}, {"anyOf", any}};
}
}  // namespace

Runner setup_schema(CLI::App& sub) {
  auto opts = std::make_shared<SchemaOptions>();
  sub.add_flag("--plan,--for-plan", opts->for_plan,
               tr("Specialise the schema to the plan (its goal and target ids); the plan folder is "
                  "found as usual, or given before the command: plan --plan DIR schema --plan"));
  sub.add_option("--output", opts->output,
                 tr("Write the schema here (atomically) instead of stdout"));
  return [opts](const GlobalOptions& global) {
    Json schema = base_schema();
    if (opts->for_plan) {
      auto checked = load_and_check(global);
      if (!checked) return int{kUsage};
      const Plan& p = checked->load.plan;
      std::vector<std::pair<std::string, std::string>> goals, targets;
      for (const Goal& g : p.goals)
        if (g.id.given()) goals.emplace_back(g.id.value, g.title.value);
      for (const Target& t : p.targets)
        if (t.id.given()) targets.emplace_back(t.id.value, t.title.value);
      // A plan with no goals of its own keeps the base goalRef: its targets serve other
      // units' goals (`hq:G2`).
      if (!goals.empty()) schema["$defs"]["goalRef"] = choices(goals, "goals", /*qualified=*/true);
      schema["$defs"]["targetRef"] = choices(targets, "targets");
      schema["$comment"] =
          "Specialised to one plan by `plan schema --plan`; regenerate it when goals or targets "
          "change.";
      keep_until_exit(checked);
    }
    const std::string text = schema.dump(2) + "\n";
    if (opts->output.empty()) {
      std::fputs(text.c_str(), stdout);
      return int{kOk};
    }
    std::string error;
    if (!write_file_atomically(opts->output, text, error)) {
      write_text(stderr,
                 plan_says(message(N_("cannot write {file}: {reason}"),
                                   {plan_text("file", opts->output), plan_text("reason", error)})));
      return int{kUsage};
    }
    return int{kOk};
  };
}

}  // namespace plan::cli
