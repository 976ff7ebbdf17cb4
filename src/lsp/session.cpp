#include "lsp/session.hpp"

#include <filesystem>
#include <system_error>

#include "lsp/protocol.hpp"
#include "lsp/uri.hpp"
#include "util/read_file.hpp"

namespace plan::lsp {

namespace fs = std::filesystem;

namespace {

bool is_dir(const std::string& p) {
  std::error_code ec;
  return !p.empty() && fs::is_directory(p, ec);
}

std::string absolute_normal(const std::string& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  if (ec) return p;
  std::string s = abs.lexically_normal().string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

bool has_yaml_file(const std::string& dir) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string ext = it->path().extension().string();
    if ((ext == ".yaml" || ext == ".yml") && it->is_regular_file(ec)) return true;
  }
  return false;
}

}  // namespace

Session::Session(SessionConfig config) : config_(std::move(config)) {
  std::error_code ec;
  cwd_ = fs::current_path(ec).string();
}

void Session::start(const std::string& workspace_root) {
  std::string dir = config_.plan_dir;
  if (dir.empty() && !workspace_root.empty()) {
    if (is_dir(workspace_root + "/plan"))
      dir = workspace_root + "/plan";
    else if (has_yaml_file(workspace_root))
      dir = workspace_root;
  }
  if (dir.empty()) dir = config_.fallback_dir;
  if (!is_dir(dir)) return;
  root_ = absolute_normal(dir);
  sources_ = PlanSources::read_dir(root_, config_.load);
  for (const std::string& shown : sources_.paths()) {
    const SourceText* s = sources_.source(shown);
    files_[absolute_of_display(shown)].doc.set_text(s ? s->bytes : std::string());
  }
  dirty_ = true;
}

bool Session::serves(const std::string& abs_path) const {
  if (root_.empty() || abs_path.size() <= root_.size() + 1) return false;
  if (abs_path.compare(0, root_.size(), root_) != 0 || abs_path[root_.size()] != '/') return false;
  const fs::path rel = fs::path(abs_path.substr(root_.size() + 1));
  for (const fs::path& part : rel)
    if (part.empty() || part.string()[0] == '.') return false;
  const std::string ext = rel.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

std::optional<std::string> Session::served_path(const json& params) const {
  const auto uri = document_uri(params);
  auto path = uri ? path_from_uri(*uri) : std::nullopt;
  if (!path || !serves(*path)) return std::nullopt;
  return path;
}

std::string Session::display(const std::string& abs_path) const {
  if (cwd_.empty()) return abs_path;
  const fs::path rel = fs::path(abs_path).lexically_normal().lexically_proximate(cwd_);
  return rel.empty() ? abs_path : rel.string();
}

std::string Session::absolute_of_display(const std::string& shown) const {
  if (!shown.empty() && shown[0] == '/') return fs::path(shown).lexically_normal().string();
  return (fs::path(cwd_) / shown).lexically_normal().string();
}

void Session::open(const std::string& abs_path, std::string text, std::int64_t version) {
  File& f = files_[abs_path];
  f.open = true;
  f.version = version;
  f.doc.set_text(std::move(text));
  edited(abs_path);
}

Document* Session::open_document(const std::string& abs_path) {
  auto it = files_.find(abs_path);
  return it != files_.end() && it->second.open ? &it->second.doc : nullptr;
}

void Session::set_version(const std::string& abs_path, std::int64_t version) {
  auto it = files_.find(abs_path);
  if (it != files_.end()) it->second.version = version;
}

void Session::edited(const std::string& abs_path) {
  auto it = files_.find(abs_path);
  if (it == files_.end()) return;
  sources_.set(display(abs_path), it->second.doc.text());
  dirty_ = true;
}

void Session::close(const std::string& abs_path) {
  auto it = files_.find(abs_path);
  if (it == files_.end() || !it->second.open) return;
  it->second.open = false;
  read_from_disk(abs_path);
}

void Session::disk_changed(const std::string& abs_path) {
  if (is_open(abs_path)) return;
  read_from_disk(abs_path);
}

void Session::read_from_disk(const std::string& abs_path) {
  std::string text, why;
  if (!read_regular_file(abs_path, config_.load.max_file_size, text, why)) {
    // Deleted, or no longer a readable file: it leaves the plan.
    files_.erase(abs_path);
    if (sources_.remove(display(abs_path))) dirty_ = true;
    return;
  }
  files_[abs_path].doc.set_text(text);
  sources_.set(display(abs_path), std::move(text));
  dirty_ = true;
}

const CheckedPlan& Session::checked() {
  if (dirty_ || !plan_) {
    if (!plan_) plan_ = std::make_unique<MeasuredPlan>();
    // In place: only the files changed since are copied into the plan again.
    sources_.update(plan_->checked);
    dirty_ = false;
    measured_fresh_ = false;
    ++checks_;
  }
  return *plan_->checked;
}

const MeasuredPlan& Session::measured() {
  checked();
  if (!measured_fresh_) {
    stats_stage(*plan_, config_.as_of);
    measured_fresh_ = true;
  }
  return *plan_;
}

const Document* Session::document(const std::string& abs_path) const {
  auto it = files_.find(abs_path);
  return it == files_.end() ? nullptr : &it->second.doc;
}

const Document* Session::document(std::uint32_t file) {
  const std::string abs = absolute(file);
  return abs.empty() ? nullptr : document(abs);
}

std::optional<std::int64_t> Session::version(const std::string& abs_path) const {
  auto it = files_.find(abs_path);
  if (it == files_.end() || !it->second.open) return std::nullopt;
  return it->second.version;
}

bool Session::is_open(const std::string& abs_path) const {
  auto it = files_.find(abs_path);
  return it != files_.end() && it->second.open;
}

std::string Session::absolute(std::uint32_t file) {
  const auto& files = checked().load.plan.files;
  if (file == 0 || file >= files.size()) return {};
  return absolute_of_display(files[file]);
}

std::optional<std::uint32_t> Session::file_number(const std::string& abs_path) {
  const auto& files = checked().load.plan.files;
  const std::string shown = display(abs_path);
  for (std::uint32_t i = 1; i < files.size(); ++i)
    if (files[i] == shown) return i;
  return std::nullopt;
}

std::string Session::uri_from_file(std::uint32_t file) {
  if (file == 0) return uri_from_path(root_);
  return uri_from_path(absolute(file));
}

Range Session::range(Loc loc) {
  const Document* d = document(loc.file);
  return d ? d->token_range(loc, encoding) : Range{};
}

json Session::location(Loc loc) {
  const Range r = range(loc);
  return json{{"uri", uri_from_file(loc.file)},
              {"range",
               {{"start", {{"line", r.start.line}, {"character", r.start.character}}},
                {"end", {{"line", r.end.line}, {"character", r.end.character}}}}}};
}

std::vector<std::string> Session::files() const {
  std::vector<std::string> out;
  out.reserve(files_.size());
  for (const auto& [path, f] : files_) out.push_back(path);
  return out;
}

}  // namespace plan::lsp
