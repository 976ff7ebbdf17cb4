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

const char* kind(const ActivityChange& c) {
  return !c.before ? "added" : !c.after ? "removed" : "changed";
}

// The words, the direction and the width that every part of diff_text shares.
struct DiffText {
  const DiffLabels& l;
  const TextLayout& layout;
  const Style& st = layout.style;
  const TerminalLabels& w = layout.words();
  const ChangeWords& cw = w.changes;
  const bool rtl = layout.rtl;
  // The arrow between a before and an after: a right-to-left reader meets the before first.
  const char* arrow = rtl ? "←" : "→";

  std::string cell(std::string_view t) const { return ltr_cell(t, rtl); }
  // A side as shown: a revision is written left to right, the working tree is a word.
  std::string side(const std::string& label, bool working_tree) const {
    return working_tree ? visible(label) : cell(visible(label));
  }
  std::string from() const { return side(l.from, false); }
  std::string to() const { return side(l.to, l.to_working_tree); }
  // A status as the layout's words have it; a value that is no status stays as written.
  std::string status(const std::string& s) const {
    const auto parsed = parse_status(s);
    return parsed ? w.status_word(*parsed) : visible(s);
  }
  // "status planned → done, measure 2/5-6 → 3/5-6": only what changed.
  std::string changes(const ActivityState& a, const ActivityState& b) const {
    std::string out;
    auto one = [&](const std::string& name, const std::string& x, const std::string& y,
                   bool is_status) {
      if (x == y) return;
      auto shown = [&](const std::string& v) {
        return v.empty() ? std::string("–") : is_status ? status(v) : cell(visible(v));
      };
      out += (out.empty() ? "" : ", ") +
             fill_label(cw.change, {{"field", name}, {"before", shown(x)}, {"after", shown(y)}});
    };
    one(cw.field_status, a.status, b.status, true);
    one(cw.field_measure, a.measure, b.measure, false);
    one(cw.field_percent, a.percent, b.percent, false);
    one(cw.field_due, a.due, b.due, false);
    return out;
  }
  // Lines of at most the layout's width, broken at spaces outside an isolate (which must
  // open and close on one line); a word wider than the width keeps a line of its own.
  std::vector<std::string> wrapped(const std::string& text) const {
    if (!layout.limited() || display_width(text) <= layout.width) return {text};
    std::vector<std::string> words;
    std::string word;
    int depth = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const std::string_view rest = std::string_view(text).substr(i);
      for (const char* open : {"\u2066", "\u2067", "\u2068"})
        if (rest.substr(0, 3) == open) ++depth;
      if (rest.substr(0, 3) == "\u2069" && depth > 0) --depth;
      if (text[i] == ' ' && depth == 0) {
        words.push_back(word);
        word.clear();
      } else {
        word += text[i];
      }
    }
    words.push_back(word);
    std::vector<std::string> lines{""};
    for (const std::string& wd : words) {
      std::string& line = lines.back();
      if (!line.empty() && display_width(line) + 1 + display_width(wd) > layout.width)
        lines.push_back(wd);
      else
        line += (line.empty() ? "" : " ") + wd;
    }
    return lines;
  }
  // The text wrapped, each line painted on its own (a colour never spans a line break).
  template <typename Paint>
  std::string paragraph(const std::string& text, Paint paint) const {
    std::string out;
    for (const std::string& line : wrapped(text)) out += paint(line) + "\n";
    return out;
  }
};

// First: a side whose files did not all load has no completion to compare.
void unread_notices(const PlanDiff& d, const DiffText& t, std::string& out) {
  auto notice = [&](std::size_t unread, std::size_t files, const std::string& where) {
    if (unread == 0) return;
    const std::string text =
        fill_label(t.cw.unread.of(files), {{"unread", t.cell(std::to_string(unread))},
                                           {"total", t.cell(std::to_string(files))},
                                           {"where", where}});
    out += t.paragraph(text, [&](const std::string& s) { return t.st.yellow(s); });
  };
  auto at = [&](bool working_tree, const std::string& side) {
    return working_tree ? t.cw.in_working_tree : fill_label(t.cw.at, {{"revision", side}});
  };
  if (d.before_broken) notice(d.before_unread.size(), d.before_files, at(false, t.from()));
  if (d.after_broken) notice(d.after_unread.size(), d.after_files, at(t.l.to_working_tree, t.to()));
}

// "Plan: 30% → 45% (+15 points)   HEAD (1a2b3c4) → working tree"; the sides on a line of
// their own when both do not fit.
void headline(const PlanDiff& d, const DiffText& t, std::string& out) {
  std::string figures = t.st.bold(
      fill_label(t.cw.plan, {{"before", t.cell(pct(d.before))}, {"after", t.cell(pct(d.after))}}));
  if (const std::string dl = delta(d.before, d.after); !dl.empty())
    figures += " " + fill_label(t.cw.points, {{"delta", t.cell(dl)}});
  const std::string sides = fill_label(t.cw.sides, {{"from", t.from()}, {"to", t.to()}});
  if (!t.layout.limited() || display_width(figures) + 3 + display_width(sides) <= t.layout.width)
    out += figures + t.st.dim("   " + sides) + "\n";
  else
    out += figures + "\n" + t.st.dim("  " + sides) + "\n";
}

