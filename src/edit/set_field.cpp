#include "edit/set_field.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "model.hpp"
#include "util/date.hpp"
#include "util/text.hpp"

namespace plan {

namespace {

const std::vector<std::string>& settable() {
  static const std::vector<std::string> f{"status", "actual", "percent", "due", "owner", "weight"};
  return f;
}

bool parse_number(const std::string& s, double& out) {
  if (s.empty()) return false;
  char* end = nullptr;
  errno = 0;
  out = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size() && errno != ERANGE && std::isfinite(out) &&
         s.find_first_not_of("0123456789.-+eE") == std::string::npos;
}

// Byte offset of a 1-based line and column (in code points) in the text.
std::size_t offset_of(const std::string& text, std::uint32_t line, std::uint32_t col) {
  std::size_t pos = 0;
  for (std::uint32_t l = 1; l < line && pos < text.size(); ++l) {
    pos = text.find('\n', pos);
    if (pos == std::string::npos) return text.size();
    ++pos;
  }
  for (std::uint32_t c = 1; c < col && pos < text.size();) {
    ++pos;
    while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
    ++c;
  }
  return pos;
}

const YamlNode* value_of(const YamlNode& map, const std::string& key) {
  if (!map.is_mapping()) return nullptr;
  for (std::size_t i = 0; i < map.pair_count(); ++i)
    if (map.key(i).is_scalar() && map.key(i).value == key) return &map.value_at(i);
  return nullptr;
}

const YamlNode* find_activity(const YamlNode& list, const std::string& id) {
  if (!list.is_sequence()) return nullptr;
  for (const YamlNode& a : list.children) {
    const YamlNode* v = value_of(a, "id");
    if (v && v->is_scalar() && ascii_lower(v->value) == ascii_lower(id)) return &a;
    if (const YamlNode* kids = value_of(a, "activities"))
      if (const YamlNode* found = find_activity(*kids, id)) return found;
  }
  return nullptr;
}

// The last line any part of a node reaches.
std::uint32_t last_line(const YamlNode& n) {
  std::uint32_t l = std::max(n.line, n.is_scalar() ? n.end_line : 0u);
  for (const YamlNode& c : n.children) l = std::max(l, last_line(c));
  return l;
}

// A plain scalar that YAML would read back as the same text.
bool plain_safe(const std::string& s) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ') return false;
  if (std::string("-?:,[]{}#&*!|>'\"%@`").find(s.front()) != std::string::npos) return false;
  if (s.find(": ") != std::string::npos || s.find(" #") != std::string::npos || s.back() == ':')
    return false;
  double ignored;
  if (parse_number(s, ignored)) return false;
  for (const char* special : {"true", "false", "yes", "no", "on", "off", "null", "~"})
    if (ascii_lower(s) == special) return false;
  return s.find('\n') == std::string::npos;
}

std::string double_quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

// The new value as YAML text, in the style the old one was written in where it had one.
std::string format_value(const FieldChange& c, double number, char old_quote) {
  std::string v = (c.field == "actual" || c.field == "percent" || c.field == "weight")
                      ? fmt::format("{}", number)
                      : c.value;
  if (c.field != "owner") return v;
  if (old_quote == '\'') {
    std::string out = "'";
    for (char ch : v) out += ch == '\'' ? std::string("''") : std::string(1, ch);
    return out + "'";
  }
  if (old_quote == '"' || !plain_safe(v)) return double_quoted(v);
  return v;
}

struct Edit {
  std::size_t begin, end;
  std::string text;
};

}  // namespace

