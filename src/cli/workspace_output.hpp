// What the commands that show a workspace (status, render) share: the loaded workspace as
// the outputs read it (render/workspace_view.hpp). Their end, finish(), is cli/pipeline's.
#pragma once

#include <memory>
#include <string>

#include "cli/pipeline.hpp"
#include "pipeline/workspace.hpp"
#include "render/workspace_view.hpp"

namespace plan::cli {

// The start of a reporting command over a workspace: --as-of resolved (its text as given,
// into `as_of`), then the workspace loaded as of it (history unless `history` is false).
// Null after printing why (a bad --as-of, a bad size limit): the caller exits 2.
std::unique_ptr<Workspace> measure_workspace(const std::string& file, const std::string& as_of_text,
                                             Date& as_of, bool history = true);

// The view points into `ws`, which must outlive it.
WorkspaceView workspace_view(const Workspace& ws, const Date& as_of);

// Why the view's staleness is not known, for a person, as the message argument `name`:
// "history not read", "not in a git repository" (translated), or git's own words (plan text).
MessageArg history_reason(const char* name, const WorkspaceView& view);

}  // namespace plan::cli
