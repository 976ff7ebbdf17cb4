// The words a terminal command writes its text in: the labels of the plan's language (or
// --lang), set on the command's layout. Shared by status, list, trace, show, diff and history.
#pragma once

#include <string>

#include "model.hpp"
#include "render/status_text.hpp"
#include "render/terminal_labels.hpp"
#include "render/workspace_view.hpp"

namespace plan::cli {

// Reads into `labels` the words for `plan` (from `plan_dir`'s repository first, as for the
// summaries), in `lang` or else the plan's language, and points `layout` at them, mirrored
// for a right-to-left language. False after saying why on stderr (a labels file that is not
// JSON): the command then exits 2.
bool use_plan_words(const std::string& plan_dir, const std::string& lang, const Plan& plan,
                    TextLayout& layout, TerminalLabels& labels);

// The same for a workspace (status and list over plans.yaml): `lang`, else the workspace's
// language, else its first unit plan's (as plan render and the JSON report choose), from
// the templates folder beside `workspace_file` first.
bool use_workspace_words(const std::string& workspace_file, const std::string& lang,
                         const WorkspaceView& view, TextLayout& layout, TerminalLabels& labels);

}  // namespace plan::cli
