// What the commands that show a workspace (status, render) share: the loaded workspace as
// the outputs read it (render/workspace_view.hpp), and the end of such a command.
#pragma once

#include <memory>

#include "pipeline/workspace.hpp"
#include "render/workspace_view.hpp"

namespace plan::cli {

// The view points into `ws`, which must outlive it.
WorkspaceView workspace_view(const Workspace& ws, const Date& as_of);

// Prints the errors (not warnings: `plan check` lists those) of the workspace file and of
// every unit, and returns the exit code: 2 for I/O errors, 1 for errors, else 0. The
// workspace is not freed (see finish in measured.hpp).
int finish(std::unique_ptr<Workspace>& ws);

}  // namespace plan::cli
