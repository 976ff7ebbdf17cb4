// The load stage: a plan folder (or the same files held in memory) → Plan + diagnostics.
// Nothing is thrown past it: every problem is a located diagnostic.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "diagnostic.hpp"
#include "model.hpp"

namespace plan {

struct LoadOptions {
  std::size_t max_file_size = std::size_t{64} << 20;    // bytes, per file
  std::size_t max_total_size = std::size_t{512} << 20;  // bytes, all files together
  // Read these files' bytes from here instead of the disk: a command that edits the plan
  // checks the edit before writing it. Keyed by the path as shown (relative to the
  // current folder).
  std::map<std::string, std::string> replacements;
};

struct LoadResult {
  Plan plan;
  Diagnostics diags;
};

// One file's bytes as found, before decoding. A non-empty skip_reason means it was not read.
struct SourceText {
  std::string path;  // as shown to the user
  std::string bytes;
  std::string skip_reason;  // in English; skip_text is the same as a message (when set)
  bool unreadable = false;  // an I/O failure rather than a file we chose to skip
  bool too_large = false;   // over a size limit: an error in the plan, not an I/O failure
  Message skip_text{};

  // Marks the file not read: `why` and its English.
  void skip(Message why);
};

// Whether a file of `size` bytes may be read when `total` bytes of the plan were read
// before it; if not, `s` is marked too large with the reason. The working tree and git
// revisions share it, so both give the same `too-large` diagnostics.
bool within_size_limits(std::size_t size, std::size_t total, const LoadOptions& options,
                        SourceText& s);

// One file's share of the plan, loaded on its own (files load in parallel, and `plan
// history` reuses the part of a file that did not change between commits). Its locations
// name the file by its index in the list being loaded.
struct FilePart {
  Plan plan;  // only goals, targets, sections and metas are filled
  Diagnostics diags;
  bool unread = false;
};
FilePart load_file(SourceText& file, std::uint32_t index);

// load_file for every file, on every core; part i is file i + 1.
std::vector<FilePart> load_files(std::vector<SourceText>& files);

// Merges parts loaded from `paths` (in order; part i is file i + 1) into one plan.
LoadResult merge_parts(const std::string& root_display, const std::vector<std::string>& paths,
                       std::vector<FilePart> parts);

// Decodes, parses and merges the files in the order given (callers sort them by path).
// Each file's bytes are released as soon as it is parsed.
LoadResult load_sources(const std::string& root_display, std::vector<SourceText> files);

// Reads (does not parse) every *.yaml / *.yml below `dir` in sorted path order, within the
// size limits; paths as shown, relative to the current directory. `root_display` is the
// folder as shown, ending in '/'.
std::vector<SourceText> read_plan_dir(const std::string& dir, const LoadOptions& options,
                                      std::string& root_display);

// read_plan_dir, then load_sources.
LoadResult load_plan_dir(const std::string& dir, const LoadOptions& options = {});

}  // namespace plan
