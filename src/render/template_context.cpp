#include "render/template_context.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>

#include <fmt/format.h>

#include "message.hpp"
#include "render/figures.hpp"
#include "render/terminal_text.hpp"

namespace plan {

namespace {

// The labels of the summary's language, looked up once per key.
class Words {
 public:
  explicit Words(const Json& labels) : labels_(labels) {}
  // A label by its dotted path in the labels file ("status.done"); the path itself when
  // the labels lack it, so a missing translation shows up instead of vanishing.
  const std::string& operator()(const std::string& key) {
    auto it = cache_.find(key);
    if (it == cache_.end()) it = cache_.emplace(key, look_up(key)).first;
    return it->second;
  }

 private:
  std::string look_up(const std::string& key) const {
    const Json* node = &labels_;
    for (std::size_t start = 0; start <= key.size();) {
      std::size_t dot = key.find('.', start);
      std::string part =
          key.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
      auto it = node->find(part);
      if (it == node->end()) return key;
      node = &*it;
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    return node->is_string() ? node->get<std::string>() : key;
  }
  const Json& labels_;
  std::unordered_map<std::string, std::string> cache_;
};

// A completion as the report gives it (four decimals), which is what the percentages and
// bars of the templates have always been made from.
Completion reported(const Completion& c) {
  if (!c || !std::isfinite(*c)) return std::nullopt;
  return std::round(*c * 10000.0) / 10000.0;
}

// The ten-cell bar as it reads in the page's direction. Right to left, the bar fills from
// the right, so its partial cell must be a right-aligned block: the left-aligned eighths
// of the terminal bar would stand apart from the filled cells.
std::string text_bar(const Completion& c, bool rtl) {
  if (!c) return "";
  if (!rtl) return progress_bar(c, 10);
  const double tenths = std::clamp(*c, 0.0, 1.0) * 10.0;
  const auto full = static_cast<int>(std::floor(tenths + 1e-9));
  std::string out;
  for (int i = 0; i < full; ++i) out += "█";
  int used = full;
  if (used < 10 && tenths - full >= 0.5) {
    out += "▐";
    ++used;
  }
  for (; used < 10; ++used) out += "░";
  return out;
}

std::string join(const std::vector<std::string>& list) {
  std::string s;
  for (const std::string& p : list) s += (s.empty() ? "" : ", ") + p;
  return s;
}

// Everything the context is written from, shared by the builders of its lazy lists.
class Writer {
 public:
  Writer(const SummaryPlan& plan, const Json& labels, LazyLists& lists)
      : index_(plan.index),
        plan_(plan.index.plan()),
        stats_(plan.stats),
        diags_(plan.diagnostics),
        translate_(plan.translate),
        messages_rtl_(plan.messages_rtl),
        words_(labels),
        lists_(lists) {
    const Meta* meta = plan_.meta();
    rtl_ = std::string(direction_of(meta ? meta->language.value : "")) == "rtl";
    if (!plan_.unread_files.empty()) unknown_ = words_("unknown_reason");
    group_sections();
  }

  bool rtl() const { return rtl_; }
  const std::string& unknown_reason() const { return unknown_; }
  Words& words() { return words_; }

  // percent, percent_text, a text bar and why a completion is missing: what every item
  // with a completion shows. When a file could not be read, a missing completion says
  // why instead of passing for "none".
  void completion_fields(TemplateData& item, const Completion& raw) const {
    const Completion c = reported(raw);
    item["percent"] = c ? template_integer(whole_percent(*c)) : TemplateData{false};
    item["percent_text"] = template_text(percent_figure(c));
    item["bar"] = template_text(text_bar(c, rtl_));
    item["has_completion"] = TemplateData{c.has_value()};
    item["completion_reason"] = c ? TemplateData{false} : template_text(unknown_);
  }

  const std::string& pace_label(const Completion& c) {
    static const std::string kNone;
    const std::string mark = pace_mark_name(pace_mark(c, stats_.pace));
    return mark.empty() ? kNone : words_("pace." + mark);
  }

