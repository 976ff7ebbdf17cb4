#include "pipeline/plan_sources.hpp"

#include <algorithm>
#include <utility>

namespace plan {

PlanSources::PlanSources(std::string root_display) : root_(std::move(root_display)) {}

PlanSources PlanSources::read_dir(const std::string& dir, const LoadOptions& options) {
  std::string root;
  std::vector<SourceText> sources = read_plan_dir(dir, options, root);
  PlanSources s(root);
  s.files_.reserve(sources.size());
  for (SourceText& src : sources) s.files_.push_back({std::move(src), {}});
  for (std::size_t i = 0; i < s.files_.size(); ++i) s.parse(i);
  return s;
}

void PlanSources::parse(std::size_t i) {
  SourceText copy = files_[i].source;  // load_file releases the bytes it parsed
  files_[i].part = load_file(copy, static_cast<std::uint32_t>(i + 1));
  ++parses_;
}

void PlanSources::set(const std::string& path, std::string text) {
  auto at = std::lower_bound(files_.begin(), files_.end(), path,
                             [](const File& f, const std::string& p) { return f.source.path < p; });
  const auto i = static_cast<std::size_t>(at - files_.begin());
  if (at != files_.end() && at->source.path == path) {
    at->source = SourceText{path, std::move(text), "", false};
    parse(i);
    return;
  }
  files_.insert(at, File{SourceText{path, std::move(text), "", false}, {}});
  for (std::size_t k = i; k < files_.size(); ++k) parse(k);
}

bool PlanSources::remove(const std::string& path) {
  auto at = std::find_if(files_.begin(), files_.end(),
                         [&](const File& f) { return f.source.path == path; });
  if (at == files_.end()) return false;
  const auto i = static_cast<std::size_t>(at - files_.begin());
  files_.erase(at);
  for (std::size_t k = i; k < files_.size(); ++k) parse(k);
  return true;
}

std::unique_ptr<CheckedPlan> PlanSources::check() const {
  std::vector<FilePart> parts;
  parts.reserve(files_.size());
  for (const File& f : files_) parts.push_back(f.part);
  return check_loaded(merge_parts(root_, paths(), std::move(parts)));
}

std::vector<std::string> PlanSources::paths() const {
  std::vector<std::string> out;
  out.reserve(files_.size());
  for (const File& f : files_) out.push_back(f.source.path);
  return out;
}

const SourceText* PlanSources::source(const std::string& path) const {
  auto at = std::lower_bound(files_.begin(), files_.end(), path,
                             [](const File& f, const std::string& p) { return f.source.path < p; });
  return at != files_.end() && at->source.path == path ? &at->source : nullptr;
}

}  // namespace plan
