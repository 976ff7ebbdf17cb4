// `plan init [DIR]`: a new plan repository: a plan/ folder that teaches the format, the
// schema its files point editors at, a .gitignore and an example CI workflow.
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/as_of.hpp"
#include "cli/command.hpp"
#include "render/embedded.hpp"
#include "util/atomic_write.hpp"

namespace fs = std::filesystem;

namespace plan::cli {

namespace {
struct InitOptions {
  std::string dir = ".";
  std::string lang = "en";
};

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}
}  // namespace

Runner setup_init(CLI::App& sub) {
  auto opts = std::make_shared<InitOptions>();
  sub.add_option("DIR", opts->dir, "Where to create the plan repository (default: here)");
  sub.add_option("--lang", opts->lang, "The language of the starter text: en or he")
      ->check(CLI::IsMember({"en", "he"}));
  return [opts](const GlobalOptions&) {
    std::string error;
    const Date today = resolve_as_of("", error);
    const std::string year = error.empty() ? std::to_string(today.year) : "2026";

    // What to write: the starter files of the language, and the schema they point at.
    std::vector<std::pair<std::string, std::string>> files;
    const std::string prefix = "init/" + opts->lang + "/";
    for (const EmbeddedFile& f : embedded_files())
      if (f.path.rfind(prefix, 0) == 0)
        files.emplace_back(std::string(f.path.substr(prefix.size())),
                           replace_all(std::string(f.content), "{{year}}", year));
    for (const EmbeddedFile& f : embedded_schema_files())
      files.emplace_back("schema/" + std::string(f.path), std::string(f.content));

    // Nothing is written unless nothing would be overwritten.
    std::vector<std::string> existing;
    for (const auto& [rel, content] : files) {
      struct stat st {};
      const fs::path p = fs::path(opts->dir) / rel;
      if (::lstat(p.c_str(), &st) == 0) existing.push_back(p.lexically_normal().string());
    }
    if (!existing.empty()) {
      std::string list;
      for (const std::string& e : existing) list += "\n  " + e;
      std::fputs(fmt::format("plan: init would overwrite {} existing file{}; nothing was written:{}\n",
                             existing.size(), existing.size() == 1 ? "" : "s", list)
                     .c_str(),
                 stderr);
      return int{kUsage};
    }
    for (const auto& [rel, content] : files) {
      const fs::path p = fs::path(opts->dir) / rel;
      std::error_code ec;
      fs::create_directories(p.parent_path(), ec);
      if (ec || !write_file_atomically(p.string(), content, error)) {
        std::fputs(fmt::format("plan: cannot write {}: {}\n", p.string(), ec ? ec.message() : error).c_str(), stderr);
        return int{kUsage};
      }
      std::fputs(fmt::format("created {}\n", p.lexically_normal().string()).c_str(), stdout);
    }
    std::fputs("Next: edit the files under plan/, then run 'plan check' and 'plan status'.\n", stdout);
    return int{kOk};
  };
}

}  // namespace plan::cli