  // An item by the index: what a link shows (id, title, percent; an activity's status).
  TemplateData link(const ItemRef& r) {
    TemplateData l{TemplateData::type::object};
    l["id"] = template_text(index_.id_of(r).value);
    l["title"] = template_text(index_.title_of(r).value);
    l["percent_text"] = template_text(percent_figure(reported(completion_of(r))));
    if (r.kind == ItemKind::activity) {
      const std::string status = status_name(index_.activities()[r.index].activity->status.value);
      l["status"] = template_text(status);
      l["status_label"] = template_text(words_("status." + status));
    }
    return l;
  }
  TemplateData links(std::vector<ItemRef> refs) {
    const std::size_t n = refs.size();  // before the list moves into the builder
    return lists_.make(n, [this, refs = std::move(refs)](std::size_t i) { return link(refs[i]); });
  }
  // The items that ids name, through the index; an id that names nothing is left out.
  std::vector<ItemRef> resolve(const std::vector<Ref>& ids) const {
    std::vector<ItemRef> out;
    for (const Ref& r : ids)
      if (const ItemRef* found = index_.find(r.id)) out.push_back(*found);
    return out;
  }
  static std::vector<ItemRef> refs(ItemKind kind, const std::vector<std::size_t>& indexes) {
    std::vector<ItemRef> out;
    out.reserve(indexes.size());
    for (std::size_t i : indexes) out.push_back({kind, i});
    return out;
  }

  TemplateData goal(std::size_t i) {
    TemplateData g = report_item([&](JsonSink& s) { write_goal(s, index_, stats_, i); });
    completion_fields(g, stats_.goals[i]);
    g["pace_label"] = template_text(pace_label(stats_.goals[i]));
    g["target_links"] = links(refs(ItemKind::target, stats_.goal_targets[i]));
    return g;
  }

  TemplateData target(std::size_t i) {
    const Target& t = plan_.targets[i];
    TemplateData d = report_item([&](JsonSink& s) { write_target(s, index_, stats_, i); });
    completion_fields(d, stats_.targets[i]);
    d["goal_links"] = links(resolve(t.goals.value));
    d["activity_links"] = links(refs(ItemKind::activity, stats_.target_activities[i]));
    d["partners_text"] = template_text(join(t.partners.value));
    return d;
  }

  TemplateData section(std::size_t i) {
    TemplateData d = report_item([&](JsonSink& s) { write_section(s, index_, stats_, i); });
    completion_fields(d, stats_.sections[i]);
    const SectionRows& rows = sections_[i];
    d["all_activities"] = lists_.make(rows.activities.size(), [this, i](std::size_t k) {
      return activity(sections_[i].activities[k]);
    });
    d["has_measure"] = TemplateData{rows.has_measure};
    d["has_owner"] = TemplateData{rows.has_owner};
    d["has_partners"] = TemplateData{rows.has_partners};
    d["has_due"] = TemplateData{rows.has_due};
    d["has_targets"] = TemplateData{rows.has_targets};
    return d;
  }

  TemplateData activity(std::size_t i) {
    const ActivityEntry& e = index_.activities()[i];
    const Activity& a = *e.activity;
    TemplateData d = report_item([&](JsonSink& s) { write_activity(s, index_, stats_, i); });
    completion_fields(d, stats_.activities[i]);
    const std::string status = status_name(a.status.value);
    d["status_label"] = template_text(words_("status." + status));
    d["status_class"] = template_text("status-" + status);
    d["indent"] = TemplateData{e.depth > 0};
    // No-break spaces: Markdown trims ordinary ones at the start of a table cell.
    std::string indent;
    for (int k = 0; k < e.depth; ++k) indent += "\u00a0\u00a0";
    // The arrow points from the parent into the indent, which is on the left in
    // right-to-left text (arrows are not mirrored by the bidi algorithm).
    d["indent_arrow"] = template_text(e.depth > 0 ? (rtl_ ? "↲" : "↳") : "");
    d["indent_text"] = template_text(e.depth > 0 ? indent + (rtl_ ? "↲ " : "↳ ") : "");
    if (a.measure) {
      d["measure_numbers"] = template_text(measure_numbers(*a.measure));
      d["measure_unit"] =
          a.measure->unit.given() ? template_text(a.measure->unit.value) : TemplateData{false};
      d["measure_text"] = template_text(measure_text(*a.measure));
    } else {
      d["measure_numbers"] = TemplateData{false};
      d["measure_unit"] = TemplateData{false};
      d["measure_text"] = TemplateData{false};
    }
    d["partners_text"] = template_text(join(a.partners.value));
    d["target_links"] = links(e.targets ? resolve(*e.targets) : std::vector<ItemRef>{});
    return d;
  }

