#include "render/template_context.hpp"

#include <cmath>
#include <map>

#include <fmt/format.h>

#include "render/terminal_text.hpp"

namespace plan {

namespace {

// A label by its dotted path in the labels file ("status.done"); the path itself when the
// labels lack it, so a missing translation shows up instead of vanishing.
std::string label(const Json& labels, const std::string& key) {
  const Json* node = &labels;
  for (std::size_t start = 0; start <= key.size();) {
    std::size_t dot = key.find('.', start);
    std::string part = key.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    auto it = node->find(part);
    if (it == node->end()) return key;
    node = &*it;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return node->is_string() ? node->get<std::string>() : key;
}

std::optional<double> completion_of(const Json& item) {
  auto it = item.find("completion");
  if (it == item.end() || it->is_null()) return std::nullopt;
  return it->get<double>();
}

std::string number_text(double v) { return fmt::format("{}", v); }

// percent, percent_text and a text bar: what every item with a completion shows.
void add_completion_fields(Json& item) {
  std::optional<double> c = completion_of(item);
  if (c) {
    item["percent"] = static_cast<int>(std::floor(*c * 100 + 1e-9));
    item["percent_text"] = fmt::format("{}%", static_cast<int>(std::floor(*c * 100 + 1e-9)));
  } else {
    item["percent"] = nullptr;
    item["percent_text"] = "–";
  }
  item["bar"] = c ? progress_bar(c, 10) : std::string("");
  item["has_completion"] = c.has_value();
}

Json link(const Json& item) {
  Json j = {{"id", item["id"]}, {"title", item["title"]}, {"percent_text", item["percent_text"]}};
  if (item.contains("status_label")) {
    j["status"] = item["status"];
    j["status_label"] = item["status_label"];
  }
  return j;
}

}  // namespace

Json template_context(const Json& report, const Json& labels, const std::vector<std::string>& files,
                      const Diagnostics& diagnostics) {
  Json ctx = report;
  ctx["labels"] = labels;
  ctx["is_rtl"] = ctx["plan"].value("direction", "ltr") == "rtl";
  ctx["history"] = false;  // `render --history` replaces it with the chart
  add_completion_fields(ctx);
  if (ctx["pace"].is_null()) {
    ctx["pace_percent_text"] = "–";
  } else {
    ctx["pace_percent_text"] = fmt::format("{}%", static_cast<int>(std::floor(ctx["pace"].get<double>() * 100 + 1e-9)));
  }
  ctx["pace_label"] = ctx["pace_mark"].get<std::string>().empty() ? "" : label(labels, "pace." + ctx["pace_mark"].get<std::string>());
  ctx["plan"]["status_label"] = ctx["plan"].value("status", Json()).is_string()
                                    ? label(labels, "plan_status." + ctx["plan"]["status"].get<std::string>())
                                    : "";
  Json contacts = Json::array();
  for (auto it = ctx["plan"]["contacts"].begin(); it != ctx["plan"]["contacts"].end(); ++it)
    contacts.push_back({{"name", it.key()}, {"label", label(labels, "contact." + it.key())}, {"value", it.value()}});
  ctx["plan"]["contact_list"] = contacts;

  // Index the items by id, for links with titles.
  std::map<std::string, Json*> by_id;
  for (const char* list : {"goals", "targets", "sections", "activities"})
    for (Json& item : ctx[list]) {
      add_completion_fields(item);
      by_id[item["id"].get<std::string>()] = &item;
    }

  for (Json& a : ctx["activities"]) {
    const std::string status = a["status"].get<std::string>();
    a["status_label"] = label(labels, "status." + status);
    a["status_class"] = "status-" + status;
    a["indent"] = a["depth"].get<int>() > 0;
    // No-break spaces: Markdown trims ordinary ones at the start of a table cell.
    std::string indent;
    for (int d = 0; d < a["depth"].get<int>(); ++d) indent += "\u00a0\u00a0";
    a["indent_text"] = a["depth"].get<int>() > 0 ? indent + "↳ " : "";
    if (a["measure"].is_object()) {
      const Json& m = a["measure"];
      double lo = m["planned"]["low"].get<double>(), hi = m["planned"]["high"].get<double>();
      std::string planned = lo == hi ? number_text(lo) : number_text(lo) + "–" + number_text(hi);
      a["measure_text"] = number_text(m["actual"].get<double>()) + " / " + planned +
                          (m["unit"].is_string() ? " " + m["unit"].get<std::string>() : "");
    } else {
      a["measure_text"] = nullptr;
    }
    a["partners_text"] = a["partners"].empty() ? Json(nullptr) : Json([&] {
      std::string s;
      for (const Json& p : a["partners"]) s += (s.empty() ? "" : ", ") + p.get<std::string>();
      return s;
    }());
  }
  auto links = [&](const Json& ids) {
    Json out = Json::array();
    for (const Json& id : ids)
      if (auto it = by_id.find(id.get<std::string>()); it != by_id.end()) out.push_back(link(*it->second));
    return out;
  };
  for (Json& g : ctx["goals"]) {
    g["pace_label"] = g["pace_mark"].get<std::string>().empty() ? "" : label(labels, "pace." + g["pace_mark"].get<std::string>());
    g["target_links"] = links(g["targets"]);
  }
  for (Json& t : ctx["targets"]) {
    t["goal_links"] = links(t["goals"]);
    t["activity_links"] = links(t["activities"]);
    t["partners_text"] = t["partners"].empty() ? Json(nullptr) : Json([&] {
      std::string s;
      for (const Json& p : t["partners"]) s += (s.empty() ? "" : ", ") + p.get<std::string>();
      return s;
    }());
  }
  for (Json& a : ctx["activities"]) a["target_links"] = links(a["effective_targets"]);
  // Activities come grouped by section, in the sections' order: one pass fills them all.
  {
    Json& sections = ctx["sections"];
    std::size_t si = 0;
    for (const Json& a : ctx["activities"]) {
      while (si < sections.size() && sections[si]["id"] != a["section"]) ++si;
      if (si == sections.size()) break;
      Json& all = sections[si]["all_activities"];
      if (all.is_null()) all = Json::array();
      all.push_back(a);
    }
    for (Json& s : sections)
      if (!s.contains("all_activities")) s["all_activities"] = Json::array();
  }

  // Links, not copies: a large plan can have thousands of overdue activities.
  Json overdue = Json::array();
  for (const Json& a : ctx["activities"])
    if (a["overdue"].get<bool>()) {
      Json l = link(a);
      l["due"] = a["due"];
      overdue.push_back(std::move(l));
    }
  ctx["overdue_activities"] = std::move(overdue);
  ctx["gap_goal_links"] = links(ctx["gaps"]["goals"]);
  ctx["gap_target_links"] = links(ctx["gaps"]["targets"]);
  ctx["has_gaps"] = !ctx["gap_goal_links"].empty() || !ctx["gap_target_links"].empty();

  // Status counts as a chart: each status's share of the activities, and where its bar
  // starts (x) in a 100-unit-wide stacked bar.
  Json chart = Json::array();
  const double total = ctx["counts"]["total"].get<double>();
  double x = 0;
  for (const char* s : {"done", "in-progress", "planned", "blocked", "dropped"}) {
    const double n = ctx["counts"][s].get<double>();
    const double w = total > 0 ? std::round(n / total * 10000.0) / 100.0 : 0;
    chart.push_back({{"status", s}, {"label", label(labels, std::string("status.") + s)},
                     {"class", std::string("status-") + s}, {"count", static_cast<int>(n)},
                     {"x", std::round(x * 100.0) / 100.0}, {"width", w}, {"visible", n > 0}});
    x += w;
  }
  ctx["status_chart"] = chart;

  Json problems = Json::array();
  for (const Diagnostic& d : diagnostics)
    problems.push_back({{"severity", severity_name(d.severity)},
                        {"severity_label", label(labels, std::string("severity.") + severity_name(d.severity))},
                        {"location", format_location(files, d.loc)},
                        {"code", d.code},
                        {"message", d.message}});
  ctx["diagnostics"] = problems;
  ctx["has_diagnostics"] = !problems.empty();
  return ctx;
}

}  // namespace plan
