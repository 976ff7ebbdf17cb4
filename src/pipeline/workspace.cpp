#include "pipeline/workspace.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <thread>
#include <unordered_map>
#include <utility>

#include "check/cross_plan.hpp"
#include "load/workspace_file.hpp"
#include "pipeline/staleness.hpp"
#include "plan_index.hpp"
#include "util/date.hpp"

namespace fs = std::filesystem;

namespace plan {

namespace {

// One unit's plan read, checked and measured; null when its folder holds no YAML file.
// `parallel_files`: parse its files on every core (when units are not loaded side by side).
std::unique_ptr<MeasuredPlan> load_unit(const std::string& dir, const LoadOptions& limits,
                                        const Date& as_of, bool parallel_files) {
  std::string root;
  std::vector<SourceText> sources = read_plan_dir(dir, limits, root);
  if (sources.empty()) return nullptr;
  LoadResult loaded;
  if (parallel_files) {
    loaded = load_sources(root, std::move(sources));
  } else {
    std::vector<FilePart> parts;
    std::vector<std::string> paths;
    parts.reserve(sources.size());
    paths.reserve(sources.size());
    for (std::size_t i = 0; i < sources.size(); ++i) {
      parts.push_back(load_file(sources[i], static_cast<std::uint32_t>(i + 1)));
      paths.push_back(std::move(sources[i].path));
    }
    loaded = merge_parts(root, paths, std::move(parts));
  }
  return measure(check_loaded(std::move(loaded)), as_of);
}

// Runs `work(i)` for i in [0, n) on every core.
template <class Fn>
void on_every_core(std::size_t n, Fn&& work) {
  std::atomic<std::size_t> next{0};
  auto run = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < n;) work(i);
  };
  const std::size_t threads =
      std::min<std::size_t>(n, std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(run);
  run();
  for (std::thread& t : pool) t.join();
}

void recount(CheckedPlan& c) {
  sort_diagnostics(c.diags);
  c.errors = count_severity(c.diags, Severity::error);
  c.warnings = count_severity(c.diags, Severity::warning);
}

bool has_qualified_goal(const Plan& p) {
  for (const Target& t : p.targets)
    for (const Ref& r : t.goals.value)
      if (is_qualified(r.id)) return true;
  return false;
}

// The one place a workspace's staleness is read: one walk of the history for every unit.
void read_staleness(Workspace& ws, const Date& as_of, const WorkspaceOptions& options) {
  if (!options.history) return;
  std::vector<std::string> dirs;
  std::vector<std::size_t> which;  // the units with a plan, in order
  for (std::size_t i = 0; i < ws.units.size(); ++i)
    if (ws.units[i].plan) {
      dirs.push_back(ws.units[i].path);
      which.push_back(i);
    }
  std::vector<ChangeLog> logs = read_change_logs(dirs, as_of);
  for (std::size_t k = 0; k < which.size() && k < logs.size(); ++k) {
    Unit& u = ws.units[which[k]];
    u.changes = std::move(logs[k]);
    if (const Meta* m = u.plan->checked->load.plan.meta(); m && m->stale_after.given())
      u.stale_after = m->stale_after.value;  // the plan's own, over the workspace's
    u.stale = stale_activities(*u.plan->checked->index, u.changes, as_of, u.stale_after);
    if (!u.changes.known && ws.history_note.empty()) ws.history_note = u.changes.why_unknown;
  }
}

}  // namespace

std::string find_workspace_file(const std::string& dir) {
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  fs::path start = fs::absolute(dir.empty() ? "." : dir, ec).lexically_normal();
  if (ec) return "";
  for (fs::path p = start;; p = p.parent_path()) {
    if (fs::is_regular_file(p / kWorkspaceFileName, ec)) {
      fs::path found = p / kWorkspaceFileName;
      return cwd.empty() ? found.string() : found.lexically_proximate(cwd).string();
    }
    if (p == p.root_path() || p.parent_path() == p || p.empty()) break;
  }
  return "";
}