  // Links, not copies: a large plan can have thousands of overdue activities.
  TemplateData overdue_link(std::size_t i) {
    TemplateData l = link({ItemKind::activity, i});
    const Located<Date>& due = index_.activities()[i].activity->due;
    l["due"] =
        due.given() && due.value.valid ? template_text(due.value.text()) : TemplateData{false};
    return l;
  }

  TemplateData problem(std::size_t i) {
    const Diagnostic& d = diags_[i];
    TemplateData p{TemplateData::type::object};
    p["severity"] = template_text(severity_name(d.severity));
    p["severity_label"] =
        template_text(words_(std::string("severity.") + severity_name(d.severity)));
    p["location"] = template_text(format_location(plan_.files, d.loc));
    p["code"] = template_text(d.code);
    p["message"] = template_text(
        d.text.empty() ? d.message : render_message(d.text, translate_, messages_rtl_));
    return p;
  }

 private:
  template <class F>
  static TemplateData report_item(F&& write) {
    TemplateDataSink sink;
    write(sink);
    return std::move(sink.result);
  }

  Completion completion_of(const ItemRef& r) const {
    switch (r.kind) {
      case ItemKind::goal:
        return stats_.goals[r.index];
      case ItemKind::target:
        return stats_.targets[r.index];
      case ItemKind::section:
        return stats_.sections[r.index];
      case ItemKind::activity:
        break;
    }
    return stats_.activities[r.index];
  }

  // Each section's activities at every depth, in the plan's order (activities come
  // grouped by section, in the sections' order: one pass fills them all), and which
  // columns they fill: a column empty for a whole table is left out (its header alone
  // would squeeze).
  struct SectionRows {
    std::vector<std::size_t> activities;
    bool has_measure = false, has_owner = false, has_partners = false, has_due = false,
         has_targets = false;
  };
  void group_sections() {
    sections_.resize(plan_.sections.size());
    const auto& acts = index_.activities();
    std::size_t si = 0;
    for (std::size_t i = 0; i < acts.size(); ++i) {
      const Activity& a = *acts[i].activity;
      while (si < sections_.size() && plan_.sections[si].id.value != acts[i].section->id.value)
        ++si;
      if (si == sections_.size()) break;
      SectionRows& s = sections_[si];
      s.activities.push_back(i);
      if (a.measure) s.has_measure = true;
      if (a.owner.given() && !a.owner.value.empty()) s.has_owner = true;
      if (!a.partners.value.empty()) s.has_partners = true;
      if (a.due.given() && a.due.value.valid) s.has_due = true;
      if (!s.has_targets && acts[i].targets)
        for (const Ref& r : *acts[i].targets)
          if (index_.find(r.id)) {
            s.has_targets = true;
            break;
          }
    }
  }