std::optional<FieldChange> parse_change(const std::string& arg, std::string& error) {
  FieldChange c;
  if (!arg.empty() && arg[0] == '+') {
    c = {"actual", arg.substr(1), true};
  } else if (auto at = arg.find("+="); at != std::string::npos) {
    c = {arg.substr(0, at), arg.substr(at + 2), true};
  } else if (auto eq = arg.find('='); eq != std::string::npos) {
    c = {arg.substr(0, eq), arg.substr(eq + 1), false};
  } else {
    error = fmt::format("'{}' is not FIELD=VALUE (e.g. status=done), FIELD+=N or +N", arg);
    return std::nullopt;
  }
  if (std::find(settable().begin(), settable().end(), c.field) == settable().end()) {
    error = fmt::format("'{}' cannot be set; the fields are {}{}", c.field, quoted_list(settable()),
                        did_you_mean(c.field, settable()));
    return std::nullopt;
  }
  if (c.add && c.field != "actual" && c.field != "percent") {
    error = fmt::format("only 'actual' and 'percent' can be added to, not '{}'", c.field);
    return std::nullopt;
  }
  return c;
}

std::string validate_change(const FieldChange& c) {
  double n;
  if (c.field == "status") {
    std::vector<std::string> names;
    for (Status s : kStatuses) names.push_back(status_name(s));
    if (!parse_status(c.value))
      return fmt::format("status '{}' is not one of {}{}", c.value, quoted_list(names), did_you_mean(c.value, names));
  } else if (c.field == "due") {
    Date d = parse_date(c.value);
    if (!d.valid) return "due is " + explain_bad_date(d);
  } else if (c.field == "owner") {
    if (c.value.find('\n') != std::string::npos) return "an owner is one line of text";
    if (find_invalid_utf8(c.value) != std::string::npos) return "the owner is not valid UTF-8";
  } else if (!parse_number(c.value, n)) {
    return fmt::format("{} '{}' is not a number", c.field, c.value);
  } else if (c.field == "percent" && !c.add && (n < 0 || n > 100)) {
    return fmt::format("percent {} is not from 0 to 100", c.value);
  } else if (c.field == "weight" && !(n > 0)) {
    return fmt::format("weight {} is not above 0", c.value);
  } else if (c.field == "actual" && !c.add && n < 0) {
    return fmt::format("actual {} is negative", c.value);
  }
  return "";
}

std::optional<std::string> apply_changes(const std::string& text, const YamlNode& root,
                                         const std::string& id, const std::vector<FieldChange>& changes,
                                         std::string& error) {
  const YamlNode* activity = nullptr;
  if (const YamlNode* sections = value_of(root, "sections"); sections && sections->is_sequence())
    for (const YamlNode& s : sections->children)
      if (const YamlNode* list = value_of(s, "activities"))
        if ((activity = find_activity(*list, id))) break;
  if (!activity) {
    error = fmt::format("no activity '{}' in this file", id);
    return std::nullopt;
  }
  const std::string eol = text.find("\r\n") != std::string::npos ? "\r\n" : "\n";
  std::vector<Edit> edits;
  for (const FieldChange& c : changes) {
    const YamlNode* map = activity;
    if (c.field == "actual") {
      map = value_of(*activity, "measure");
      if (!map || !map->is_mapping()) {
        error = fmt::format("activity '{}' has no measure to count in; set 'percent' instead, or "
                            "add a measure by hand",
                            id);
        return std::nullopt;
      }
    }
    const YamlNode* old = value_of(*map, c.field);
    double number = 0;
    parse_number(c.value, number);
    if (c.add) {
      double current = 0;
      if (old && old->is_scalar() && !parse_number(old->value, current)) {
        error = fmt::format("'{}' of activity '{}' is '{}', not a number to add to", c.field, id, old->value);
        return std::nullopt;
      }
      number += current;
      if (c.field == "percent" && (number < 0 || number > 100)) {
        error = fmt::format("percent would become {}, outside 0 to 100", number);
        return std::nullopt;
      }
      if (c.field == "actual" && number < 0) {
        error = fmt::format("actual would become {}, which is negative", number);
        return std::nullopt;
      }
    }
    if (old && (old->is_scalar() || old->is_null())) {
      const std::size_t begin = offset_of(text, old->line, old->col);
      const std::size_t end = offset_of(text, old->end_line, old->end_col);
      const char first = begin < text.size() ? text[begin] : 0;
      if (old->is_scalar() && (first == '|' || first == '>')) {
        error = fmt::format("'{}' of activity '{}' is a block of text; edit it by hand", c.field, id);
        return std::nullopt;
      }
      const char quote = old->is_scalar() && (first == '"' || first == '\'') ? first : 0;
      // An empty value (`owner:`) has no text of its own: the value goes after the colon.
      std::string value = format_value(c, number, quote);
      if (begin == end) value = " " + value;
      edits.push_back({begin, end, value});
      continue;
    }
    if (old) {
      error = fmt::format("'{}' of activity '{}' is not a single value; edit it by hand", c.field, id);
      return std::nullopt;
    }
    const std::string value = format_value(c, number, 0);
    const std::size_t map_begin = offset_of(text, map->line, map->col);
    if (map_begin < text.size() && text[map_begin] == '{') {
      // Flow style: before the closing brace.
      std::size_t close = offset_of(text, map->end_line, map->end_col);
      while (close > map_begin && text[close - 1] != '}') --close;
      std::size_t at = close - 1;
      while (at > map_begin && (text[at - 1] == ' ' || text[at - 1] == '\t')) --at;
      edits.push_back({at, at, fmt::format(", {}: {}", c.field, value)});
    } else {
      // Block style: a line of its own, after everything the mapping holds, indented like
      // its keys.
      const YamlNode& first_key = map->key(0);
      const std::string indent(first_key.col - 1, ' ');
      std::size_t at = offset_of(text, last_line(*map) + 1, 1);
      std::string line = indent + c.field + ": " + value + eol;
      if (at >= text.size() && !text.empty() && text.back() != '\n') line = eol + indent + c.field + ": " + value;
      edits.push_back({at, at, line});
    }
  }
  std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.begin > b.begin; });
  std::string out = text;
  for (const Edit& e : edits) out.replace(e.begin, e.end - e.begin, e.text);
  return out;
}