std::unique_ptr<Workspace> load_workspace(const std::string& file, const Date& as_of,
                                          const WorkspaceOptions& options) {
  auto ws = std::make_unique<Workspace>();
  WorkspaceRead read = read_workspace_file(file, options.limits.max_file_size);
  ws->spec = std::move(read.spec);
  ws->diags = std::move(read.diags);
  ws->io_error = read.io_error;
  if (ws->io_error) {
    ws->errors = count_severity(ws->diags, Severity::error);
    return ws;
  }
  std::string folder = fs::path(file).parent_path().string();
  const std::string repository = find_repository_root(folder.empty() ? "." : folder);
  std::vector<UnitPlace> places = resolve_units(ws->spec, file, repository, ws->diags);

  const int stale_after = ws->spec.stale_after.given()
                              ? static_cast<int>(ws->spec.stale_after.value)
                              : kDefaultStaleAfterDays;
  ws->units.resize(places.size());
  for (std::size_t i = 0; i < places.size(); ++i) {
    Unit& u = ws->units[i];
    const UnitPlace& p = places[i];
    u.id = p.id;
    u.title = p.title;
    u.weight = p.weight;
    u.path = p.path;
    u.entry = ws->spec.entries[p.entry].loc;
    u.stale_after = stale_after;
    if (!valid_id(u.id) || u.id.size() > kMaxIdLength)
      ws->diags.push_back(make_error(
          "bad-id", p.id_loc,
          ws->spec.entries[p.entry].glob.given()
              ? message(N_("the unit id '{id}' is not an id: an ASCII letter, then letters, "
                           "digits, '.', '_' or '-', at most {max} characters (a glob's unit is "
                           "named by the folder the first wildcard matches)"),
                        {plan_text("id", u.id),
                         arg("max", static_cast<unsigned long long>(kMaxIdLength))})
              : message(N_("the unit id '{id}' is not an id: an ASCII letter, then letters, "
                           "digits, '.', '_' or '-', at most {max} characters"),
                        {plan_text("id", u.id),
                         arg("max", static_cast<unsigned long long>(kMaxIdLength))})));
  }

  // Every unit on every core; each unit's files one after another then (with one unit,
  // its files in parallel instead).
  std::vector<char> empty(places.size(), 0);
  const bool one = places.size() == 1;
  on_every_core(places.size(), [&](std::size_t i) {
    if (!places[i].readable) return;
    ws->units[i].plan = load_unit(places[i].path, options.limits, as_of, one);
    empty[i] = ws->units[i].plan == nullptr;
  });
  for (std::size_t i = 0; i < places.size(); ++i) {
    Unit& u = ws->units[i];
    if (empty[i])
      ws->diags.push_back(
          make_error("missing-unit",
                     ws->spec.entries[places[i].entry].path.given()
                         ? ws->spec.entries[places[i].entry].path.loc
                         : places[i].id_loc,
                     message(N_("unit '{id}': '{path}' holds no plan file (*.yaml or *.yml)"),
                             {plan_text("id", u.id), plan_text("path", u.path)})));
    if (u.title.empty() && u.plan) {
      const Meta* m = u.plan->checked->load.plan.meta();
      if (m && m->title.given()) u.title = m->title.value;
    }
    if (u.title.empty()) u.title = u.id;
  }

  // The rules across units.
  std::vector<UnitView> views(ws->units.size());
  std::vector<bool> whole(ws->units.size(), false);
  for (std::size_t i = 0; i < ws->units.size(); ++i) {
    views[i].id = ws->units[i].id;
    if (!ws->units[i].plan) continue;
    views[i].index = ws->units[i].plan->checked->index.get();
    whole[i] = ws->units[i].plan->checked->load.plan.unread_files.empty();
  }
  const UnitLookup lookup(views);
  std::vector<Diagnostics*> per_unit(ws->units.size(), nullptr);
  for (std::size_t i = 0; i < ws->units.size(); ++i) {
    if (!ws->units[i].plan) continue;
    CheckedPlan& c = *ws->units[i].plan->checked;
    per_unit[i] = &c.diags;
    check_cross_links(views, lookup, whole, i, c.diags);
  }
  const std::vector<CrossLink> links = cross_links(views, lookup);
  forget_served_across(views, links, per_unit);
  for (Unit& u : ws->units)
    if (u.plan) recount(*u.plan->checked);
  // A cycle's places are in several units' files: they join the workspace's list.
  std::unordered_map<std::string, std::uint32_t> file_index;
  auto to_shown = [&](std::size_t unit, Loc loc) {
    const std::string& path = ws->units[unit].plan->checked->load.plan.files.at(loc.file);
    auto [it, fresh] = file_index.emplace(path, static_cast<std::uint32_t>(ws->spec.files.size()));
    if (fresh) ws->spec.files.push_back(path);
    loc.file = it->second;
    return loc;
  };
  Diagnostics cycles = check_unit_cycles(views, links, to_shown);
  ws->diags.insert(ws->diags.end(), std::make_move_iterator(cycles.begin()),
                   std::make_move_iterator(cycles.end()));
  sort_diagnostics(ws->diags);

  read_staleness(*ws, as_of, options);

  // The figures.
  std::vector<RollupUnit> rollup_units(ws->units.size());
  for (std::size_t i = 0; i < ws->units.size(); ++i) {
    const Unit& u = ws->units[i];
    RollupUnit& r = rollup_units[i];
    r.id = u.id;
    r.weight = u.weight;
    if (!u.plan) continue;
    r.index = u.plan->checked->index.get();
    r.stats = &u.plan->stats;
    r.counted = whole[i];
  }
  ws->rollup = compute_rollup(rollup_units, as_of);

  ws->errors = count_severity(ws->diags, Severity::error);
  ws->warnings = count_severity(ws->diags, Severity::warning);
  for (const Diagnostic& d : ws->diags) ws->io_error = ws->io_error || is_io_error(d);
  for (std::size_t i = 0; i < ws->units.size(); ++i) {
    const Unit& u = ws->units[i];
    UnitFigures& f = ws->rollup.units[i];
    f.stale = u.stale.size();
    f.last_change = u.changes.last_change;
    if (u.changes.known && !u.changes.last_change.empty() && as_of.valid) {
      const Date last = parse_date(u.changes.last_change);
      f.stale_unit = last.valid && day_number(as_of) - day_number(last) > u.stale_after;
    }
    if (!u.plan) continue;
    const CheckedPlan& c = *u.plan->checked;
    f.errors = c.errors;
    f.warnings = c.warnings;
    ws->errors += c.errors;
    ws->warnings += c.warnings;
    ws->io_error = ws->io_error || c.io_error;
  }
  return ws;
}

