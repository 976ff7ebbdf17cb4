// The exports' tables: the report's fields of each item (render/report.cpp), flattened to
// one row a item (`measure.planned.low` → `measure_planned_low`, `counts.done` →
// `counts_done`), lists joined with ", " (as `plan set` and `plan import` read them back).
#include "render/export_table.hpp"

#include <cmath>
#include <cstddef>
#include <initializer_list>

#include "model.hpp"

namespace plan {

namespace {

using T = ExportType;

// Columns, with the report's `counts` object flattened where `counts` stands.
std::vector<ExportColumn> columns(std::initializer_list<ExportColumn> list) {
  std::vector<ExportColumn> out;
  for (const ExportColumn& c : list) {
    if (c.key != "counts") {
      out.push_back(c);
      continue;
    }
    for (Status st : kStatuses) {
      std::string key = std::string("counts_") + status_name(st);
      for (char& ch : key)
        if (ch == '-') ch = '_';
      out.push_back({key, T::integer});
    }
    out.push_back({"counts_overdue", T::integer});
    out.push_back({"counts_total", T::integer});
  }
  return out;
}

const std::vector<ExportColumn> kGoalColumns = columns({
    {"id", T::text},
    {"title", T::text},
    {"description", T::text},
    {"completion", T::percent},
    {"pace_mark", T::text},
    {"targets", T::text},
    {"counts", T::integer},
    {"file", T::text},
    {"line", T::integer},
});

const std::vector<ExportColumn> kTargetColumns = columns({
    {"id", T::text},
    {"title", T::text},
    {"description", T::text},
    {"owner", T::text},
    {"partners", T::text},
    {"goals", T::text},
    {"completion", T::percent},
    {"counts", T::integer},
    {"file", T::text},
    {"line", T::integer},
});

const std::vector<ExportColumn> kActivityColumns = columns({
    {"id", T::text},
    {"title", T::text},
    {"section", T::text},
    {"parent", T::text},
    {"depth", T::integer},
    {"status", T::text},
    {"completion", T::percent},
    {"overdue", T::boolean},
    {"targets", T::text},
    {"effective_targets", T::text},
    {"owner", T::text},
    {"partners", T::text},
    {"start", T::date},
    {"due", T::date},
    {"measure_unit", T::text},
    {"measure_planned_low", T::number},
    {"measure_planned_high", T::number},
    {"measure_actual", T::number},
    {"percent", T::number},
    {"weight", T::number},
    {"notes", T::text},
    {"file", T::text},
    {"line", T::integer},
});

// Fills a row's cells left to right; strings are assigned into the reused cells, so a large
// table allocates little after its first rows.
class RowWriter {
 public:
  explicit RowWriter(std::vector<ExportValue>& cells) : cells_(cells) {}

  void empty() { next().given = false; }
  void text(const std::string& s) {
    ExportValue& v = next();
    v.given = true;
    v.text.assign(s);
  }
  // Text that is empty stands for "not given", as in the report.
  void text_or_empty(const std::string& s) { s.empty() ? empty() : text(s); }
  void text_or_empty(const Located<std::string>& s) { s.given() ? text(s.value) : empty(); }
  void number(double n) {
    if (!std::isfinite(n)) return empty();
    ExportValue& v = next();
    v.given = true;
    v.text.clear();
    v.number = n;
  }
  void integer(long long n) { number(static_cast<double>(n)); }
  void boolean(bool b) { number(b ? 1 : 0); }
  // Rounded as the report rounds it (4 decimals: 45.23%), so every output agrees.
  void completion(const Completion& c) {
    if (c && std::isfinite(*c))
      number(std::round(*c * 10000.0) / 10000.0);
    else
      empty();
  }
  void date(const Located<Date>& d) {
    if (!d.given() || !d.value.valid) return empty();
    text(d.value.text());
  }
  template <class List, class Text>
  void joined(const List& list, Text text_of) {
    if (list.empty()) return empty();
    ExportValue& v = next();
    v.given = true;
    v.text.clear();
    bool first = true;
    for (const auto& item : list) {
      if (!first) v.text += ", ";
      first = false;
      v.text += text_of(item);
    }
  }
  void counts(const StatusCounts& c) {
    for (Status s : kStatuses) integer(static_cast<long long>(c.of(s)));
    integer(static_cast<long long>(c.overdue));
    integer(static_cast<long long>(c.total()));
  }
  void source(const Plan& p, Loc loc) {
    text_or_empty(loc.file < p.files.size() ? p.files[loc.file] : std::string());
    integer(loc.line);
  }

