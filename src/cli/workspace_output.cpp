#include "cli/workspace_output.hpp"

#include <cstdio>

#include "cli/as_of.hpp"
#include "cli/i18n.hpp"
#include "cli/measured.hpp"
#include "cli/pipeline.hpp"
#include "cli/terminal.hpp"
#include "util/visible.hpp"

namespace plan::cli {

std::unique_ptr<Workspace> measure_workspace(const std::string& file, const std::string& as_of_text,
                                             Date& as_of, bool history) {
  std::string error;
  as_of = resolve_as_of(as_of_text, error);
  if (!error.empty()) {
    write_text(stderr, error + "\n");
    return nullptr;
  }
  return load_workspace_or_explain(file, as_of, history);
}

WorkspaceView workspace_view(const Workspace& ws, const Date& as_of) {
  WorkspaceView v;
  v.title = ws.spec.title.value;
  v.language = ws.spec.language.value;
  v.file = ws.spec.files.size() > 1 ? ws.spec.files[1] : "";
  v.as_of = as_of;
  v.rollup = &ws.rollup;
  v.history_note = ws.history_note;
  // A unit whose history was not read says why, once for all (the pipeline says it in
  // history_note; this keeps "not known" from passing for "nothing stale" if it does not).
  // The English note stays data (the JSON's history_note); the terminal says it from the
  // flags in the workspace's language.
  for (const Unit& u : ws.units) {
    if (!u.plan || u.changes.known) continue;
    if (!v.history_note.empty() && u.changes.why_unknown != v.history_note) continue;
    v.history_not_read = u.changes.why_unknown.empty();
    v.no_repository = u.changes.no_repository;
    if (v.history_note.empty())
      v.history_note = v.history_not_read ? "history not read" : u.changes.why_unknown;
    break;
  }
  v.checks = {ws.errors, ws.warnings};
  v.diagnostics = &ws.diags;
  v.files = &ws.spec.files;
  v.translate = translate;
  v.messages_rtl = messages_rtl();
  for (const Unit& u : ws.units) {
    WorkspaceUnitView uv;
    uv.id = u.id;
    uv.title = u.title;
    uv.path = u.path;
    uv.weight = u.weight;
    if (u.plan) {
      uv.index = u.plan->checked->index.get();
      uv.stats = &u.plan->stats;
      uv.diagnostics = &u.plan->checked->diags;
    }
    uv.stale = &u.stale;
    uv.stale_after = u.stale_after;
    v.units.push_back(std::move(uv));
  }
  return v;
}

MessageArg history_reason(const char* name, const WorkspaceView& v) {
  if (v.history_not_read) return nested(name, message(N_("history not read")));
  if (v.no_repository) return nested(name, message(N_("not in a git repository")));
  return plan_text(name, visible(v.history_note));
}

}  // namespace plan::cli