void check_across_alone(CheckedPlan& c, const std::string& dir, const LoadOptions& limits) {
  if (!has_qualified_goal(c.load.plan)) return;
  Diagnostics found;
  const std::string file = find_workspace_file(dir);
  std::vector<UnitPlace> places;
  std::size_t self = std::string::npos;
  if (!file.empty()) {
    WorkspaceRead read = read_workspace_file(file, limits.max_file_size);
    if (!read.io_error) {
      Diagnostics ignored;  // the workspace's own problems are its check's to report
      std::string folder = fs::path(file).parent_path().string();
      places = resolve_units(read.spec, file, find_repository_root(folder.empty() ? "." : folder),
                             ignored);
      std::error_code ec;
      const fs::path real = fs::canonical(dir, ec);
      for (std::size_t i = 0; i < places.size() && !ec; ++i) {
        std::error_code e;
        if (places[i].readable && fs::canonical(places[i].path, e) == real && !e) self = i;
      }
    }
  }
  if (self == std::string::npos) {
    check_qualified_without_workspace(*c.index, found);
  } else {
    // Only the units this plan names are read.
    std::vector<UnitView> views(places.size());
    for (std::size_t i = 0; i < places.size(); ++i) views[i].id = places[i].id;
    views[self].index = c.index.get();
    const UnitLookup lookup(views);
    std::vector<std::unique_ptr<CheckedPlan>> named(places.size());
    std::vector<bool> whole(places.size(), false);
    whole[self] = c.load.plan.unread_files.empty();
    for (const Target& t : c.load.plan.targets)
      for (const Ref& r : t.goals.value) {
        if (!is_qualified(r.id)) continue;
        const std::size_t h = lookup.find(split_qualified(r.id).unit);
        if (h == std::string::npos || h == self || named[h] || !places[h].readable) continue;
        named[h] = check_plan_dir(places[h].path, limits);
        views[h].index = named[h]->index.get();
        whole[h] = named[h]->load.plan.unread_files.empty();
      }
    check_cross_links(views, lookup, whole, self, found);
  }
  c.diags.insert(c.diags.end(), std::make_move_iterator(found.begin()),
                 std::make_move_iterator(found.end()));
  recount(c);
}

}  // namespace plan
