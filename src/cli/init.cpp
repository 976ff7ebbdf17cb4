// `plan init [DIR]`: a new plan repository: a plan/ folder that teaches the format, the
// schema its files point editors at, a .gitignore and an example CI workflow.
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/as_of.hpp"
#include "cli/command.hpp"
#include "cli/i18n.hpp"
#include "cli/terminal.hpp"
#include "edit/yaml_fill.hpp"
#include "git/init_repository.hpp"
#include "render/embedded.hpp"
#include "util/atomic_write.hpp"

// Where the CI workflow that `plan init` writes gets the tool's source: set when the tool
// is built (CMake's PLAN_SOURCE_REPOSITORY, by default the source tree's `origin`).
#ifndef PLAN_SOURCE_REPOSITORY
#define PLAN_SOURCE_REPOSITORY ""
#endif

namespace fs = std::filesystem;

namespace plan::cli {

namespace {
struct InitOptions {
  std::string dir = ".";
  std::string lang = "en";
  std::string tool_repository = PLAN_SOURCE_REPOSITORY;
};

// Why `rel` cannot be written under `dir` without touching anything that is there, or an
// empty message: the file exists, a folder on its way is a file, or a link on its way
// leaves `dir`.
Message blocked(const fs::path& dir, const std::string& rel) {
  const fs::path p = dir / rel;
  const std::string path = p.lexically_normal().string();
  struct stat st {};
  if (::lstat(p.c_str(), &st) == 0) return message(N_("{path} exists"), {plan_text("path", path)});
  fs::path at = dir;
  for (const fs::path& part : fs::path(rel).parent_path()) {
    for (int i = 0; i < 2; ++i) {  // the folder, then the part under it
      if (i == 1) at /= part;
      if (::stat(at.c_str(), &st) == 0 && !S_ISDIR(st.st_mode))
        return message(
            N_("{path} cannot be created: {file} is a file, not a folder"),
            {plan_text("path", path), plan_text("file", at.lexically_normal().string())});
    }
  }
  std::string error;
  if (!check_folder_links(p.string(), dir.string(), error))
    return message(N_("{path} cannot be written: {reason}"),
                   {plan_text("path", path), arg("reason", error)});
  return {};
}

bool ends_with(const std::string& s, std::string_view end) {
  return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}
}  // namespace

Runner setup_init(CLI::App& sub) {
  auto opts = std::make_shared<InitOptions>();
  sub.add_option("DIR", opts->dir, tr("Where to create the plan repository (default: here)"));
  sub.add_option("--lang", opts->lang, tr("The language of the starter text: en or he"))
      ->check(CLI::IsMember({"en", "he"}));
  sub.add_option("--tool-repository", opts->tool_repository,
                 tr("The git address the CI workflow builds `plan` from (default: where this build "
                    "came from)"));
  return [opts](const GlobalOptions&) {
    std::string error;
    const Date today = resolve_as_of("", error);
    const std::string year = error.empty() ? std::to_string(today.year) : "2026";

    // What to write: the starter files of the language, and the schema they point at. The
    // CI workflow only when it can work as written: it builds the tool from its source.
    std::vector<std::pair<std::string, std::string>> files;
    const std::map<std::string, std::string> values{{"year", year},
                                                    {"tool_repository", opts->tool_repository}};
    const std::string prefix = "init/" + opts->lang + "/";
    bool workflow_left_out = false;
    for (const EmbeddedFile& f : embedded_files()) {
      if (f.path.rfind(prefix, 0) != 0) continue;
      std::string rel(f.path.substr(prefix.size()));
      if (rel.rfind(".github/", 0) == 0 && opts->tool_repository.empty()) {
        workflow_left_out = true;
        continue;
      }
      // The values go into YAML through its one writer, inside the scalars that hold them:
      // an address given on the command line can only ever be that address.
      const bool yaml = ends_with(rel, ".yaml") || ends_with(rel, ".yml");
      Message why;
      auto content = yaml ? fill_yaml(f.content, values, why) : std::string(f.content);
      if (!content) {
        write_text(stderr, plan_says(message(N_("init cannot fill in its file {file}: {reason}"),
                                             {plan_text("file", rel), nested("reason", why)})));
        return int{kUsage};
      }
      files.emplace_back(std::move(rel), std::move(*content));
    }
    for (const EmbeddedFile& f : embedded_schema_files())
      files.emplace_back("schema/" + std::string(f.path), std::string(f.content));

    // Nothing is written unless every file can be, and nothing would be overwritten.
    std::vector<std::string> problems;
    for (const auto& [rel, content] : files)
      if (Message why = blocked(opts->dir, rel); !why.empty()) problems.push_back(text_of(why));
    if (!problems.empty()) {
      std::string list;
      // Each line a right-to-left paragraph in such a language, though it starts with a path.
      for (const std::string& e : problems) list += (messages_rtl() ? "\n\u200F  " : "\n  ") + e;
      write_text(stderr, plan_says(message(
                             N_("init cannot write {n} of its files; nothing was written:{files}"),
                             {arg("n", problems.size()), arg("files", list)})));
      return int{kUsage};
    }
    std::error_code dir_ec;
    fs::create_directories(opts->dir, dir_ec);
    if (!inside_repository(opts->dir)) {
      if (!init_repository(opts->dir, error)) {
        write_text(stderr,
                   plan_says(message(N_("cannot create a git repository in {dir}: {reason}"),
                                     {plan_text("dir", opts->dir), plan_text("reason", error)})));
        return int{kUsage};
      }
      write_text(stdout, text_of(message(N_("created a git repository in {dir}"),
                                         {plan_text("dir", opts->dir)})) +
                             "\n");
    }
    for (const auto& [rel, content] : files) {
      const fs::path p = fs::path(opts->dir) / rel;
      std::error_code ec;
      fs::create_directories(p.parent_path(), ec);
      if (ec || !write_file_atomically(p.string(), content, error, opts->dir)) {
        write_text(stderr, plan_says(message(N_("cannot write {file}: {reason}"),
                                             {plan_text("file", p.string()),
                                              plan_text("reason", ec ? ec.message() : error)})));
        return int{kUsage};
      }
      write_text(stdout, text_of(message(N_("created {file}"),
                                         {plan_text("file", p.lexically_normal().string())})) +
                             "\n");
    }
    if (workflow_left_out)
      write_text(stdout,
                 std::string(tr("No CI workflow was written: this build of plan does not know "
                                "where its source lives (give --tool-repository URL).")) +
                     "\n");
    write_text(stdout, std::string(tr("Next: edit the files under plan/, then run 'plan check' and "
                                      "'plan status', and commit.")) +
                           "\n");
    return int{kOk};
  };
}

}  // namespace plan::cli
