#include "render/diff_output.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "render/escape.hpp"
#include "render/figures.hpp"
#include "render/terminal_text.hpp"
#include "util/visible.hpp"

namespace plan {

namespace {

bool known(const Completion& c) {
  return c && std::isfinite(*c);
}

std::string pct(const Completion& c) {
  return percent_figure(c);
}

std::string delta(const Completion& a, const Completion& b) {
  if (!known(a) || !known(b)) return "";
  const int d = whole_percent(*b) - whole_percent(*a);
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

}  // namespace plan
