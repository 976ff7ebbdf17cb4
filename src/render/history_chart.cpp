#include "render/history_chart.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "render/figures.hpp"
#include "util/date.hpp"

namespace plan {

Json history_chart(const std::vector<HistoryPoint>& points, const Plan& plan) {
  // The x axis is the plan's period when it has one, else the span of the commits.
  double start = 0, end = 0;
  if (const Meta* m = plan.meta();
      m && m->start.given() && m->end.given() && m->start.value.valid && m->end.value.valid) {
    start = static_cast<double>(day_number(m->start.value));
    end = static_cast<double>(day_number(m->end.value) + 1);
  }
  if (end <= start && !points.empty()) {
    start = static_cast<double>(points.front().commit.time) / 86400.0;
    end = std::max(start + 1, static_cast<double>(points.back().commit.time) / 86400.0);
  }
  Json runs = Json::array(), dots = Json::array();
  std::string run;
  for (const HistoryPoint& p : points) {
    const double day = static_cast<double>(p.commit.time) / 86400.0;
    const double x = std::clamp((day - start) / (end - start) * 100.0, 0.0, 100.0);
    if (!p.loaded || !p.completion) {  // a gap ends the line
      if (!run.empty()) runs.push_back({{"points", run}});
      run.clear();
      continue;
    }
    const double y = 40.0 - *p.completion * 40.0;
    run += fmt::format("{}{:.2f},{:.2f}", run.empty() ? "" : " ", x, y);
    dots.push_back({{"x", fmt::format("{:.2f}", x)},
                    {"y", fmt::format("{:.2f}", y)},
                    {"date", p.commit.date},
                    {"subject", p.commit.subject},
                    {"percent_text", percent_figure(p.completion)}});
  }
  if (!run.empty()) runs.push_back({{"points", run}});
  Json gaps = Json::array();
  for (const HistoryPoint& p : points)
    if (!p.loaded)
      gaps.push_back(
          {{"date", p.commit.date}, {"short", p.commit.short_id}, {"subject", p.commit.subject}});

  // Axes a reader needs without the README: percentages up the side, dates along the
  // bottom (every month, quarter or year, whichever leaves room), the latest figure.
  Json y_ticks = Json::array();
  for (int pc = 0; pc <= 100; pc += 25)
    y_ticks.push_back(
        {{"y", fmt::format("{:.2f}", 40.0 - pc * 0.4)}, {"label", fmt::format("{}%", pc)}});
  Json x_ticks = Json::array();
  if (end > start) {
    const Date first = date_from_days(static_cast<long>(std::ceil(start)));
    const double months = (end - start) / 30.44;
    const int step = months <= 8 ? 1 : months <= 30 ? 3 : months <= 90 ? 12 : 60;
    int y = first.year, mo = first.month;
    if (first.day != 1) ++mo;  // the first whole month
    for (; mo > 12; mo -= 12) ++y;
    while ((mo - 1) % step != 0) {  // months 1, 4, 7, 10 for quarters; January for years
      if (++mo > 12) {
        mo = 1;
        ++y;
      }
    }
    for (int guard = 0; guard < 40; ++guard) {
      const double day = static_cast<double>(days_from_civil(y, mo, 1));
      if (day >= end) break;
      x_ticks.push_back(
          {{"x", fmt::format("{:.2f}", (day - start) / (end - start) * 100.0)},
           {"label", step >= 12 ? fmt::format("{}", y) : fmt::format("{}-{:02}", y, mo)}});
      for (mo += step; mo > 12; mo -= 12) ++y;
    }
  }
  Json last = nullptr;
  if (!dots.empty()) last = dots.back();
  // The same points as rows, for the Markdown summary's table.
  Json rows = Json::array();
  for (const HistoryPoint& p : points)
    rows.push_back({{"date", p.commit.date},
                    {"short", p.commit.short_id},
                    {"subject", p.commit.subject},
                    {"loaded", p.loaded},
                    {"percent_text", p.loaded ? percent_figure(p.completion) : "–"}});
  return {{"runs", runs},       {"dots", dots},       {"gaps", gaps}, {"commits", points.size()},
          {"y_ticks", y_ticks}, {"x_ticks", x_ticks}, {"last", last}, {"rows", rows}};
}

}  // namespace plan
