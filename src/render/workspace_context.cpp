#include "render/workspace_context.hpp"

#include <cmath>
#include <set>

#include "render/figures.hpp"
#include "render/terminal_text.hpp"
#include "render/workspace_report.hpp"
#include "util/text.hpp"

namespace plan {

std::vector<std::string> unit_page_names(const WorkspaceView& w, const std::string& extension) {
  std::vector<std::string> out;
  std::set<std::string> taken{"index"};
  for (const WorkspaceUnitView& u : w.units) {
    std::string base;
    for (char c : u.id) {
      const auto b = static_cast<unsigned char>(c);
      const bool keep = b >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
      base += keep ? c : '_';
    }
    // No hidden file, and no name that is only dots.
    if (base.empty() || base[0] == '.') base = "unit" + base;
    std::string name = base;
    for (int n = 2; taken.count(ascii_lower(name)); ++n) name = base + "-" + std::to_string(n);
    taken.insert(ascii_lower(name));
    out.push_back(name + "." + extension);
  }
  return out;
}

namespace {

// A label by its dotted path ("workspace.units"); the path itself when the labels lack it,
// so a missing translation shows up instead of vanishing.
std::string label(const Json& labels, const std::string& key) {
  const Json* node = &labels;
  for (std::size_t start = 0;;) {
    const std::size_t dot = key.find('.', start);
    auto it = node->find(key.substr(start, dot == std::string::npos ? dot : dot - start));
    if (it == node->end()) return key;
    node = &*it;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return node->is_string() ? node->get<std::string>() : key;
}

Completion reported(const Completion& c) {
  if (!c || !std::isfinite(*c)) return std::nullopt;
  return std::round(*c * 10000.0) / 10000.0;
}

// How far a cell of the grid has come, for its colour: 0 below a quarter, 1, 2, 3, and 4
// for complete. The cell's text says the same in figures.
int level_of(const Completion& c) {
  const int p = whole_percent_clamped(*c);
  return p >= 100 ? 4 : p / 25;
}

// The square a Markdown cell starts with: GitHub shows no colour in a table, but these.
const char* level_square(int level) {
  static const char* const kSquares[] = {"🟥", "🟧", "🟨", "🟩", "✅"};
  return kSquares[level];
}

class Builder {
 public:
  Builder(const WorkspaceView& w, const Json& labels, const std::vector<std::string>& pages,
          LazyLists& lists)
      : w_(w), labels_(labels), pages_(pages), lists_(lists) {
    rtl_ = std::string(direction_of(workspace_language(w))) == "rtl";
  }
  bool rtl() const { return rtl_; }

  std::string l(const std::string& key) const { return label(labels_, key); }

  void completion_fields(TemplateData& item, const Completion& raw) const {
    const Completion c = reported(raw);
    item["percent"] = c ? template_integer(whole_percent(*c)) : TemplateData{false};
    item["percent_text"] = template_text(percent_figure(c));
    item["has_completion"] = TemplateData{c.has_value()};
    item["level"] = c ? template_integer(level_of(c)) : TemplateData{false};
    item["level_class"] = template_text(c ? "level-" + std::to_string(level_of(c)) : "level-none");
    item["level_square"] = template_text(c ? level_square(level_of(c)) : "");
  }

  TemplateData page(std::size_t unit) const {
    return unit < pages_.size() ? template_text(pages_[unit]) : TemplateData{false};
  }

  // A unit as a link shows it: id, title, its page.
  TemplateData unit_link(std::size_t i) const {
    TemplateData d{TemplateData::type::object};
    d["id"] = template_text(w_.units[i].id);
    d["title"] = template_text(w_.units[i].title);
    d["page"] = page(i);
    return d;
  }

  TemplateData unit(std::size_t i) {
    const UnitFigures& f = unit_figures(w_, i);
    TemplateDataSink sink;
    write_workspace_unit(sink, w_, i);
    TemplateData d = std::move(sink.result);
    completion_fields(d, f.counted ? f.completion : Completion{});
    d["page"] = page(i);
    d["not_counted"] = TemplateData{!f.counted};
    const std::string mark = f.counted ? pace_mark_name(f.pace_mark) : "";
    d["pace_label"] = template_text(mark.empty() ? "" : l("pace." + mark));
    d["done_text"] = template_text(
        f.counted ? std::to_string(f.counts.of(Status::done)) + "/" +
                        std::to_string(f.counts.total() - f.counts.of(Status::dropped))
                  : "–");
    d["overdue_text"] = template_text(f.counted ? std::to_string(f.counts.overdue) : "–");
    d["has_overdue"] = TemplateData{f.counted && f.counts.overdue > 0};
    d["has_errors"] = TemplateData{f.errors > 0};
    d["stale_text"] =
        template_text(f.counted && w_.history_note.empty() ? std::to_string(f.stale) : "–");
    d["has_stale"] = TemplateData{f.counted && w_.history_note.empty() && f.stale > 0};
    d["last_change_text"] = template_text(f.last_change.empty() ? "–" : f.last_change);
    d["cells"] = cells(i);
    return d;
  }

  // The unit's row of the grid: one cell per shared goal, each with text (a figure, "–"
  // for none, or that the unit does not serve the goal or is not counted).
  TemplateData cells(std::size_t i) {
    const Rollup& r = rollup_of(w_);
    const bool counted = unit_figures(w_, i).counted;
    kainjow::mustache::list out;
    for (std::size_t g = 0; g < r.goals.size(); ++g) {
      TemplateData cell{TemplateData::type::object};
      cell["goal"] = template_text(shared_goal_id(w_, r.goals[g]));
      const Contribution* mine = nullptr;
      for (const Contribution& c : r.goals[g].contributions)
        if (c.unit == i) mine = &c;
      if (!counted) {
        completion_fields(cell, std::nullopt);
        cell["level_class"] = template_text("not-counted");
        cell["text"] = template_text(l("workspace.not_counted"));
        cell["serves"] = TemplateData{mine != nullptr};
      } else if (!mine) {
        completion_fields(cell, std::nullopt);
        cell["level_class"] = template_text("not-serving");
        cell["text"] = template_text(l("workspace.not_serving"));
        cell["serves"] = TemplateData{false};
      } else {
        completion_fields(cell, mine->completion);
        cell["text"] = template_text(percent_figure(reported(mine->completion)));
        cell["serves"] = TemplateData{true};
      }
      out.push_back(std::move(cell));
    }
    return TemplateData{out};
  }

  TemplateData shared_goal(std::size_t g) {
    const SharedGoal& goal = rollup_of(w_).goals[g];
    TemplateDataSink sink;
    write_shared_goal(sink, w_, g);
    TemplateData d = std::move(sink.result);
    completion_fields(d, goal.completion);
    d["home"] = unit_link(goal.unit);
    kainjow::mustache::list contributors;
    for (const Contribution& c : goal.contributions) {
      TemplateData item = unit_link(c.unit);
      const bool counted = unit_figures(w_, c.unit).counted;
      completion_fields(item, counted ? c.completion : Completion{});
      item["not_counted"] = TemplateData{!counted};
      // Whether another item follows: a list in running text puts its separators between.
      item["more"] = TemplateData{contributors.size() + 1 < goal.contributions.size()};
      contributors.push_back(std::move(item));
    }
    d["contributors"] = TemplateData{contributors};
    d["has_contributors"] = TemplateData{!goal.contributions.empty()};
    return d;
  }

  // A unit's stale activities, built as the template walks them (a large workspace may
  // have thousands).
  TemplateData stale_unit(std::size_t i) {
    const WorkspaceUnitView& u = w_.units[i];
    TemplateData d = unit_link(i);
    d["count"] = template_integer(static_cast<long long>(u.stale->size()));
    d["stale_after"] = template_integer(u.stale_after);
    d["activities"] = lists_.make(u.stale->size(), [this, i](std::size_t k) {
      const WorkspaceUnitView& unit = w_.units[i];
      const StaleActivity& s = (*unit.stale)[k];
      TemplateDataSink sink;
      write_stale_activity(sink, w_, i, s);
      TemplateData a = std::move(sink.result);
      const std::string status =
          status_name(unit.index->activities()[s.activity].activity->status.value);
      a["status_label"] = template_text(l("status." + status));
      return a;
    });
    return d;
  }

  TemplateData problem(std::size_t i) const {
    const Diagnostic& d = (*w_.diagnostics)[i];
    TemplateData p{TemplateData::type::object};
    p["severity"] = template_text(severity_name(d.severity));
    p["severity_label"] = template_text(l(std::string("severity.") + severity_name(d.severity)));
    p["location"] = template_text(w_.files ? format_location(*w_.files, d.loc) : "");
    p["code"] = template_text(d.code);
    p["message"] = template_text(
        d.text.empty() ? d.message : render_message(d.text, w_.translate, w_.messages_rtl));
    return p;
  }

 private:
  const WorkspaceView& w_;
  const Json& labels_;
  const std::vector<std::string>& pages_;
  LazyLists& lists_;
  bool rtl_ = false;
};

}  // namespace

std::unique_ptr<TemplateContext> workspace_context(const WorkspaceView& w, const Json& labels,
                                                   const std::vector<std::string>& pages) {
  auto ctx = std::make_unique<TemplateContext>();
  auto b = std::make_shared<Builder>(w, labels, pages, ctx->lists);
  LazyLists& lists = ctx->lists;
  const Rollup& r = rollup_of(w);
  {
    TemplateDataSink sink;
    sink.begin_object();
    write_workspace_overview_fields(sink, w);
    write_workspace_closing_fields(sink, w);
    sink.end_object();
    ctx->root = std::move(sink.result);
  }
  TemplateData& root = ctx->root;
  root["labels"] = to_template_data(labels);
  root["is_rtl"] = TemplateData{b->rtl()};
  b->completion_fields(root, r.movement);
  root["has_pages"] = TemplateData{!pages.empty()};
  root["unit_count"] = template_integer(static_cast<long long>(w.units.size()));
  std::size_t counted = 0;
  for (std::size_t i = 0; i < w.units.size(); ++i) counted += unit_figures(w, i).counted ? 1 : 0;
  root["not_counted_count"] = template_integer(static_cast<long long>(w.units.size() - counted));
  root["has_not_counted"] = TemplateData{counted < w.units.size()};
  root["units"] = lists.make(w.units.size(), [b](std::size_t i) { return b->unit(i); });
  root["shared_goals"] =
      lists.make(r.goals.size(), [b](std::size_t g) { return b->shared_goal(g); });
  root["has_shared_goals"] = TemplateData{!r.goals.empty()};
  root["goal_count"] = template_integer(static_cast<long long>(r.goals.size()));
  {
    kainjow::mustache::list none;
    for (std::size_t u : r.serving_none) {
      TemplateData item = b->unit_link(u);
      item["more"] = TemplateData{none.size() + 1 < r.serving_none.size()};
      none.push_back(std::move(item));
    }
    root["serving_none_units"] = TemplateData{none};
    root["has_serving_none"] = TemplateData{!r.serving_none.empty()};
  }
  // Stale activities by unit; unknown (not "none") when the history is not known.
  std::vector<std::size_t> stale_units;
  std::size_t stale_count = 0;
  if (w.history_note.empty())
    for (std::size_t i = 0; i < w.units.size(); ++i)
      if (w.units[i].stale && !w.units[i].stale->empty() && w.units[i].index &&
          unit_figures(w, i).counted) {
        stale_units.push_back(i);
        stale_count += w.units[i].stale->size();
      }
  root["stale_known"] = TemplateData{w.history_note.empty()};
  root["has_stale"] = TemplateData{stale_count > 0};
  root["stale_count"] = template_integer(static_cast<long long>(stale_count));
  const std::size_t n = stale_units.size();
  root["stale_units"] = lists.make(
      n, [b, units = std::move(stale_units)](std::size_t k) { return b->stale_unit(units[k]); });
  const std::size_t problems = w.diagnostics ? w.diagnostics->size() : 0;
  root["diagnostics"] = lists.make(problems, [b](std::size_t i) { return b->problem(i); });
  root["has_diagnostics"] = TemplateData{problems > 0};
  root["error_count"] = template_integer(static_cast<long long>(w.checks.errors));
  root["warning_count"] = template_integer(static_cast<long long>(w.checks.warnings));
  root["has_errors"] = TemplateData{w.checks.errors > 0};
  return ctx;
}

}  // namespace plan
