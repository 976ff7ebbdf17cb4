// `plan status` over a workspace, for a terminal: the movement's completion, a table of
// units, each shared goal with the units that serve it, the units that serve none, and
// who has not updated. Laid out like the single plan's status (status_text.*).
#pragma once

#include <string>

#include "render/status_text.hpp"
#include "render/workspace_view.hpp"

namespace plan {

std::string render_workspace_text(const WorkspaceView& workspace, const TextLayout& layout);

}  // namespace plan
