// The context of the roll-up summary (templates/workspace.*.mustache): the workspace
// report (workspace_report.*, the same writers, so the same names), plus the labels and
// fields derived for the templates: each unit's figures as shown, the units × shared goals
// grid with a level of completion in every cell, the stale activities by unit and the
// links to each unit's own summary. docs/templates.md lists them.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "render/report.hpp"
#include "render/template_data.hpp"
#include "render/workspace_view.hpp"

namespace plan {

// The file name of each unit's own summary beside the roll-up (`extension` "html" or
// "md"): its id, with anything but letters, digits, '.', '_' and '-' made '_', never
// "index" (the roll-up's own page) and never two alike, ignoring case (a folder on a
// case-insensitive file system).
std::vector<std::string> unit_page_names(const WorkspaceView& workspace,
                                         const std::string& extension);

// `pages`: each unit's page, like the units, "" for a unit that has none; empty when no
// unit pages are written (then nothing links to them). The workspace, the labels and the
// pages must outlive the context.
std::unique_ptr<TemplateContext> workspace_context(const WorkspaceView& workspace,
                                                   const Json& labels,
                                                   const std::vector<std::string>& pages);

}  // namespace plan