 private:
  ExportValue& next() { return cells_[at_++]; }
  std::vector<ExportValue>& cells_;
  std::size_t at_ = 0;
};

const std::string& ref_id(const Ref& r) {
  return r.id;
}
const std::string& same(const std::string& s) {
  return s;
}

}  // namespace

const std::vector<ExportColumn>& export_columns(ExportKind kind) {
  switch (kind) {
    case ExportKind::goals:
      return kGoalColumns;
    case ExportKind::targets:
      return kTargetColumns;
    case ExportKind::activities:
      break;
  }
  return kActivityColumns;
}

void export_rows(const PlanIndex& index, const Stats& s, ExportKind kind,
                 const std::function<void(const std::vector<ExportValue>&)>& row) {
  const Plan& p = index.plan();
  std::vector<ExportValue> cells(export_columns(kind).size());
  switch (kind) {
    case ExportKind::goals:
      for (std::size_t i = 0; i < p.goals.size(); ++i) {
        const Goal& g = p.goals[i];
        RowWriter w(cells);
        w.text(g.id.value);
        w.text(g.title.value);
        w.text_or_empty(g.description);
        w.completion(s.goals[i]);
        w.text_or_empty(pace_mark_name(pace_mark(s.goals[i], s.pace)));
        w.joined(s.goal_targets[i],
                 [&](std::size_t t) -> const std::string& { return p.targets[t].id.value; });
        w.counts(s.goal_counts[i]);
        w.source(p, g.loc);
        row(cells);
      }
      return;
    case ExportKind::targets:
      for (std::size_t i = 0; i < p.targets.size(); ++i) {
        const Target& t = p.targets[i];
        RowWriter w(cells);
        w.text(t.id.value);
        w.text(t.title.value);
        w.text_or_empty(t.description);
        w.text_or_empty(t.owner);
        w.joined(t.partners.value, same);
        w.joined(t.goals.value, ref_id);
        w.completion(s.targets[i]);
        w.counts(s.target_counts[i]);
        w.source(p, t.loc);
        row(cells);
      }
      return;
    case ExportKind::activities:
      break;
  }
  static const std::vector<Ref> kNone;
  const auto& acts = index.activities();
  for (std::size_t i = 0; i < acts.size(); ++i) {
    const ActivityEntry& e = acts[i];
    const Activity& a = *e.activity;
    RowWriter w(cells);
    w.text(a.id.value);
    w.text(a.title.value);
    w.text_or_empty(e.section->id.value);
    if (e.parent >= 0)
      w.text(acts[static_cast<std::size_t>(e.parent)].activity->id.value);
    else
      w.empty();
    w.integer(e.depth);
    w.text_or_empty(status_name(a.status.value));
    w.completion(s.activities[i]);
    w.boolean(s.overdue[i]);
    w.joined(a.targets.value, ref_id);
    w.joined(e.targets ? *e.targets : kNone, ref_id);
    w.text_or_empty(a.owner);
    w.joined(a.partners.value, same);
    w.date(a.start);
    w.date(a.due);
    if (a.measure) {
      w.text_or_empty(a.measure->unit);
      w.number(a.measure->planned.value.low);
      w.number(a.measure->planned.value.high);
      w.number(a.measure->actual.value);
    } else {
      for (int k = 0; k < 4; ++k) w.empty();
    }
    if (a.percent.given())
      w.number(a.percent.value);
    else
      w.empty();
    w.number(a.weight.value);
    w.text_or_empty(a.notes);
    w.source(p, a.loc);
    row(cells);
  }
}

}  // namespace plan