std::string line_diff(const std::string& path, const std::string& before, const std::string& after) {
  auto split = [](const std::string& t) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t nl; (nl = t.find('\n', start)) != std::string::npos; start = nl + 1)
      lines.push_back(t.substr(start, nl - start + 1));
    if (start < t.size()) lines.push_back(t.substr(start));
    return lines;
  };
  const auto a = split(before), b = split(after);
  // The edits are few and local: the common head and tail, and one hunk between them.
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
  if (head == a.size() && head == b.size()) return "";
  const std::size_t ctx = 2;
  const std::size_t from = head > ctx ? head - ctx : 0;
  const std::size_t a_end = std::min(a.size(), a.size() - tail + ctx), b_end = std::min(b.size(), b.size() - tail + ctx);
  std::string out = fmt::format("--- {}\n+++ {}\n@@ -{},{} +{},{} @@\n", path, path, from + 1, a_end - from, from + 1, b_end - from);
  auto show = [&out](char mark, const std::string& line) {
    out += mark + line;
    if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
  };
  for (std::size_t k = from; k < head; ++k) show(' ', a[k]);
  // Between the common head and tail, a longest-common-subsequence walk keeps unchanged
  // lines as context (the region is small: only what the edits touched).
  const std::size_t n = a.size() - tail - head, m = b.size() - tail - head;
  std::vector<std::vector<std::uint32_t>> lcs;
  if (n * m <= 4'000'000) {
    lcs.assign(n + 1, std::vector<std::uint32_t>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;)
        lcs[i][j] = a[head + i] == b[head + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (!lcs.empty() && i < n && j < m && a[head + i] == b[head + j]) {
      show(' ', a[head + i]);
      ++i, ++j;
    } else if (i < n && (j == m || lcs.empty() || lcs[i + 1][j] >= lcs[i][j + 1])) {
      show('-', a[head + i++]);  // removals first, as diff prints them
    } else {
      show('+', b[head + j++]);
    }
  }
  for (std::size_t k = a.size() - tail; k < a_end; ++k) show(' ', a[k]);
  return out;
}

}  // namespace plan
