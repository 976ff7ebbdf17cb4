// `plan status --json` over a workspace: the single-plan report's keys that describe the
// whole (as_of, plan, completion, pace, pace_mark, counts, checks) for the movement, plus
// `units`, `shared_goals`, `serving_none`, `stale` and `history_note`. README documents
// each. Written to a sink, like the single-plan report (render/report.*).
#pragma once

#include <cstddef>

#include "render/json_sink.hpp"
#include "render/report.hpp"
#include "render/workspace_view.hpp"

namespace plan {

void write_workspace_report(const WorkspaceView& workspace, JsonSink& sink);
Json build_workspace_report(const WorkspaceView& workspace);

// The report's parts, for the roll-up summary's context, which builds its lists item by
// item. The keys before the lists (as_of … counts) and after them (serving_none,
// history_note, checks) are written into an object the caller has opened.
void write_workspace_overview_fields(JsonSink& sink, const WorkspaceView& workspace);
void write_workspace_closing_fields(JsonSink& sink, const WorkspaceView& workspace);
void write_workspace_unit(JsonSink& sink, const WorkspaceView& workspace, std::size_t unit);
void write_shared_goal(JsonSink& sink, const WorkspaceView& workspace, std::size_t goal);
void write_stale_activity(JsonSink& sink, const WorkspaceView& workspace, std::size_t unit,
                          const StaleActivity& stale);

}  // namespace plan
