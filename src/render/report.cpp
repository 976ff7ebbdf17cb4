#include "render/report.hpp"

#include <cmath>

#include "util/text.hpp"

namespace plan {

// Right-to-left scripts among the languages people are likely to write plans in.
const char* direction_of(const std::string& language) {
  std::string primary = ascii_lower(language.substr(0, language.find('-')));
  for (const char* rtl : {"he", "ar", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb"})
    if (primary == rtl) return "rtl";
  return "ltr";
}

Json completion_json(const Completion& c) {
  if (!c) return nullptr;
  return std::round(*c * 10000.0) / 10000.0;
}

Json counts_json(const StatusCounts& c) {
  Json j = Json::object();
  for (Status s : kStatuses) j[status_name(s)] = c.of(s);
  j["overdue"] = c.overdue;
  j["total"] = c.total();
  return j;
}

namespace {

Json text_or_null(const Located<std::string>& t) {
  return t.given() ? Json(t.value) : Json(nullptr);
}

Json date_or_null(const Located<Date>& d) {
  return d.given() && d.value.valid ? Json(d.value.text) : Json(nullptr);
}

Json ids(const std::vector<Ref>& refs) {
  Json j = Json::array();
  for (const Ref& r : refs) j.push_back(r.id);
  return j;
}

Json strings(const std::vector<std::string>& list) {
  Json j = Json::array();
  for (const std::string& s : list) j.push_back(s);
  return j;
}

// Where an item is written, so tools can link back to it.
void add_source(Json& j, const Plan& p, Loc loc) {
  j["file"] = loc.file < p.files.size() ? p.files[loc.file] : "";
  j["line"] = loc.line;
}

Json meta_json(const Plan& p) {
  Json j = Json::object();
  const Meta* m = p.meta();
  if (!m) return j;
  j["id"] = text_or_null(m->id);
  j["title"] = text_or_null(m->title);
  j["organization"] = text_or_null(m->organization);
  j["language"] = text_or_null(m->language);
  j["direction"] = direction_of(m->language.value);
  j["period"] = {{"start", date_or_null(m->start)}, {"end", date_or_null(m->end)}};
  j["published"] = date_or_null(m->published);
  j["status"] = text_or_null(m->status);
  Json contacts = Json::object();
  for (const auto& [k, v] : m->contacts) contacts[k] = v;
  j["contacts"] = contacts;
  return j;
}

}  // namespace

Json build_report(const PlanIndex& index, const Stats& s, const CheckSummary& checks) {
  const Plan& p = index.plan();
  const auto& acts = index.activities();
  Json r = Json::object();
  r["as_of"] = s.as_of.text;
  r["plan"] = meta_json(p);
  r["completion"] = completion_json(s.plan);
  r["pace"] = completion_json(s.pace);
  r["pace_mark"] = pace_mark_name(pace_mark(s.plan, s.pace));
  r["counts"] = counts_json(s.counts);

  Json goals = Json::array();
  for (std::size_t i = 0; i < p.goals.size(); ++i) {
    const Goal& g = p.goals[i];
    Json j = {{"id", g.id.value}, {"title", g.title.value}, {"description", text_or_null(g.description)},
              {"completion", completion_json(s.goals[i])},
              {"pace_mark", pace_mark_name(pace_mark(s.goals[i], s.pace))},
              {"counts", counts_json(s.goal_counts[i])}};
    Json targets = Json::array();
    for (std::size_t t : s.goal_targets[i]) targets.push_back(p.targets[t].id.value);
    j["targets"] = targets;
    add_source(j, p, g.loc);
    goals.push_back(j);
  }
  r["goals"] = goals;

  Json targets = Json::array();
  for (std::size_t i = 0; i < p.targets.size(); ++i) {
    const Target& t = p.targets[i];
    Json j = {{"id", t.id.value}, {"title", t.title.value}, {"description", text_or_null(t.description)},
              {"owner", text_or_null(t.owner)}, {"partners", strings(t.partners.value)},
              {"completion", completion_json(s.targets[i])}, {"counts", counts_json(s.target_counts[i])},
              {"goals", ids(t.goals.value)}};
    Json activities = Json::array();
    for (std::size_t a : s.target_activities[i]) activities.push_back(acts[a].activity->id.value);
    j["activities"] = activities;
    add_source(j, p, t.loc);
    targets.push_back(j);
  }
  r["targets"] = targets;

  Json sections = Json::array();
  for (std::size_t i = 0; i < p.sections.size(); ++i) {
    const Section& sec = p.sections[i];
    Json j = {{"id", sec.id.value}, {"title", sec.title.value},
              {"completion", completion_json(s.sections[i])}, {"counts", counts_json(s.section_counts[i])}};
    Json top = Json::array();
    for (const Activity& a : sec.activities) top.push_back(a.id.value);
    j["activities"] = top;
    add_source(j, p, sec.loc);
    sections.push_back(j);
  }
  r["sections"] = sections;

  Json activities = Json::array();
  for (std::size_t i = 0; i < acts.size(); ++i) {
    const ActivityEntry& e = acts[i];
    const Activity& a = *e.activity;
    Json j = {{"id", a.id.value}, {"title", a.title.value}, {"section", e.section->id.value},
              {"parent", e.parent >= 0 ? Json(acts[static_cast<std::size_t>(e.parent)].activity->id.value)
                                       : Json(nullptr)},
              {"depth", e.depth}, {"status", status_name(a.status.value)},
              {"completion", completion_json(s.activities[i])}, {"overdue", static_cast<bool>(s.overdue[i])},
              {"targets", ids(a.targets.value)},
              {"effective_targets", e.targets ? ids(*e.targets) : Json::array()},
              {"owner", text_or_null(a.owner)}, {"partners", strings(a.partners.value)},
              {"start", date_or_null(a.start)}, {"due", date_or_null(a.due)}};
    if (a.measure) {
      const Range& pl = a.measure->planned.value;
      j["measure"] = {{"unit", text_or_null(a.measure->unit)},
                      {"planned", {{"low", pl.low}, {"high", pl.high}}},
                      {"actual", a.measure->actual.value}};
    } else {
      j["measure"] = nullptr;
    }
    j["percent"] = a.percent.given() ? Json(a.percent.value) : Json(nullptr);
    j["weight"] = a.weight.value;
    j["notes"] = text_or_null(a.notes);
    Json children = Json::array();
    for (const Activity& c : a.activities) children.push_back(c.id.value);
    j["activities"] = children;
    add_source(j, p, a.loc);
    activities.push_back(j);
  }
  r["activities"] = activities;

  Json gap_goals = Json::array(), gap_targets = Json::array();
  for (std::size_t g : s.gap_goals) gap_goals.push_back(p.goals[g].id.value);
  for (std::size_t t : s.gap_targets) gap_targets.push_back(p.targets[t].id.value);
  r["gaps"] = {{"goals", gap_goals}, {"targets", gap_targets}};
  r["checks"] = {{"errors", checks.errors}, {"warnings", checks.warnings}};
  return r;
}

}  // namespace plan