void completion_section(const DiffText& t, const std::string& title,
                        const std::vector<CompletionChange>& list, std::string& out) {
  if (list.empty()) return;
  out += "\n" + t.st.bold(title) + "\n";
  std::size_t w = 2;
  for (const auto& c : list) w = std::max(w, display_width(visible(c.id)));
  w = id_column(w, 2 + 1 + 4 + 3 + 4 + 1 + 4, t.layout);
  for (const auto& c : list) {
    const std::string fixed = "  " + id_cell(c.id, w, "  ", out, t.rtl) + " " +
                              t.cell(pad_left(pct(c.before), 4)) + " " + t.arrow + " " +
                              t.cell(pad_right(pct(c.after), 4)) + " " +
                              t.cell(pad_left(delta(c.before, c.after), 4));
    out += table_row(fixed, 2 + w + 1 + 4 + 3 + 4 + 1 + 4, c.title, t.layout);
  }
}

void activity_section(const PlanDiff& d, const DiffText& t, std::string& out) {
  if (d.activities.empty()) return;
  out += "\n" + t.st.bold(t.w.activities) + "\n";
  const std::size_t what_w = std::max(
      {display_width(t.cw.added), display_width(t.cw.removed), display_width(t.cw.changed)});
  std::size_t w = 2;
  for (const auto& c : d.activities) w = std::max(w, display_width(visible(c.id)));
  w = id_column(w, 2 + what_w + 1 + 1 + 30, t.layout);
  for (const auto& c : d.activities) {
    const std::string what = !c.before  ? t.st.green(pad_right(t.cw.added, what_w))
                             : !c.after ? t.st.red(pad_right(t.cw.removed, what_w))
                                        : pad_right(t.cw.changed, what_w);
    const std::string detail =
        c.before && c.after
            ? t.changes(*c.before, *c.after)
            : t.cw.field_status + " " + t.status((c.after ? c.after : c.before)->status);
    const std::string indent(2 + what_w + 1, ' ');
    out += table_row("  " + what + " " + id_cell(c.id, w, indent, out, t.rtl) + " " + detail,
                     2 + what_w + 1 + w + 1 + display_width(detail), c.title, t.layout);
  }
}

void error_section(const PlanDiff& d, const DiffText& t, const DiffLabels& l, std::string& out) {
  if (d.new_errors.empty() && d.fixed_errors.empty()) return;
  out += "\n" + t.st.bold(t.cw.errors) + "\n";
  const std::size_t mark_w =
      std::max(display_width(t.cw.new_error), display_width(t.cw.fixed_error));
  // The messages of plan check, cut like a title where the width is limited.
  auto row = [&](const std::string& mark, const std::string& e) {
    const std::string fixed = "  " + mark;
    out += table_row(fixed, 2 + mark_w, e, t.layout);
  };
  for (const auto& e : d.new_errors)
    row(t.st.red(pad_right(t.cw.new_error, mark_w)), error_line(e, l));
  for (const auto& e : d.fixed_errors)
    row(t.st.green(pad_right(t.cw.fixed_error, mark_w)), error_line(e, l));
}

}  // namespace

std::string error_line(const DiffError& e, const DiffLabels& l) {
  if (e.text.empty()) return e.key;
  return e.file + ": " + render_message(e.text, l.translate, l.messages_rtl) + " [" + e.code + "]";
}

std::string diff_text(const PlanDiff& d, const DiffLabels& l, const TextLayout& layout) {
  const DiffText t{l, layout};
  std::string out;
  unread_notices(d, t, out);
  headline(d, t, out);
  if (d.before_broken || d.after_broken) {
    const bool after = d.after_broken;
    out += "\n" + t.paragraph(fill_label(t.cw.not_loaded, {{"side", after ? t.to() : t.from()}}),
                              [&](const std::string& s) { return t.st.yellow(s); });
  }
  completion_section(t, t.w.goals, d.goals, out);
  completion_section(t, t.cw.targets, d.targets, out);
  activity_section(d, t, out);
  error_section(d, t, l, out);
  if (d.goals.empty() && d.targets.empty() && d.activities.empty() && d.new_errors.empty() &&
      d.fixed_errors.empty() && !d.before_broken && !d.after_broken)
    out += "\n" + t.cw.nothing + "\n";
  return mirror_lines(out, layout.rtl);
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
    // Error messages in English (from plan check) inside a right-to-left page are kept left
    // to right; in a right-to-left language they read in the page's direction.
    auto ltr = [&](const DiffError& e) {
      const std::string text = escape_markdown(error_line(e, l));
      return l.rtl && !l.messages_rtl ? "<span dir=\"ltr\">" + text + "</span>" : text;
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
  const auto keys = [](const std::vector<DiffError>& v) {
    Json out = Json::array();
    for (const DiffError& e : v) out.push_back(e.key);
    return out;
  };
  j["errors"] = {{"new", keys(d.new_errors)}, {"fixed", keys(d.fixed_errors)}};
  j["loaded"] = {{"before", !d.before_broken}, {"after", !d.after_broken}};
  j["file_count"] = {{"before", d.before_files}, {"after", d.after_files}};
  j["unread_files"] = {{"before", d.before_unread}, {"after", d.after_unread}};
  return j;
}

}  // namespace plan
