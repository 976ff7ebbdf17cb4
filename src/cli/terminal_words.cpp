#include "cli/terminal_words.hpp"

#include <cstdio>
#include <filesystem>

#include "cli/command.hpp"
#include "cli/terminal.hpp"

namespace plan::cli {

namespace {
// The labels read (or why not), pointed at by `layout`.
bool use_words(const Message& why, TextLayout& layout, TerminalLabels& labels) {
  if (!why.empty()) {
    write_text(stderr, plan_says(why));
    return false;
  }
  layout.labels = &labels;
  return true;
}
}  // namespace

bool use_plan_words(const std::string& plan_dir, const std::string& lang, const Plan& plan,
                    TextLayout& layout, TerminalLabels& labels) {
  Message why;
  labels = terminal_labels_for(plan_dir, lang, plan, layout.rtl, why);
  return use_words(why, layout, labels);
}

bool use_workspace_words(const std::string& workspace_file, const std::string& lang,
                         const WorkspaceView& view, TextLayout& layout, TerminalLabels& labels) {
  namespace fs = std::filesystem;
  // A workspace's templates/ folder is beside its plans.yaml (as for plan render).
  const std::string templates = (fs::absolute(workspace_file).parent_path() / "templates").string();
  Message why;
  labels = terminal_labels_in(templates, lang.empty() ? workspace_language(view) : lang, layout.rtl,
                              why);
  return use_words(why, layout, labels);
}

}  // namespace plan::cli
