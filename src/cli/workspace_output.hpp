// What the commands that show a workspace (status, render) share: the loaded workspace as
// the outputs read it (render/workspace_view.hpp). Their end, finish(), is cli/pipeline's.
#pragma once

#include <memory>

#include "cli/pipeline.hpp"
#include "pipeline/workspace.hpp"
#include "render/workspace_view.hpp"

namespace plan::cli {

// The view points into `ws`, which must outlive it.
WorkspaceView workspace_view(const Workspace& ws, const Date& as_of);

}  // namespace plan::cli
