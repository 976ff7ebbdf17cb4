#include "load/loader.hpp"

#include <filesystem>

#include "load/build.hpp"
#include "load/encoding.hpp"
#include "load/source_files.hpp"
#include "load/yaml_tree.hpp"

namespace fs = std::filesystem;

namespace plan {

LoadResult load_sources(const std::string& root_display, const std::vector<SourceText>& files) {
  LoadResult r;
  r.plan.files.reserve(files.size() + 1);
  r.plan.files.push_back(root_display);
  for (const SourceText& f : files) {
    const auto index = static_cast<std::uint32_t>(r.plan.files.size());
    r.plan.files.push_back(f.path);
    if (!f.skip_reason.empty()) {
      if (f.unreadable) {
        r.diags.push_back(make_error("unreadable", {index, 0, 0}, f.skip_reason));
        r.plan.unread_files.push_back(index);
      } else {
        r.diags.push_back(make_warning("skipped-file", {index, 0, 0}, f.skip_reason));
      }
      continue;
    }
    const std::size_t before = r.diags.size();
    auto text = decode_text(f.bytes, index, r.diags);
    auto root = text ? parse_yaml(*text, index, r.diags) : std::nullopt;
    if (root) {
      build_from_tree(*root, index, r.plan, r.diags);
    } else if (r.diags.size() != before) {
      r.plan.unread_files.push_back(index);
    } else {
      r.diags.push_back(make_warning("empty-file", {index, 0, 0},
                                     "the file holds no plan data (it is empty, or only "
                                     "comments); add goals, targets or sections to it"));
    }
  }
  sort_diagnostics(r.diags);
  return r;
}

static std::string display_path(const fs::path& p, const fs::path& cwd) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  if (ec || cwd.empty()) return p.string();
  fs::path rel = abs.lexically_normal().lexically_proximate(cwd);
  return rel.empty() ? p.string() : rel.string();
}

LoadResult load_plan_dir(const std::string& dir, const LoadOptions& options) {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  std::vector<SourceText> sources;
  for (const SourceEntry& e : find_plan_files(dir)) {
    SourceText s;
    s.path = display_path(e.path, cwd);
    s.skip_reason = e.skip_reason;
    if (s.skip_reason.empty()) {
      std::string why;
      if (!read_regular_file(e.open_path, options.max_file_size, s.bytes, why)) {
        s.skip_reason = "cannot read the file: " + why;
        s.unreadable = true;
      }
    }
    sources.push_back(std::move(s));
  }
  std::string root = display_path(dir, cwd);
  if (!root.empty() && root.back() != '/') root += '/';
  return load_sources(root, sources);
}

}  // namespace plan
