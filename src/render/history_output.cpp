#include "render/history_output.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <string_view>

#include <fmt/format.h>

#include "render/figures.hpp"
#include "render/terminal_text.hpp"
#include "util/visible.hpp"

namespace plan {

namespace {
Json completion_json(const Completion& c) {
  return c && std::isfinite(*c) ? Json(std::round(*c * 10000.0) / 10000.0) : Json(nullptr);
}
}  // namespace

std::string history_text(const std::vector<HistoryPoint>& points, const TextLayout& layout) {
  const ChangeWords& w = layout.words().changes;
  const bool rtl = layout.rtl;
  // One row a commit, oldest first in either direction: time runs down the screen, and
  // in a right-to-left layout every row mirrors (the date on the right, the bar filling
  // from the right).
  // The figure's column is as wide as "100%", or as the word for a gap when there is one.
  std::size_t figure_w = 4, id_w = 7;
  for (const HistoryPoint& p : points) {
    id_w = std::max(id_w, display_width(p.commit.short_id));
    if (!p.loaded) figure_w = std::max(figure_w, display_width(w.gap));
  }
  std::string out;
  for (const HistoryPoint& p : points) {
    const std::string c = p.loaded ? ltr_cell(pad_left(percent_figure(p.completion), figure_w), rtl)
                                   : pad_left(layout.style.red(w.gap), figure_w);
    const std::string bar = progress_bar(p.loaded ? p.completion : std::nullopt, 10);
    const std::string fixed = ltr_cell(visible(p.commit.date), rtl) + " " +
                              ltr_cell(pad_right(visible(p.commit.short_id), id_w), rtl) + " " + c +
                              " " + (p.loaded ? rtl_bar(bar, rtl) : bar);
    out += table_row(fixed, 10 + 1 + id_w + 1 + figure_w + 1 + 10, p.commit.subject, layout);
  }
  if (points.empty()) out += w.no_commits + "\n";
  return mirror_lines(out, rtl);
}

std::string csv_field(const std::string& text) {
  // Shown visibly like every other text output (a CSV is often printed to a terminal).
  std::string s = visible(text);
  // OWASP's rule against formula injection: a spreadsheet runs a cell that starts with one
  // of these, so such a field starts with a quote instead (shown, never run).
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos)
    s = "'" + s;
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

std::string history_csv(const std::vector<HistoryPoint>& points) {
  std::set<std::string> ids;
  std::vector<std::string> order;
  for (const HistoryPoint& p : points)
    for (const auto& [id, c] : p.goals)
      if (ids.insert(id).second) order.push_back(id);
  auto num = [](const Completion& c) {
    return c && std::isfinite(*c) ? number_text(std::round(*c * 10000.0) / 10000.0) : std::string();
  };
  std::string out = "date,commit,subject,completion";
  for (const std::string& id : order) out += "," + csv_field(id);
  out += "\n";
  for (const HistoryPoint& p : points) {
    out += fmt::format("{},{},{},{}", p.commit.date, p.commit.id, csv_field(p.commit.subject),
                       p.loaded ? num(p.completion) : "");
    for (const std::string& id : order) {
      Completion c;
      for (const auto& [gid, gc] : p.goals)
        if (gid == id) c = gc;
      out += "," + (p.loaded ? num(c) : std::string());
    }
    out += "\n";
  }
  return out;
}

Json history_json(const std::vector<HistoryPoint>& points) {
  Json a = Json::array();
  for (const HistoryPoint& p : points) {
    Json goals = Json::object();
    for (const auto& [id, c] : p.goals) goals[id] = completion_json(c);
    a.push_back({{"commit", p.commit.id},
                 {"short", p.commit.short_id},
                 {"date", p.commit.date},
                 {"time", p.commit.time},
                 {"subject", p.commit.subject},
                 {"loaded", p.loaded},
                 {"completion", p.loaded ? completion_json(p.completion) : Json(nullptr)},
                 {"errors", p.errors},
                 {"goals", goals}});
  }
  return a;
}

}  // namespace plan
