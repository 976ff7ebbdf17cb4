#include "render/template_context.hpp"

#include <algorithm>
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

std::optional<double> completion_of(const Json& item) {
  auto it = item.find("completion");
  if (it == item.end() || it->is_null()) return std::nullopt;
  return it->get<double>();
}

std::string number_text(double v) {
  return fmt::format("{}", v);
}

// The ten-cell bar as it reads in the page's direction. Right to left, the bar fills from
// the right, so its partial cell must be a right-aligned block: the left-aligned eighths
// of the terminal bar would stand apart from the filled cells.
std::string text_bar(std::optional<double> c, bool rtl) {
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

// percent, percent_text and a text bar: what every item with a completion shows. When a
// file could not be read, a missing completion says why instead of passing for "none".
void add_completion_fields(Json& item, bool rtl, const std::string& unknown_reason) {
  // Room for the derived fields (see the top level's reserve).
  item.get_ref<Json::object_t&>().reserve(item.size() + 24);
  std::optional<double> c = completion_of(item);
  if (c) {
    item["percent"] = static_cast<int>(std::floor(*c * 100 + 1e-9));
    item["percent_text"] = fmt::format("{}%", static_cast<int>(std::floor(*c * 100 + 1e-9)));
  } else {
    item["percent"] = nullptr;
    item["percent_text"] = "–";
  }
  item["bar"] = text_bar(c, rtl);
  item["has_completion"] = c.has_value();
  item["completion_reason"] = c                        ? Json(nullptr)
                              : unknown_reason.empty() ? Json(nullptr)
                                                       : Json(unknown_reason);
}

// "{unread} of {total}" in a label, filled in.
std::string fill(std::string text, const std::string& key, const std::string& value) {
  const std::string mark = "{" + key + "}";
  for (std::size_t at = text.find(mark); at != std::string::npos;
       at = text.find(mark, at + value.size()))
    text.replace(at, mark.size(), value);
  return text;
}

std::string join(const Json& list) {
  std::string s;
  for (const Json& p : list) s += (s.empty() ? "" : ", ") + p.get<std::string>();
  return s;
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

Json template_context(Json report, const Json& labels, const std::vector<std::string>& files,
                      const Diagnostics& diagnostics, const TemplateNames* names) {
  Json ctx = std::move(report);
  // An ordered_json object is a vector whose elements are copied, not moved, when it grows
  // (their keys are const): growing the top level would deep-copy every list, and leave
  // the pointers below (by_id) dangling. Room for every key added here, first.
  ctx.get_ref<Json::object_t&>().reserve(ctx.size() + 48);
  ctx["labels"] = labels;
  const bool rtl = ctx["plan"].value("direction", "ltr") == "rtl";
  ctx["is_rtl"] = rtl;
  ctx["history"] = false;  // `render --history` replaces it with the chart

  // Files that could not be read (absent from older reports: then every file was read).
  std::size_t unread = 0;
  if (auto it = ctx.find("unread_files"); it != ctx.end() && it->is_array()) unread = it->size();
  std::size_t file_count = unread;
  if (auto it = ctx.find("file_count"); it != ctx.end() && it->is_number_integer())
    file_count = std::max(file_count, static_cast<std::size_t>(it->get<long long>()));
  ctx["incomplete"] = unread > 0;
  ctx["incomplete_text"] =
      unread > 0 ? fill(fill(label(labels, "incomplete"), "unread", std::to_string(unread)),
                        "total", std::to_string(file_count))
                 : "";
  const std::string unknown = unread > 0 ? label(labels, "unknown_reason") : "";
  add_completion_fields(ctx, rtl, unknown);
  if (ctx["pace"].is_null()) {
    ctx["pace_percent_text"] = "–";
  } else {
    ctx["pace_percent_text"] =
        fmt::format("{}%", static_cast<int>(std::floor(ctx["pace"].get<double>() * 100 + 1e-9)));
  }
  ctx["pace_label"] = ctx["pace_mark"].get<std::string>().empty()
                          ? ""
                          : label(labels, "pace." + ctx["pace_mark"].get<std::string>());
  ctx["plan"]["status_label"] =
      ctx["plan"].value("status", Json()).is_string()
          ? label(labels, "plan_status." + ctx["plan"]["status"].get<std::string>())
          : "";
  Json contacts = Json::array();
  for (auto it = ctx["plan"]["contacts"].begin(); it != ctx["plan"]["contacts"].end(); ++it)
    contacts.push_back({{"name", it.key()},
                        {"label", label(labels, "contact." + it.key())},
                        {"value", it.value()},
                        // A number is one word: "03-6925418" must not break at its hyphen.
                        {"is_number", it.key() == "phone" || it.key() == "fax"}});
  ctx["plan"]["contact_list"] = contacts;

  // Index the items by id, for links with titles.
  std::map<std::string, Json*> by_id;
  for (const char* list : {"goals", "targets", "sections", "activities"})
    for (Json& item : ctx[list]) {
      add_completion_fields(item, rtl, unknown);
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
    // The arrow points from the parent into the indent, which is on the left in
    // right-to-left text (arrows are not mirrored by the bidi algorithm).
    a["indent_arrow"] = a["depth"].get<int>() > 0 ? (rtl ? "↲" : "↳") : "";
    a["indent_text"] = a["depth"].get<int>() > 0 ? indent + (rtl ? "↲ " : "↳ ") : "";
    if (a["measure"].is_object()) {
      const Json& m = a["measure"];
      double lo = m["planned"]["low"].get<double>(), hi = m["planned"]["high"].get<double>();
      std::string planned = lo == hi ? number_text(lo) : number_text(lo) + "–" + number_text(hi);
      // The numbers apart from the unit, so a template can keep "3 / 5–6" left to right
      // inside right-to-left text (else it reads "6–5 / 3").
      a["measure_numbers"] = number_text(m["actual"].get<double>()) + " / " + planned;
      a["measure_unit"] = m["unit"].is_string() ? m["unit"] : Json(nullptr);
      a["measure_text"] = a["measure_numbers"].get<std::string>() +
                          (m["unit"].is_string() ? " " + m["unit"].get<std::string>() : "");
    } else {
      a["measure_numbers"] = nullptr;
      a["measure_unit"] = nullptr;
      a["measure_text"] = nullptr;
    }
    a["partners_text"] = a["partners"].empty() ? Json(nullptr) : Json(join(a["partners"]));
  }
  auto links = [&](const Json& ids) {
    Json out = Json::array();
    for (const Json& id : ids)
      if (auto it = by_id.find(id.get<std::string>()); it != by_id.end())
        out.push_back(link(*it->second));
    return out;
  };
  for (Json& g : ctx["goals"]) {
    g["pace_label"] = g["pace_mark"].get<std::string>().empty()
                          ? ""
                          : label(labels, "pace." + g["pace_mark"].get<std::string>());
    g["target_links"] = links(g["targets"]);
  }
  for (Json& t : ctx["targets"]) {
    t["goal_links"] = links(t["goals"]);
    t["activity_links"] = links(t["activities"]);
    t["partners_text"] = t["partners"].empty() ? Json(nullptr) : Json(join(t["partners"]));
  }
  for (Json& a : ctx["activities"]) a["target_links"] = links(a["effective_targets"]);
  // Links, not copies: a large plan can have thousands of overdue activities.
  Json overdue = Json::array();
  for (const Json& a : ctx["activities"])
    if (a["overdue"].get<bool>()) {
      Json l = link(a);
      l["due"] = a["due"];
      overdue.push_back(std::move(l));
    }
  ctx["overdue_activities"] = std::move(overdue);
  // Gaps are null when a file could not be read: unknown, not "none".
  const bool gaps_known = ctx["gaps"].is_object() && ctx["gaps"]["goals"].is_array() &&
                          ctx["gaps"]["targets"].is_array();
  ctx["gap_goal_links"] = gaps_known ? links(ctx["gaps"]["goals"]) : Json::array();
  ctx["gap_target_links"] = gaps_known ? links(ctx["gaps"]["targets"]) : Json::array();
  ctx["has_gaps"] = !ctx["gap_goal_links"].empty() || !ctx["gap_target_links"].empty();
  ctx["gaps_unknown"] = !gaps_known;
  ctx["has_overdue"] = ctx["counts"]["overdue"].get<long long>() > 0;

  // Status counts as a chart: each status's share of the activities, and where its bar
  // starts (x) in a 100-unit-wide stacked bar.
  Json chart = Json::array();
  const double total = ctx["counts"]["total"].get<double>();
  double x = 0;
  for (const char* s : {"done", "in-progress", "planned", "blocked", "dropped"}) {
    const double n = ctx["counts"][s].get<double>();
    const double w = total > 0 ? std::round(n / total * 10000.0) / 100.0 : 0;
    chart.push_back({{"status", s},
                     {"label", label(labels, std::string("status.") + s)},
                     {"class", std::string("status-") + s},
                     {"count", static_cast<int>(n)},
                     {"x", std::round(x * 100.0) / 100.0},
                     {"width", w},
                     {"visible", n > 0}});
    x += w;
  }
  ctx["status_chart"] = chart;

  Json problems = Json::array();
  for (const Diagnostic& d : diagnostics)
    problems.push_back(
        {{"severity", severity_name(d.severity)},
         {"severity_label", label(labels, std::string("severity.") + severity_name(d.severity))},
         {"location", format_location(files, d.loc)},
         {"code", d.code},
         {"message", d.message}});
  ctx["diagnostics"] = problems;
  ctx["has_diagnostics"] = !problems.empty();
  std::size_t errors = 0, warnings = 0;
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::error) ++errors;
    if (d.severity == Severity::warning) ++warnings;
  }
  ctx["error_count"] = errors;
  ctx["warning_count"] = warnings;
  ctx["has_errors"] = errors > 0;

  // Activities come grouped by section, in the sections' order: one pass fills them all.
  // A column empty for a whole table is left out (its header alone would squeeze).
  {
    Json& sections = ctx["sections"];
    for (Json& s : sections) {
      s["all_activities"] = Json::array();
      for (const char* flag :
           {"has_measure", "has_owner", "has_partners", "has_due", "has_targets"})
        s[flag] = false;
    }
    std::size_t si = 0;
    const bool move = names && !names->reaches("", "activities");
    for (Json& a : ctx["activities"]) {
      while (si < sections.size() && sections[si]["id"] != a["section"]) ++si;
      if (si == sections.size()) break;
      Json& s = sections[si];
      if (a["measure_text"].is_string()) s["has_measure"] = true;
      if (a["owner"].is_string() && !a["owner"].get_ref<const std::string&>().empty())
        s["has_owner"] = true;
      if (a["partners_text"].is_string()) s["has_partners"] = true;
      if (a["due"].is_string()) s["has_due"] = true;
      if (!a["target_links"].empty()) s["has_targets"] = true;
      if (move) {
        names->prune(a, "all_activities");
        s["all_activities"].push_back(std::move(a));
      } else {
        s["all_activities"].push_back(a);
      }
    }
    if (move) ctx["activities"] = Json::array();
  }

  return ctx;
}

}  // namespace plan
