#include "cli/pipeline.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>

#include "cli/i18n.hpp"
#include "cli/terminal.hpp"
#include "render/diagnostics_markdown.hpp"
#include "render/gitlab_quality.hpp"
#include "render/sarif.hpp"
#include "util/text.hpp"
#include "util/visible.hpp"

namespace fs = std::filesystem;

#ifndef PLAN_VERSION
#error "PLAN_VERSION comes from the CMake project's version (CMakeLists.txt)"
#endif
#ifndef PLAN_DOCS_URL
#define PLAN_DOCS_URL ""
#endif

namespace plan::cli {

namespace {

// An error of the command line's, in the user's language: "plan: …" without the line break.
std::string error_of(const Message& m) {
  std::string line = plan_says(m);
  line.pop_back();
  return line;
}

// --workspace FILE|DIR or $PLAN_WORKSPACE: the workspace file it names, or "" with `error`.
std::string workspace_file_named(const std::string& given, const char* origin, std::string& error) {
  std::error_code ec;
  if (fs::is_directory(given, ec)) {
    const fs::path file = fs::path(given) / kWorkspaceFileName;
    if (fs::exists(file, ec)) return file.string();
    error = error_of(message(
        N_("{origin} names the folder '{folder}', which has no {file}"),
        {arg("origin", origin), plan_text("folder", given), arg("file", kWorkspaceFileName)}));
    return "";
  }
  if (!fs::exists(given, ec)) {
    error = error_of(message(N_("{origin} names '{path}', which does not exist"),
                             {arg("origin", origin), plan_text("path", given)}));
    return "";
  }
  return given;
}

std::string one_plan_only(const GlobalOptions& global, const char* origin,
                          const std::string& file) {
  const MessageArg who = global.command.empty() ? nested("command", message(N_("this command")))
                                                : arg("command", "plan " + global.command);
  if (!origin)
    return error_of(
        message(N_("{command} works on one plan, and the nearest is the workspace '{file}'; "
                   "name one of its plans with --plan DIR (a unit's plan folder)"),
                {who, plan_text("file", file)}));
  return error_of(
      message(N_("{command} works on one plan, and {origin} is the workspace '{file}'; name one "
                 "of its plans with --plan DIR (a unit's plan folder)"),
              {who, arg("origin", origin), plan_text("file", file)}));
}

}  // namespace

bool find_input(const GlobalOptions& global, Accepts accepts, Input& out, std::string& error) {
  std::error_code ec;
  out = {};
  if (!global.plan_dir.empty() && !global.workspace.empty()) {
    error = error_of(
        message(N_("--plan and --workspace cannot be given together: --plan names one plan, "
                   "--workspace a workspace of many")));
    return false;
  }
  std::string dir = global.plan_dir;
  const char* origin = "--plan";
  if (dir.empty()) {
    std::string ws = global.workspace;
    const char* ws_origin = "--workspace";
    // The variable is a default for the commands over a workspace: one of one plan goes on
    // to PLAN_DIR and the folders upwards, as without it.
    if (ws.empty() && accepts == Accepts::plan_or_workspace)
      if (const char* env = std::getenv("PLAN_WORKSPACE"); env && *env) {
        ws = env;
        ws_origin = "PLAN_WORKSPACE";
      }
    if (!ws.empty()) {
      const std::string file = workspace_file_named(ws, ws_origin, error);
      if (file.empty()) return false;
      if (accepts == Accepts::one_plan) {
        error = one_plan_only(global, ws_origin, file);
        return false;
      }
      out.workspace_file = file;
      return true;
    }
    if (const char* env = std::getenv("PLAN_DIR"); env && *env) {
      dir = env;
      origin = "PLAN_DIR";
    }
  }
  if (!dir.empty()) {
    if (!fs::is_directory(dir, ec)) {
      error = error_of(fs::exists(dir, ec)
                           ? message(N_("{origin} names '{path}', which is not a folder"),
                                     {arg("origin", origin), plan_text("path", dir)})
                           : message(N_("{origin} names '{path}', which does not exist"),
                                     {arg("origin", origin), plan_text("path", dir)}));
      return false;
    }
    out.plan_dir = dir;
    return true;
  }
  // As git finds .git: this folder, then each parent in turn.
  fs::path cwd = fs::current_path(ec);
  if (ec) {
    error = error_of(
        message(N_("cannot tell the current folder: {reason}"), {arg("reason", ec.message())}));
    return false;
  }
  for (fs::path p = cwd;; p = p.parent_path()) {
    const bool has_plan = fs::is_directory(p / "plan", ec);
    const bool has_workspace = fs::is_regular_file(p / kWorkspaceFileName, ec);
    if (has_workspace && !(has_plan && accepts == Accepts::one_plan)) {
      const std::string file = (p / kWorkspaceFileName).lexically_proximate(cwd).string();
      if (accepts == Accepts::one_plan) {
        error = one_plan_only(global, nullptr, file);
        return false;
      }
      out.workspace_file = file;
      return true;
    }
    if (has_plan) {
      out.plan_dir = (p / "plan").lexically_proximate(cwd).string();
      return true;
    }
    if (p == p.root_path() || p.parent_path() == p) break;
  }
  error =
      error_of(message(N_("no plan/ folder or {file} here or in any parent folder; give one with "
                          "--plan DIR or PLAN_DIR (one plan), or --workspace FILE (many)"),
                       {arg("file", kWorkspaceFileName)}));
  return false;
}

std::string find_plan_dir(const GlobalOptions& global, std::string& error) {
  Input in;
  if (!find_input(global, Accepts::one_plan, in, error)) return "";
  return in.plan_dir;
}

std::string plan_dir_or_explain(const GlobalOptions& global) {
  std::string error;
  std::string dir = find_plan_dir(global, error);
  if (dir.empty()) write_text(stderr, error + "\n");
  return dir;
}

std::optional<std::size_t> parse_size_limit_mb(const char* text) {
  // Digits only: no sign, no space, no "0x", no unit; leading zeros are harmless.
  std::size_t mb = 0;
  if (!text || !*text) return std::nullopt;
  for (const char* p = text; *p; ++p) {
    if (*p < '0' || *p > '9') return std::nullopt;
    mb = mb * 10 + static_cast<std::size_t>(*p - '0');
    if (mb > kMaxSizeLimitMb) return std::nullopt;  // also stops any overflow
  }
  if (mb == 0) return std::nullopt;
  return mb;
}

bool size_limits_from_env(LoadOptions& options, std::string& error) {
  for (auto [name, field] : {std::pair{"PLAN_MAX_FILE_MB", &LoadOptions::max_file_size},
                             std::pair{"PLAN_MAX_TOTAL_MB", &LoadOptions::max_total_size}}) {
    const char* v = std::getenv(name);
    if (!v || !*v) continue;  // set but empty counts as not set, as with NO_COLOR
    const auto mb = parse_size_limit_mb(v);
    if (!mb) {
      error = error_of(
          message(N_("{name} is '{value}', but it must be a whole number of MiB from 1 to {max}"),
                  {arg("name", name), plan_text("value", visible(v)),
                   arg("max", static_cast<unsigned long long>(kMaxSizeLimitMb))}));
      return false;
    }
    options.*field = *mb << 20;
  }
  return true;
}

std::unique_ptr<CheckedPlan> load_and_check(const GlobalOptions& global,
                                            const LoadOptions& options) {
  const std::string dir = plan_dir_or_explain(global);
  if (dir.empty()) return nullptr;
  LoadOptions limited = options;
  std::string error;
  if (!size_limits_from_env(limited, error)) {
    write_text(stderr, error + "\n");
    return nullptr;
  }
  auto checked = check_plan_dir(dir, limited);
  check_across_alone(*checked, dir, limited);
  return checked;
}

std::unique_ptr<Workspace> load_workspace_or_explain(const std::string& file, const Date& as_of,
                                                     bool history) {
  WorkspaceOptions options;
  std::string error;
  if (!size_limits_from_env(options.limits, error)) {
    write_text(stderr, error + "\n");
    return nullptr;
  }
  const char* env = std::getenv("PLAN_HISTORY");
  options.history = history && !(env && std::string(env) == "0");
  return load_workspace(file, as_of, options);
}

namespace {

// `d` with its file indexes moved by `offset`, its notes too.
Diagnostic shifted(Diagnostic d, std::uint32_t offset) {
  d.loc.file += offset;
  for (Diagnostic& n : d.notes) n.loc.file += offset;
  return d;
}

}  // namespace

namespace {

// --format github: GitHub shows at most kMaxAnnotations error and as many warning
// annotations per step and drops the rest unseen, so those past the limit are printed as
// text lines (escaped: no line of the plan's text can be a workflow command) after one
// notice that says how many there are and where the whole list is.
void print_github(const std::vector<DiagnosticGroup>& groups) {
  std::size_t shown_errors = 0, shown_warnings = 0, errors = 0, warnings = 0;
  std::string rest;
  for (const DiagnosticGroup& g : groups)
    for (const Diagnostic& d : *g.diags) {
      if (d.severity != Severity::note) {
        const bool error = d.severity == Severity::error;
        ++(error ? errors : warnings);
        std::size_t& shown = error ? shown_errors : shown_warnings;
        if (shown >= kMaxAnnotations) {
          rest += text_of(*g.files, d);
          continue;
        }
        ++shown;
      }
      std::fputs(format_github(*g.files, d, translate, messages_rtl()).c_str(), stdout);
    }
  // The whole list in the job summary first, so that the notice says only where it is.
  bool in_summary = false;
  const char* summary = std::getenv("GITHUB_STEP_SUMMARY");
  if (summary && *summary && errors + warnings > 0) {
    std::FILE* f = std::fopen(summary, "a");
    const std::string markdown = diagnostics_markdown(groups, translate, messages_rtl());
    in_summary = f && std::fwrite(markdown.data(), 1, markdown.size(), f) == markdown.size();
    if (f && std::fclose(f) != 0) in_summary = false;
    // The log has every problem: a summary that cannot be written is said, not made an
    // error of the plan's.
    if (!in_summary)
      write_text(stderr, plan_says(message(
                             N_("cannot append the problems to GITHUB_STEP_SUMMARY ('{path}')"),
                             {plan_text("path", visible(summary))})));
  }
  if (rest.empty()) return;
  const std::size_t more_errors = errors - shown_errors;
  const std::size_t more_warnings = warnings - shown_warnings;
  const Message more_e =
      plural_message("{n} more error", "{n} more errors", more_errors, {arg("n", more_errors)});
  const Message more_w = plural_message("{n} more warning", "{n} more warnings", more_warnings,
                                        {arg("n", more_warnings)});
  const Message more = more_errors == 0 ? more_w
                       : more_warnings == 0
                           ? more_e
                           : message(N_("{errors} and {warnings}"),
                                     {nested("errors", more_e), nested("warnings", more_w)});
  // The notice's text in the user's language, as the annotations' messages; on one line,
  // since a workflow command ends at the line's end.
  const Message notice =
      in_summary ? message(N_("{more} not shown as annotations (GitHub shows {max} errors and "
                              "{max} warnings a step): see the job summary or the lines below"),
                           {nested("more", more), arg("max", kMaxAnnotations)})
                 : message(N_("{more} not shown as annotations (GitHub shows {max} errors and "
                              "{max} warnings a step): see the lines below"),
                           {nested("more", more), arg("max", kMaxAnnotations)});
  std::fputs(("::notice title=plan check::" + text_of(notice) + "\n").c_str(), stdout);
  std::fputs(rest.c_str(), stdout);
}

void print_document(const std::vector<DiagnosticGroup>& groups, DiagFormat format) {
  switch (format) {
    case DiagFormat::sarif:
      std::fputs(format_sarif(groups, SarifTool{PLAN_VERSION, PLAN_DOCS_URL}).c_str(), stdout);
      return;
    case DiagFormat::gitlab:
      std::fputs(format_gitlab_quality(groups).c_str(), stdout);
      return;
    case DiagFormat::github:
      print_github(groups);
      return;
    case DiagFormat::json:
    case DiagFormat::text:
      return;  // printed by the callers
  }
}

}  // namespace

void print_diagnostics(const Workspace& ws, DiagFormat format) {
  if (format == DiagFormat::sarif || format == DiagFormat::gitlab || format == DiagFormat::github) {
    std::vector<DiagnosticGroup> groups{{&ws.spec.files, &ws.diags}};
    for (const Unit& u : ws.units)
      if (u.plan) groups.push_back({&u.plan->checked->load.plan.files, &u.plan->checked->diags});
    print_document(groups, format);
    return;
  }
  if (format == DiagFormat::json) {
    // One list: the files of the workspace and of every unit, one after another.
    std::vector<std::string> files = ws.spec.files;
    Diagnostics all = ws.diags;
    for (const Unit& u : ws.units) {
      if (!u.plan) continue;
      const CheckedPlan& c = *u.plan->checked;
      const auto offset = static_cast<std::uint32_t>(files.size());
      files.insert(files.end(), c.load.plan.files.begin(), c.load.plan.files.end());
      for (const Diagnostic& d : c.diags) all.push_back(shifted(d, offset));
    }
    std::fputs(format_json(files, all).c_str(), stdout);
    return;
  }
  auto each = [&](const std::vector<std::string>& files, const Diagnostics& diags) {
    for (const Diagnostic& d : diags) write_text(stderr, text_of(files, d));
  };
  each(ws.spec.files, ws.diags);
  for (const Unit& u : ws.units)
    if (u.plan) each(u.plan->checked->load.plan.files, u.plan->checked->diags);
}

int finish(std::unique_ptr<Workspace>& ws) {
  auto errors = [](const std::vector<std::string>& files, const Diagnostics& diags) {
    for (const Diagnostic& d : diags)
      if (d.severity == Severity::error) write_text(stderr, text_of(files, d));
  };
  errors(ws->spec.files, ws->diags);
  for (const Unit& u : ws->units)
    if (u.plan) errors(u.plan->checked->load.plan.files, u.plan->checked->diags);
  const int code = exit_code_for(*ws);
#if !defined(__SANITIZE_ADDRESS__)
  static_cast<void>(ws.release());  // freed by the process's end, far faster (measured.hpp)
#endif
  return code;
}

int exit_code_for(const Workspace& ws) {
  if (ws.io_error) return kUsage;
  return ws.errors > 0 ? kPlanErrors : kOk;
}

void print_diagnostics(const CheckedPlan& c, DiagFormat format) {
  const auto& files = c.load.plan.files;
  switch (format) {
    case DiagFormat::json:
      std::fputs(format_json(files, c.diags).c_str(), stdout);
      return;
    case DiagFormat::github:
    case DiagFormat::sarif:
    case DiagFormat::gitlab:
      print_document({{&files, &c.diags}}, format);
      return;
    case DiagFormat::text:
      for (const Diagnostic& d : c.diags) write_text(stderr, text_of(files, d));
      return;
  }
}

Message no_item_with_id(const CheckedPlan& c, const std::string& id) {
  std::vector<std::string> all;
  for (ItemKind k : {ItemKind::goal, ItemKind::target, ItemKind::section, ItemKind::activity})
    for (std::string& i : c.index->ids_of(k)) all.push_back(std::move(i));
  Message hint = did_you_mean_message(visible(closest_match(id, all)));
  if (hint.empty()) hint = message(N_("; 'plan list' shows the activities"));
  return message(N_("no goal, target, section or activity has id '{id}'{hint}"),
                 {plan_text("id", visible(id)), nested("hint", std::move(hint))});
}

const ItemRef* find_item_or_explain(const CheckedPlan& c, const std::string& id) {
  if (const ItemRef* r = c.index->find(id)) return r;
  write_text(stderr, plan_says(no_item_with_id(c, id)));
  return nullptr;
}

int exit_code_for(const CheckedPlan& c) {
  if (c.io_error) return kUsage;
  return c.errors > 0 ? kPlanErrors : kOk;
}

}  // namespace plan::cli
