// libFuzzer target: a workspace file's bytes → the workspace loaded (its keys, globs,
// units, links across plans, the roll-up) → the status text and the JSON report. The units
// are a fixed small movement written once to a temporary folder: an HQ plan with two
// goals, and two units (by path and by glob) whose targets serve them, one with a link to
// a goal that does not exist. History is not read (it is the same walk `plan status` of
// one plan fuzzes nothing new with).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "cli/workspace_output.hpp"
#include "pipeline/workspace.hpp"
#include "render/json_sink.hpp"
#include "render/workspace_report.hpp"
#include "render/workspace_text.hpp"
#include "util/date.hpp"

namespace fs = std::filesystem;

namespace {

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

const char* kUnit =
    "plan: {title: Unit}\n"
    "goals: [{id: G1, title: Own goal}]\n"
    "targets:\n"
    "  - {id: T1, title: Serves HQ, goals: [hq:G1, hq:G9]}\n"
    "  - {id: T2, title: Own, goals: [G1]}\n"
    "sections:\n"
    "  - id: S1\n"
    "    title: Work\n"
    "    activities:\n"
    "      - {id: A1, title: Started, targets: [T1], status: in-progress, percent: 40}\n"
    "      - {id: A2, title: Counted, targets: [T2], measure: {planned: 5-6, actual: 3}}\n";

// The movement's folder, made once per process.
const fs::path& movement() {
  static const fs::path dir = [] {
    std::string t = (fs::temp_directory_path() / "plan-fuzz-workspace-XXXXXX").string();
    fs::path d = ::mkdtemp(t.data());
    write(d / "hq/plan/plan.yaml",
          "plan: {title: HQ, language: he}\n"
          "goals: [{id: G1, title: מטרה ראשונה}, {id: G2, title: Second}]\n"
          "targets: [{id: T1, title: HQ target, goals: [G1, G2]}]\n"
          "sections: [{id: S1, title: HQ work, activities: [{id: A1, title: Work, "
          "targets: [T1], status: done}]}]\n");
    write(d / "units/north/plan/plan.yaml", kUnit);
    write(d / "units/south/plan/plan.yaml", kUnit);
    return d;
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fs::path file = movement() / "plans.yaml";
  write(file, std::string(reinterpret_cast<const char*>(data), size));
  const plan::Date as_of = plan::parse_date("2009-06-01");
  plan::WorkspaceOptions options;
  options.history = false;
  auto ws = plan::load_workspace(file.string(), as_of, options);
  if (!ws) __builtin_trap();  // never null: an unreadable file is a diagnostic
  const plan::WorkspaceView view = plan::cli::workspace_view(*ws, as_of);
  const std::string text = plan::render_workspace_text(view, plan::TextLayout{60, {}});
  static std::FILE* sink_file = std::fopen("/dev/null", "w");
  {
    plan::JsonStreamSink sink(sink_file);
    plan::write_workspace_report(view, sink);
  }
  return text.empty() ? 1 : 0;
}
