#include "load/loader.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <thread>

#include "load/build.hpp"
#include "load/encoding.hpp"
#include "load/source_files.hpp"
#include "load/yaml_tree.hpp"
#include "util/read_file.hpp"

namespace fs = std::filesystem;

namespace plan {

namespace {
template <class T>
void append(std::vector<T>& to, std::vector<T>& from) {
  if (to.empty()) {
    to = std::move(from);
    return;
  }
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}
}  // namespace

void SourceText::skip(Message why) {
  skip_reason = render_message(why);
  skip_text = std::move(why);
}

FilePart load_file(SourceText& f, std::uint32_t index) {
  FilePart part;
  if (!f.skip_reason.empty()) {
    // A reason given only as text (by a caller outside load/) is shown as it is: a message
    // with no words of its own, kept out of the catalog.
    static const char* const as_is = "{reason}";
    Message why =
        f.skip_text.empty() ? message(as_is, {arg("reason", f.skip_reason)}) : f.skip_text;
    if (f.too_large) {
      part.diags.push_back(make_error("too-large", {index, 0, 0}, std::move(why)));
      part.unread = true;
    } else if (f.unreadable) {
      part.diags.push_back(make_error("unreadable", {index, 0, 0}, std::move(why)));
      part.unread = true;
    } else {
      part.diags.push_back(make_warning("skipped-file", {index, 0, 0}, std::move(why)));
    }
    return part;
  }
  auto text = decode_text(f.bytes, index, part.diags);
  auto root = text ? parse_yaml(*text, index, part.diags) : std::nullopt;
  std::string().swap(f.bytes);  // the tree holds all that is needed now
  if (root) {
    build_from_tree(*root, index, part.plan, part.diags);
    // A second document was not read: the file counts as not wholly read.
    for (const Diagnostic& d : part.diags)
      part.unread = part.unread || d.code == "multiple-documents";
  } else if (!part.diags.empty()) {
    part.unread = true;
  } else {
    part.diags.push_back(make_warning("empty-file", {index, 0, 0},
                                      message(N_("the file holds no plan data (it is empty, or "
                                                 "only comments); add goals, targets or "
                                                 "sections to it"))));
  }
  return part;
}

LoadResult merge_parts(const std::string& root_display, const std::vector<std::string>& paths,
                       std::vector<FilePart> parts) {
  LoadResult r;
  r.plan.files.reserve(paths.size() + 1);
  r.plan.files.push_back(root_display);
  for (std::size_t i = 0; i < paths.size(); ++i) {
    r.plan.files.push_back(paths[i]);
    FilePart& p = parts[i];
    append(r.plan.metas, p.plan.metas);
    append(r.plan.goals, p.plan.goals);
    append(r.plan.targets, p.plan.targets);
    append(r.plan.sections, p.plan.sections);
    append(r.diags, p.diags);
    if (p.unread) r.plan.unread_files.push_back(static_cast<std::uint32_t>(i + 1));
  }
  sort_diagnostics(r.diags);
  return r;
}

std::vector<FilePart> load_files(std::vector<SourceText>& files) {
  std::vector<FilePart> parts(files.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < files.size();)
      parts[i] = load_file(files[i], static_cast<std::uint32_t>(i + 1));
  };
  const std::size_t threads =
      std::min<std::size_t>(files.size(), std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  return parts;
}

LoadResult load_sources(const std::string& root_display, std::vector<SourceText> files) {
  // Files are parsed on every core; the parts are then merged in path order, so the
  // result is the same as reading them one by one.
  std::vector<FilePart> parts = load_files(files);
  std::vector<std::string> paths;
  paths.reserve(files.size());
  for (const SourceText& f : files) paths.push_back(f.path);
  return merge_parts(root_display, paths, std::move(parts));
}

bool within_size_limits(std::size_t size, std::size_t total, const LoadOptions& options,
                        SourceText& s) {
  if (size > options.max_file_size) {
    s.skip(message(N_("the file is {size} MiB, over the limit of {limit} MiB per file "
                      "(PLAN_MAX_FILE_MB)"),
                   {arg("size", static_cast<unsigned long long>(size >> 20)),
                    arg("limit", static_cast<unsigned long long>(options.max_file_size >> 20))}));
  } else if (total + size > options.max_total_size) {
    s.skip(message(N_("the plan's files together pass the limit of {limit} MiB "
                      "(PLAN_MAX_TOTAL_MB); this file was not read"),
                   {arg("limit", static_cast<unsigned long long>(options.max_total_size >> 20))}));
  } else {
    return true;
  }
  s.too_large = true;
  return false;
}

static std::string display_path(const fs::path& p, const fs::path& cwd) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  if (ec || cwd.empty()) return p.string();
  fs::path rel = abs.lexically_normal().lexically_proximate(cwd);
  return rel.empty() ? p.string() : rel.string();
}

std::vector<SourceText> read_plan_dir(const std::string& dir, const LoadOptions& options,
                                      std::string& root_display) {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  std::vector<SourceText> sources;
  std::size_t total = 0;
  for (const SourceEntry& e : find_plan_files(dir)) {
    SourceText s;
    s.path = display_path(e.path, cwd);
    s.skip_reason = e.skip_reason;
    s.skip_text = e.skip_text;
    s.unreadable = e.unreadable;
    if (const auto r = options.replacements.find(s.path);
        s.skip_reason.empty() && r != options.replacements.end()) {
      s.bytes = r->second;
    } else if (s.skip_reason.empty()) {
      std::string why;
      const auto size = static_cast<std::size_t>(std::filesystem::file_size(e.open_path, ec));
      if (!ec && !within_size_limits(size, total, options, s)) {
        // too large: not read
      } else if (!read_regular_file(e.open_path, options.max_file_size, s.bytes, why)) {
        s.skip(message(N_("cannot read the file: {reason}"), {arg("reason", why)}));
        s.unreadable = true;
      }
      total += s.bytes.size();
    }
    sources.push_back(std::move(s));
  }
  root_display = display_path(dir, cwd);
  if (!root_display.empty() && root_display.back() != '/') root_display += '/';
  return sources;
}

LoadResult load_plan_dir(const std::string& dir, const LoadOptions& options) {
  std::string root;
  std::vector<SourceText> sources = read_plan_dir(dir, options, root);
  return load_sources(root, std::move(sources));
}

}  // namespace plan
