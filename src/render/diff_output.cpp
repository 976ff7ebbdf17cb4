#include "render/diff_output.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "render/escape.hpp"
#include "render/terminal_text.hpp"
#include "util/date.hpp"
#include "util/visible.hpp"

namespace plan {

namespace {

bool known(const Completion& c) {
  return c && std::isfinite(*c);
}

std::string pct(const Completion& c) {
  return known(c) ? fmt::format("{}%",
                                static_cast<int>(std::floor(std::clamp(*c, 0.0, 1.0) * 100 + 1e-9)))
                  : "–";
}

std::string delta(const Completion& a, const Completion& b) {
  if (!known(a) || !known(b)) return "";
  const int d =
      static_cast<int>(std::floor(*b * 100 + 1e-9)) - static_cast<int>(std::floor(*a * 100 + 1e-9));
  return d == 0 ? "±0" : fmt::format("{:+}", d);
}

Json completion(const Completion& c) {
  return known(c) ? Json(std::round(*c * 10000.0) / 10000.0) : Json(nullptr);
}

Json state(const std::optional<ActivityState>& s) {
  if (!s) return nullptr;
  auto text = [](const std::string& v) { return v.empty() ? Json(nullptr) : Json(v); };
  return {{"status", s->status},
          {"measure", text(s->measure)},
          {"percent", text(s->percent)},
          {"due", text(s->due)},
          {"completion", completion(s->completion)}};
}

// "status planned → done, measure 2/5-6 → 3/5-6": only what changed.
std::string changes(const ActivityState& a, const ActivityState& b) {
  std::string out;
  auto one = [&](const char* name, const std::string& x, const std::string& y) {
    if (x == y) return;
    out += (out.empty() ? "" : ", ") +
           fmt::format("{} {} → {}", name, x.empty() ? "–" : x, y.empty() ? "–" : y);
  };
  one("status", a.status, b.status);
  one("measure", a.measure, b.measure);
  one("percent", a.percent, b.percent);
  one("due", a.due, b.due);
  return out;
}

const char* kind(const ActivityChange& c) {
  return !c.before ? "added" : !c.after ? "removed" : "changed";
}

}  // namespace

std::string diff_text(const PlanDiff& d, const DiffLabels& l, const TextLayout& layout) {
  const Style& st = layout.style;
  std::string out;
  // First: a side whose files did not all load has no completion to compare.
  auto where = [](const std::string& label) {
    return label == "working tree" ? "in the working tree" : "at " + visible(label);
  };
  if (d.before_broken)
    out +=
        st.yellow(incomplete_notice(d.before_unread.size(), d.before_files, where(l.from))) + "\n";
  if (d.after_broken)
    out += st.yellow(incomplete_notice(d.after_unread.size(), d.after_files, where(l.to))) + "\n";
  out += st.bold(fmt::format("Plan: {} → {}", pct(d.before), pct(d.after)));
  if (const std::string dl = delta(d.before, d.after); !dl.empty())
    out += fmt::format(" ({} points)", dl);
  out += st.dim(fmt::format("   {} → {}", visible(l.from), visible(l.to))) + "\n";
  if (d.before_broken || d.after_broken)
    out += st.yellow(fmt::format(
        "\nThe plan at {} does not load (a file does not parse), so only its errors are "
        "compared.\n",
        visible(d.after_broken ? l.to : l.from)));
  auto section = [&](const char* title, const std::vector<CompletionChange>& list) {
    if (list.empty()) return;
    out += "\n" + st.bold(title) + "\n";
    std::size_t w = 2;
    for (const auto& c : list) w = std::max(w, display_width(visible(c.id)));
    w = id_column(w, 2 + 1 + 4 + 3 + 4 + 1 + 4, layout);
    for (const auto& c : list) {
      std::string fixed = fmt::format("  {} {:>4} → {:<4} {:>4}", id_cell(c.id, w, "  ", out),
                                      pct(c.before), pct(c.after), delta(c.before, c.after));
      out += table_row(fixed, 2 + w + 1 + 4 + 3 + 4 + 1 + 4, c.title, layout);
    }
  };
  section("Goals", d.goals);
  section("Targets", d.targets);
  if (!d.activities.empty()) {
    out += "\n" + st.bold("Activities") + "\n";
    std::size_t w = 2;
    for (const auto& c : d.activities) w = std::max(w, display_width(visible(c.id)));
    w = id_column(w, 2 + 7 + 1 + 1 + 30, layout);
    for (const auto& c : d.activities) {
      std::string what = !c.before ? st.green("added  ") : !c.after ? st.red("removed") : "changed";
      std::string detail = visible(
          c.before && c.after ? changes(*c.before, *c.after)
                              : fmt::format("status {}", (c.after ? c.after : c.before)->status));
      out += table_row(fmt::format("  {} {} {}", what, id_cell(c.id, w, "          ", out), detail),
                       2 + 7 + 1 + w + 1 + display_width(detail), c.title, layout);
    }
  }
  if (!d.new_errors.empty() || !d.fixed_errors.empty()) {
    out += "\n" + st.bold("Errors") + "\n";
    for (const auto& e : d.new_errors) out += "  " + st.red("new  ") + " " + visible(e) + "\n";
    for (const auto& e : d.fixed_errors) out += "  " + st.green("fixed") + " " + visible(e) + "\n";
  }
  if (d.goals.empty() && d.targets.empty() && d.activities.empty() && d.new_errors.empty() &&
      d.fixed_errors.empty() && !d.before_broken && !d.after_broken)
    out += "\nNothing in the plan changed.\n";
  return out;
}

namespace {
// A label by its dotted path, or the English fallback.
std::string word(const Json& words, const std::string& path, const char* fallback) {
  const Json* node = &words;
  for (std::size_t start = 0; start <= path.size();) {
    const std::size_t dot = path.find('.', start);
    if (!node->is_object()) return fallback;
    auto it =
        node->find(path.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (it == node->end()) return fallback;
    node = &*it;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return node->is_string() ? node->get<std::string>() : fallback;
}
}  // namespace

std::string diff_markdown(const PlanDiff& d, const DiffLabels& l) {
  const Json& w = l.words;
  // A side that did not load has no figures: show none rather than a partial one.
  const Completion before = d.before_broken ? Completion{} : d.before;
  const Completion after = d.after_broken ? Completion{} : d.after;
  auto status = [&](const std::string& s) { return word(w, "status." + s, s.c_str()); };
  std::string out = l.rtl ? "<div dir=\"rtl\">\n\n" : "";
  out += fmt::format("### {}: {} → {}", escape_markdown(word(w, "diff.plan", "Plan")), pct(before),
                     pct(after));
  if (const std::string dl = delta(before, after); !dl.empty())
    out += fmt::format(" ({} {})", l.rtl ? "\u2066" + dl + "\u2069" : dl,
                       escape_markdown(word(w, "diff.points", "points")));
  out += fmt::format("\n\n{} → {}\n", escape_markdown(l.from), escape_markdown(l.to));
  if (d.before_broken || d.after_broken) {
    std::string side = escape_markdown(d.after_broken ? l.to : l.from);
    std::string text = escape_markdown(
        word(w, "diff.not_loaded",
             "The plan at {side} does not load (a file does not parse), so its figures "
             "are unknown and only its errors are compared."));
    const std::string mark = "\\{side\\}";  // as escape_markdown wrote it
    if (auto at = text.find(mark); at != std::string::npos) text.replace(at, mark.size(), side);
    out += "\n> " + text + "\n";
  }
  auto section = [&](const std::string& title, const std::vector<CompletionChange>& list) {
    if (list.empty()) return;
    out += fmt::format("\n#### {}\n\n| | | {} | {} | |\n| --- | --- | ---: | ---: | ---: |\n",
                       escape_markdown(title), escape_markdown(word(w, "diff.before", "before")),
                       escape_markdown(word(w, "diff.after", "after")));
    for (const auto& c : list) {
      const Completion b = d.before_broken ? Completion{} : c.before,
                       a = d.after_broken ? Completion{} : c.after;
      out += fmt::format("| {} | {} | {} | {} | {} |\n", escape_markdown(c.id),
                         escape_markdown(c.title), pct(b), pct(a), delta(b, a));
    }
  };
  section(word(w, "goals", "Goals"), d.goals);
  section(word(w, "targets", "Targets"), d.targets);
  if (!d.activities.empty()) {
    out += fmt::format("\n#### {}\n\n| | | | {} |\n| --- | --- | --- | --- |\n",
                       escape_markdown(word(w, "activities", "Activities")),
                       escape_markdown(word(w, "diff.what_changed", "what changed")));
    for (const auto& c : d.activities) {
      std::string detail;
      if (c.before && c.after) {
        auto one = [&](const char* name, const std::string& x, const std::string& y,
                       bool is_status) {
          if (x == y) return;
          auto shown = [&](const std::string& v) {
            return v.empty() ? std::string("–") : is_status ? status(v) : v;
          };
          detail += (detail.empty() ? "" : ", ") +
                    fmt::format("{} {} → {}", word(w, std::string("diff.field.") + name, name),
                                shown(x), shown(y));
        };
        one("status", c.before->status, c.after->status, true);
        one("measure", c.before->measure, c.after->measure, false);
        one("percent", c.before->percent, c.after->percent, false);
        one("due", c.before->due, c.after->due, false);
      } else {
        detail = fmt::format("{} {}", word(w, "diff.field.status", "status"),
                             status((c.after ? c.after : c.before)->status));
      }
      out += fmt::format("| {} | {} | {} | {} |\n",
                         escape_markdown(word(w, std::string("diff.") + kind(c), kind(c))),
                         escape_markdown(c.id), escape_markdown(c.title), escape_markdown(detail));
    }
  }
  if (!d.new_errors.empty() || !d.fixed_errors.empty()) {
    out += "\n#### " + escape_markdown(word(w, "diff.errors", "Errors")) + "\n\n";
    // Error messages are English (from plan check): kept left to right.
    auto ltr = [&](const std::string& e) {
      return l.rtl ? "<span dir=\"ltr\">" + escape_markdown(e) + "</span>" : escape_markdown(e);
    };
    for (const auto& e : d.new_errors)
      out += "- " + escape_markdown(word(w, "diff.new", "new")) + ": " + ltr(e) + "\n";
    for (const auto& e : d.fixed_errors)
      out += "- " + escape_markdown(word(w, "diff.fixed", "fixed")) + ": " + ltr(e) + "\n";
  }
  if (l.rtl) out += "\n</div>\n";
  return out;
}

Json diff_json(const PlanDiff& d, const DiffLabels& l) {
  Json j = Json::object();
  j["from"] = l.from;
  j["to"] = l.to;
  j["completion"] = {{"before", completion(d.before)}, {"after", completion(d.after)}};
  auto list = [](const std::vector<CompletionChange>& cs) {
    Json a = Json::array();
    for (const auto& c : cs)
      a.push_back({{"id", c.id},
                   {"title", c.title},
                   {"before", completion(c.before)},
                   {"after", completion(c.after)}});
    return a;
  };
  j["goals"] = list(d.goals);
  j["targets"] = list(d.targets);
  Json changed = Json::array();
  for (const auto& c : d.activities)
    changed.push_back({{"id", c.id},
                       {"title", c.title},
                       {"change", kind(c)},
                       {"before", state(c.before)},
                       {"after", state(c.after)}});
  j["changed"] = changed;
  j["errors"] = {{"new", d.new_errors}, {"fixed", d.fixed_errors}};
  j["loaded"] = {{"before", !d.before_broken}, {"after", !d.after_broken}};
  j["file_count"] = {{"before", d.before_files}, {"after", d.after_files}};
  j["unread_files"] = {{"before", d.before_unread}, {"after", d.after_unread}};
  return j;
}

Json history_chart(const std::vector<HistoryPoint>& points, const Json& plan) {
  // The x axis is the plan's period when it has one, else the span of the commits.
  double start = 0, end = 0;
  const Json& period = plan.contains("period") ? plan["period"] : Json();
  if (period.is_object() && period["start"].is_string() && period["end"].is_string()) {
    Date a = parse_date(period["start"].get<std::string>()),
         b = parse_date(period["end"].get<std::string>());
    if (a.valid && b.valid) {
      start = static_cast<double>(day_number(a));
      end = static_cast<double>(day_number(b) + 1);
    }
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
                    {"percent_text", pct(p.completion)}});
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
                    {"percent_text", p.loaded ? pct(p.completion) : "–"}});
  return {{"runs", runs},       {"dots", dots},       {"gaps", gaps}, {"commits", points.size()},
          {"y_ticks", y_ticks}, {"x_ticks", x_ticks}, {"last", last}, {"rows", rows}};
}

std::string history_text(const std::vector<HistoryPoint>& points, const TextLayout& layout) {
  std::string out;
  for (const HistoryPoint& p : points) {
    std::string c = p.loaded ? pct(p.completion) : layout.style.red("gap");
    std::string fixed = fmt::format("{} {} {} {}", p.commit.date, p.commit.short_id, pad_left(c, 4),
                                    progress_bar(p.loaded ? p.completion : std::nullopt, 10));
    out += table_row(fixed, 10 + 1 + 7 + 1 + 4 + 1 + 10, p.commit.subject, layout);
  }
  if (points.empty()) out += "(no commit changed the plan folder)\n";
  return out;
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
    return known(c) ? fmt::format("{}", std::round(*c * 10000.0) / 10000.0) : std::string();
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
    for (const auto& [id, c] : p.goals) goals[id] = completion(c);
    a.push_back({{"commit", p.commit.id},
                 {"short", p.commit.short_id},
                 {"date", p.commit.date},
                 {"time", p.commit.time},
                 {"subject", p.commit.subject},
                 {"loaded", p.loaded},
                 {"completion", p.loaded ? completion(p.completion) : Json(nullptr)},
                 {"errors", p.errors},
                 {"goals", goals}});
  }
  return a;
}

}  // namespace plan
