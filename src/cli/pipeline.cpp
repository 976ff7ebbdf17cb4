#include "cli/pipeline.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>

#include "util/text.hpp"
#include "util/visible.hpp"

namespace fs = std::filesystem;

namespace plan::cli {

std::string find_plan_dir(const GlobalOptions& global, std::string& error) {
  std::error_code ec;
  std::string dir = global.plan_dir;
  const char* origin = "--plan";
  if (dir.empty()) {
    if (const char* env = std::getenv("PLAN_DIR"); env && *env) {
      dir = env;
      origin = "PLAN_DIR";
    }
  }
  if (!dir.empty()) {
    if (!fs::is_directory(dir, ec)) {
      error = fmt::format("plan: {} names '{}', which {}", origin, dir,
                          fs::exists(dir, ec) ? "is not a folder" : "does not exist");
      return "";
    }
    return dir;
  }
  // As git finds .git: this folder, then each parent in turn.
  fs::path cwd = fs::current_path(ec);
  if (ec) {
    error = fmt::format("plan: cannot tell the current folder: {}", ec.message());
    return "";
  }
  for (fs::path p = cwd;; p = p.parent_path()) {
    if (fs::is_directory(p / "plan", ec)) return (p / "plan").lexically_proximate(cwd).string();
    if (p == p.root_path() || p.parent_path() == p) break;
  }
  error =
      "plan: no plan/ folder here or in any parent folder; give one with --plan DIR "
      "or PLAN_DIR";
  return "";
}

std::string plan_dir_or_explain(const GlobalOptions& global) {
  std::string error;
  std::string dir = find_plan_dir(global, error);
  if (dir.empty()) std::fprintf(stderr, "%s\n", error.c_str());
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
      error = fmt::format("plan: {} is '{}', but it must be a whole number of MiB from 1 to {}",
                          name, v, kMaxSizeLimitMb);
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
    std::fprintf(stderr, "%s\n", error.c_str());
    return nullptr;
  }
  return check_plan_dir(dir, limited);
}

void print_diagnostics(const CheckedPlan& c, DiagFormat format) {
  const auto& files = c.load.plan.files;
  switch (format) {
    case DiagFormat::json:
      std::fputs(format_json(files, c.diags).c_str(), stdout);
      return;
    case DiagFormat::github:
      for (const Diagnostic& d : c.diags) std::fputs(format_github(files, d).c_str(), stdout);
      return;
    case DiagFormat::text:
      for (const Diagnostic& d : c.diags) std::fputs(format_text(files, d).c_str(), stderr);
      return;
  }
}

const ItemRef* find_item_or_explain(const CheckedPlan& c, const std::string& id) {
  if (const ItemRef* r = c.index->find(id)) return r;
  std::vector<std::string> all;
  for (ItemKind k : {ItemKind::goal, ItemKind::target, ItemKind::section, ItemKind::activity})
    for (std::string& i : c.index->ids_of(k)) all.push_back(std::move(i));
  std::string hint = did_you_mean(id, all);
  std::fprintf(stderr, "plan: no goal, target, section or activity has id '%s'%s\n",
               visible(id).c_str(),
               hint.empty() ? "; 'plan list' shows the activities" : visible(hint).c_str());
  return nullptr;
}

int exit_code_for(const CheckedPlan& c) {
  if (c.io_error) return kUsage;
  return c.errors > 0 ? kPlanErrors : kOk;
}

}  // namespace plan::cli