  const PlanIndex& index_;
  const Plan& plan_;
  const Stats& stats_;
  const Diagnostics& diags_;
  Translator translate_;
  bool messages_rtl_;
  Words words_;
  LazyLists& lists_;
  bool rtl_ = false;
  std::string unknown_;
  std::vector<SectionRows> sections_;
};

// The plan's metadata as the report has it, with the label of its status and its
// contacts as a list.
void add_plan_fields(TemplateData& plan, const Plan& p, Words& words) {
  const Meta* meta = p.meta();
  plan["status_label"] =
      template_text(meta && meta->status.given() ? words("plan_status." + meta->status.value) : "");
  kainjow::mustache::list contacts;
  if (meta)
    for (const auto& [name, value] : meta->contacts) {
      TemplateData c{TemplateData::type::object};
      c["name"] = template_text(name);
      c["label"] = template_text(words("contact." + name));
      c["value"] = template_text(value);
      // A number is one word: "03-6925418" must not break at its hyphen.
      c["is_number"] = TemplateData{name == "phone" || name == "fax"};
      contacts.push_back(std::move(c));
    }
  plan["contact_list"] = TemplateData{contacts};
}

// Status counts as a chart: each status's share of the activities, and where its bar
// starts (x) in a 100-unit-wide stacked bar.
TemplateData status_chart(const StatusCounts& counts, Words& words) {
  kainjow::mustache::list chart;
  const auto total = static_cast<double>(counts.total());
  double x = 0;
  // Finished work first, as the bar reads.
  for (Status st :
       {Status::done, Status::in_progress, Status::planned, Status::blocked, Status::dropped}) {
    const std::string s = status_name(st);
    const auto n = static_cast<double>(counts.of(st));
    const double w = total > 0 ? std::round(n / total * 10000.0) / 100.0 : 0;
    TemplateData bar{TemplateData::type::object};
    bar["status"] = template_text(s);
    bar["label"] = template_text(words("status." + s));
    bar["class"] = template_text("status-" + s);
    bar["count"] = template_integer(static_cast<long long>(counts.of(st)));
    bar["x"] = template_number(std::round(x * 100.0) / 100.0);
    bar["width"] = template_number(w);
    bar["visible"] = TemplateData{n > 0};
    chart.push_back(std::move(bar));
    x += w;
  }
  return TemplateData{chart};
}

}  // namespace

std::unique_ptr<TemplateContext> template_context(const SummaryPlan& sp, const Json& labels,
                                                  const Json* history) {
  auto ctx = std::make_unique<TemplateContext>();
  // The builders of the lazy lists share the writer: it lives as long as they do.
  auto w = std::make_shared<Writer>(sp, labels, ctx->lists);
  LazyLists& lists = ctx->lists;
  const PlanIndex& index = sp.index;
  const Plan& p = index.plan();
  const Stats& s = sp.stats;

  // The report's own fields, then the lists, item by item.
  {
    TemplateDataSink sink;
    sink.begin_object();
    write_overview_fields(sink, index, s);
    write_closing_fields(sink, index, s, sp.checks);
    sink.end_object();
    ctx->root = std::move(sink.result);
  }
  TemplateData& root = ctx->root;
  root["goals"] = lists.make(p.goals.size(), [w](std::size_t i) { return w->goal(i); });
  root["targets"] = lists.make(p.targets.size(), [w](std::size_t i) { return w->target(i); });
  root["sections"] = lists.make(p.sections.size(), [w](std::size_t i) { return w->section(i); });
  root["activities"] =
      lists.make(index.activities().size(), [w](std::size_t i) { return w->activity(i); });

  root["labels"] = to_template_data(labels);
  root["is_rtl"] = TemplateData{w->rtl()};
  root["history"] = history ? to_template_data(*history) : TemplateData{false};

  // Files that could not be read.
  const std::size_t unread = p.unread_files.size();
  const std::size_t file_count = std::max(unread, p.files.empty() ? 0 : p.files.size() - 1);
  root["incomplete"] = TemplateData{unread > 0};
  root["incomplete_text"] = template_text(
      unread > 0 ? fill_label(w->words()("incomplete"), {{"unread", std::to_string(unread)},
                                                         {"total", std::to_string(file_count)}})
                 : "");
  w->completion_fields(root, s.plan);
  root["pace_percent_text"] = template_text(percent_figure(reported(s.pace)));
  root["pace_label"] = template_text(w->pace_label(s.plan));
  add_plan_fields(root["plan"], p, w->words());

  std::vector<std::size_t> overdue;
  for (std::size_t i = 0; i < s.overdue.size(); ++i)
    if (s.overdue[i]) overdue.push_back(i);
  const std::size_t overdue_count = overdue.size();
  root["overdue_activities"] = lists.make(
      overdue_count,
      [w, overdue = std::move(overdue)](std::size_t i) { return w->overdue_link(overdue[i]); });
  // Gaps are not known when a file could not be read: unknown, not "none".
  const bool gaps_known = s.complete;
  root["gap_goal_links"] =
      w->links(gaps_known ? Writer::refs(ItemKind::goal, s.gap_goals) : std::vector<ItemRef>{});
  root["gap_target_links"] =
      w->links(gaps_known ? Writer::refs(ItemKind::target, s.gap_targets) : std::vector<ItemRef>{});
  root["has_gaps"] = TemplateData{gaps_known && (!s.gap_goals.empty() || !s.gap_targets.empty())};
  root["gaps_unknown"] = TemplateData{!gaps_known};
  root["has_overdue"] = TemplateData{s.counts.overdue > 0};
  root["status_chart"] = status_chart(s.counts, w->words());

  const Diagnostics& diags = sp.diagnostics;
  root["diagnostics"] = lists.make(diags.size(), [w](std::size_t i) { return w->problem(i); });
  root["has_diagnostics"] = TemplateData{!diags.empty()};
  const std::size_t errors = count_severity(diags, Severity::error);
  const std::size_t warnings = count_severity(diags, Severity::warning);
  root["error_count"] = template_integer(static_cast<long long>(errors));
  root["warning_count"] = template_integer(static_cast<long long>(warnings));
  root["has_errors"] = TemplateData{errors > 0};
  return ctx;
}

}  // namespace plan
