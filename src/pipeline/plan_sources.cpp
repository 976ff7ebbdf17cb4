#include "pipeline/plan_sources.hpp"

#include <algorithm>
#include <atomic>
#include <utility>

namespace plan {

PlanSources::PlanSources(std::string root_display) : root_(std::move(root_display)) {}

PlanSources PlanSources::read_dir(const std::string& dir, const LoadOptions& options) {
  std::string root;
  std::vector<SourceText> sources = read_plan_dir(dir, options, root);
  PlanSources s(root);
  s.files_.reserve(sources.size());
  for (SourceText& src : sources) s.files_.push_back({std::move(src), {}, {}, false});
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
    at->changed = true;
    parse(i);
    return;
  }
  files_.insert(at, File{SourceText{path, std::move(text), "", false}, {}, {}, false});
  layout_changed_ = true;
  for (std::size_t k = i; k < files_.size(); ++k) parse(k);
}

bool PlanSources::remove(const std::string& path) {
  auto at = std::find_if(files_.begin(), files_.end(),
                         [&](const File& f) { return f.source.path == path; });
  if (at == files_.end()) return false;
  const auto i = static_cast<std::size_t>(at - files_.begin());
  files_.erase(at);
  layout_changed_ = true;
  for (std::size_t k = i; k < files_.size(); ++k) parse(k);
  return true;
}

namespace {

// Replaces `old_n` items at `at` with copies of `with`.
template <class T>
void splice(std::vector<T>& list, std::size_t at, std::size_t old_n, const std::vector<T>& with) {
  const auto first = list.begin() + static_cast<std::ptrdiff_t>(at);
  const std::size_t common = std::min(old_n, with.size());
  std::copy(with.begin(), with.begin() + static_cast<std::ptrdiff_t>(common), first);
  if (old_n > common)
    list.erase(first + static_cast<std::ptrdiff_t>(common),
               first + static_cast<std::ptrdiff_t>(old_n));
  else
    list.insert(first + static_cast<std::ptrdiff_t>(common),
                with.begin() + static_cast<std::ptrdiff_t>(common), with.end());
}

}  // namespace

void PlanSources::made(CheckedPlan& plan) {
  static std::atomic<std::uint64_t> stamps{0};
  plan.stamp = made_ = ++stamps;
  for (File& f : files_) {
    f.merged = {f.part.plan.metas.size(), f.part.plan.goals.size(), f.part.plan.targets.size(),
                f.part.plan.sections.size()};
    f.changed = false;
  }
}

std::unique_ptr<CheckedPlan> PlanSources::check() {
  std::vector<FilePart> parts;
  parts.reserve(files_.size());
  for (const File& f : files_) parts.push_back(f.part);
  auto c = check_loaded(merge_parts(root_, paths(), std::move(parts)));
  layout_changed_ = false;
  made(*c);
  return c;
}

void PlanSources::update(std::unique_ptr<CheckedPlan>& plan) {
  if (!plan || plan->stamp != made_ || layout_changed_) {
    plan.reset();  // the old plan goes before the new one is made: not two at once
    plan = check();
    return;
  }
  Plan& p = plan->load.plan;
  Counts at;  // where the current file's items start in each list
  for (File& f : files_) {
    if (f.changed) {
      splice(p.metas, at.metas, f.merged.metas, f.part.plan.metas);
      splice(p.goals, at.goals, f.merged.goals, f.part.plan.goals);
      splice(p.targets, at.targets, f.merged.targets, f.part.plan.targets);
      splice(p.sections, at.sections, f.merged.sections, f.part.plan.sections);
    }
    at.metas += f.part.plan.metas.size();
    at.goals += f.part.plan.goals.size();
    at.targets += f.part.plan.targets.size();
    at.sections += f.part.plan.sections.size();
  }
  // What merge_parts gathers besides the items: the loader's diagnostics and unread files.
  plan->load.diags.clear();
  p.unread_files.clear();
  for (std::size_t i = 0; i < files_.size(); ++i) {
    const FilePart& part = files_[i].part;
    plan->load.diags.insert(plan->load.diags.end(), part.diags.begin(), part.diags.end());
    if (part.unread) p.unread_files.push_back(static_cast<std::uint32_t>(i + 1));
  }
  sort_diagnostics(plan->load.diags);
  index_stage(*plan);
  check_stage(*plan);
  made(*plan);
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
