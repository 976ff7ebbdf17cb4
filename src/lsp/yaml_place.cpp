#include "lsp/yaml_place.hpp"

#include <limits>
#include <string_view>

namespace plan::lsp {

namespace {

constexpr std::size_t npos = std::string::npos;
// Flow collections nested deeper than this on one line are not read (a hostile line of
// 20 MB of '[' must not exhaust the stack); no plan nests more than three.
constexpr int kMaxDepth = 32;

bool space(char c) {
  return c == ' ' || c == '\t';
}
bool flow_indicator(char c) {
  return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

// One line of the text, as far as indentation tells.
struct Line {
  std::size_t begin = 0, end = 0;  // bytes; end: where a comment starts, or the line's end
  bool blank = true;               // nothing but spaces and a comment
  std::size_t dash = npos;         // the last "- " marker's offset, on an item line
  std::size_t content = 0;         // past the indentation and the markers
  std::size_t col = 0;             // content - begin
  std::string key;                 // a block key at the content ("key:"), else ""
  std::size_t key_begin = 0, key_end = 0, colon = npos;
  bool item() const { return dash != npos; }
  bool empty_value() const { return colon != npos && !key.empty() && value_empty; }
  bool value_empty = false;
};

class Text {
 public:
  Text(const Document& doc) : doc_(doc), t_(doc.text()) {}

  std::size_t lines() const { return doc_.line_count(); }

  std::size_t line_begin(std::size_t n) const {
    return doc_.offset_at(Position{static_cast<std::uint32_t>(n), 0}, Encoding::utf8);
  }
  std::size_t line_end(std::size_t n) const {
    return doc_.offset_at(
        Position{static_cast<std::uint32_t>(n), std::numeric_limits<std::uint32_t>::max()},
        Encoding::utf8);
  }

  std::size_t ws(std::size_t i, std::size_t end) const {
    while (i < end && space(t_[i])) ++i;
    return i;
  }

  // Where a scalar starting at `i` ends: a quoted one after its closing quote, a plain one at
  // ": ", " #", the end, and in a flow collection at ',' '[' ']' '{' '}'.
  std::size_t scalar_end(std::size_t i, std::size_t end, bool flow) const {
    if (i >= end) return i;
    const char q = t_[i];
    if (q == '"' || q == '\'') {
      const std::size_t e = quoted_end(t_, i, end);
      return e == std::string::npos ? end : e;
    }
    std::size_t j = i;
    for (; j < end; ++j) {
      const char c = t_[j];
      if (c == ':' && (j + 1 == end || space(t_[j + 1]) || (flow && flow_indicator(t_[j + 1]))))
        break;
      if (space(c) && j + 1 < end && t_[j + 1] == '#') break;
      if (flow && flow_indicator(c)) break;
    }
    while (j > i && space(t_[j - 1])) --j;
    return j;
  }

  // Where a comment starts on [begin, end): a '#' after a space (or first), outside quotes.
  std::size_t comment_start(std::size_t begin, std::size_t end) const {
    char quote = 0;
    for (std::size_t i = begin; i < end; ++i) {
      const char c = t_[i];
      if (quote) {
        if (c == quote) quote = 0;
        continue;
      }
      const bool token_start = i == begin || space(t_[i - 1]) || flow_indicator(t_[i - 1]) ||
                               t_[i - 1] == ':' || t_[i - 1] == '-';
      if ((c == '"' || c == '\'') && token_start) quote = c;
      if (c == '#' && (i == begin || space(t_[i - 1]))) return i;
    }
    return end;
  }

  Line line(std::size_t n) const {
    Line l;
    l.begin = line_begin(n);
    l.end = line_end(n);
    std::size_t i = ws(l.begin, l.end);
    l.end = comment_start(i, l.end);
    while (i < l.end && t_[i] == '-' && (i + 1 == l.end || space(t_[i + 1]))) {
      l.dash = i;
      i = ws(i + 1, l.end);
    }
    l.content = i;
    l.col = i - l.begin;
    l.blank = !l.item() && i >= l.end;
    if (i < l.end && !flow_indicator(t_[i])) {
      const std::size_t e = scalar_end(i, l.end, false);
      const std::size_t c = ws(e, l.end);
      if (e > i && c < l.end && t_[c] == ':' && (c + 1 == l.end || space(t_[c + 1]))) {
        l.key = unquoted(t_.substr(i, e - i));
        l.key_begin = i;
        l.key_end = e;
        l.colon = c;
        l.value_empty = ws(c + 1, l.end) >= l.end;
      }
    }
    return l;
  }

  // The keys above line `n` whose block holds a line indented to `col`: each is the nearest
  // line above that is indented less (an item's keys count at their own column, past the
  // "- "). An item line's list (`dash`) also belongs to a key at its own column with an
  // empty value (the compact style, "goals:\n- G1").
  std::vector<std::string> parents(std::size_t n, std::size_t col, bool dash) const {
    std::vector<std::string> keys;
    for (std::size_t j = n; j-- > 0;) {
      const Line l = line(j);
      if (l.blank) continue;
      const bool holds = l.col < col || (dash && l.col == col && l.empty_value());
      if (!holds) continue;
      if (l.key.empty()) break;  // a list item's scalar or a flow collection: not followed
      keys.insert(keys.begin(), l.key);
      col = l.col;
      dash = false;
      if (col == 0) break;
    }
    return keys;
  }

  const std::string& t() const { return t_; }

 private:
  const Document& doc_;
  const std::string& t_;
};

// The flow collections of one line, read for the cursor.
class FlowScan {
 public:
  FlowScan(const Text& text, std::size_t end, std::size_t cursor, YamlPlace& out)
      : x_(text), t_(text.t()), end_(end), cur_(cursor), out_(out) {}

  // A flow value starting at `i` ('[' or '{'); returns where it ends.
  std::size_t value(std::size_t i, std::vector<std::string>& path, int depth) {
    if (depth > kMaxDepth) return end_;
    if (i < end_ && t_[i] == '[') return seq(i, path, depth);
    if (i < end_ && t_[i] == '{') return map(i, path, depth);
    return x_.scalar_end(i, end_, true);
  }

 private:
  bool comment_at(std::size_t j) const { return j < end_ && t_[j] == '#'; }

  // Past a value's end to the next ',' or the closing bracket (or the end).
  std::size_t separator(std::size_t i, char close) const {
    while (i < end_ && t_[i] != ',' && t_[i] != close) ++i;
    return i;
  }

  std::size_t seq(std::size_t i, std::vector<std::string>& path, int depth) {
    struct Entry {
      std::size_t b, e, region_b, region_e;
      bool scalar;
    };
    std::vector<Entry> entries;
    std::size_t k = i + 1, region_b = k, after = end_;
    while (true) {
      const std::size_t j = x_.ws(k, end_);
      if (j >= end_ || comment_at(j)) {
        entries.push_back({j, j, region_b, end_, true});
        break;
      }
      if (t_[j] == ']' || t_[j] == ',') {
        entries.push_back({j, j, region_b, j, true});
        if (t_[j] == ']') {
          after = j + 1;
          break;
        }
        region_b = k = j + 1;
        continue;
      }
      const bool scalar = t_[j] != '[' && t_[j] != '{';
      const std::size_t e = value(j, path, depth + 1);
      const std::size_t s = separator(e, ']');
      entries.push_back({j, e, region_b, s, scalar});
      if (s >= end_) break;
      if (t_[s] == ']') {
        after = s + 1;
        break;
      }
      region_b = k = s + 1;
    }
    if (out_.kind != YamlPlace::Kind::none) return after;
    for (std::size_t n = 0; n < entries.size(); ++n) {
      const Entry& en = entries[n];
      if (!en.scalar || cur_ < en.region_b || cur_ > en.region_e) continue;
      out_.kind = YamlPlace::Kind::entry;
      out_.flow = true;
      out_.path = path;
      const bool on = en.b <= cur_ && cur_ <= en.e;
      out_.begin = on ? en.b : cur_;
      out_.end = on ? en.e : cur_;
      for (std::size_t m = 0; m < entries.size(); ++m)
        if (m != n && entries[m].scalar && entries[m].e > entries[m].b)
          out_.listed.push_back(unquoted(t_.substr(entries[m].b, entries[m].e - entries[m].b)));
      break;
    }
    return after;
  }

  std::size_t map(std::size_t i, std::vector<std::string>& path, int depth) {
    std::size_t k = i + 1;
    while (true) {
      const std::size_t j = x_.ws(k, end_);
      if (j >= end_ || comment_at(j)) return end_;
      if (t_[j] == '}') return j + 1;
      if (t_[j] == ',') {
        k = j + 1;
        continue;
      }
      std::size_t e;
      if (t_[j] == '[' || t_[j] == '{') {
        e = value(j, path, depth + 1);  // a collection as a key: read past it
      } else {
        e = x_.scalar_end(j, end_, true);
        const std::string key = unquoted(t_.substr(j, e - j));
        if (out_.kind == YamlPlace::Kind::none && j <= cur_ && cur_ <= e) {
          out_.kind = YamlPlace::Kind::key;
          out_.flow = true;
          out_.path = path;
          out_.path.push_back(key);
          out_.begin = j;
          out_.end = e;
        }
        const std::size_t colon = x_.ws(e, end_);
        if (colon < end_ && t_[colon] == ':') {
          path.push_back(key);
          const std::size_t v = x_.ws(colon + 1, end_);
          if (v < end_ && (t_[v] == '[' || t_[v] == '{')) {
            e = value(v, path, depth + 1);
          } else {
            e = x_.scalar_end(v, end_, true);
            const std::size_t s = separator(e, '}');
            if (out_.kind == YamlPlace::Kind::none && cur_ > colon && cur_ <= s) {
              out_.kind = YamlPlace::Kind::value;
              out_.flow = true;
              out_.path = path;
              const bool on = v <= cur_ && cur_ <= e;
              out_.begin = on ? v : cur_;
              out_.end = on ? e : cur_;
              if (out_.begin == colon + 1) out_.lead = " ";
            }
          }
          path.pop_back();
        }
      }
      const std::size_t s = separator(e, '}');
      if (s >= end_) return end_;
      if (t_[s] == '}') return s + 1;
      k = s + 1;
    }
  }

  const Text& x_;
  const std::string& t_;
  std::size_t end_, cur_;
  YamlPlace& out_;
};

// The scalar items of one block list around line `n` (its items start at column `dash`).
std::vector<std::string> siblings(const Text& x, std::size_t n, std::size_t dash_col) {
  std::vector<std::string> out;
  const auto take = [&](std::size_t j) {
    const Line l = x.line(j);
    if (l.blank) return true;
    if (l.item() && l.dash - l.begin == dash_col) {
      if (l.key.empty() && l.content < l.end && !flow_indicator(x.t()[l.content])) {
        const std::size_t e = x.scalar_end(l.content, l.end, false);
        out.push_back(unquoted(x.t().substr(l.content, e - l.content)));
      }
      return true;
    }
    return l.col > dash_col;  // a deeper line continues the list
  };
  for (std::size_t j = n; j-- > 0;)
    if (!take(j)) break;
  for (std::size_t j = n + 1; j < x.lines(); ++j)
    if (!take(j)) break;
  return out;
}

}  // namespace

std::string unquoted(const std::string& token) {
  if (token.size() >= 2 && token.front() == '\'' && token.back() == '\'') {
    std::string out;
    for (std::size_t i = 1; i + 1 < token.size(); ++i) {
      out += token[i];
      if (token[i] == '\'' && i + 2 < token.size() && token[i + 1] == '\'') ++i;
    }
    return out;
  }
  if (token.size() >= 2 && token.front() == '"' && token.back() == '"') {
    std::string out;
    for (std::size_t i = 1; i + 1 < token.size(); ++i) {
      if (token[i] == '\\' && i + 2 < token.size()) ++i;
      out += token[i];
    }
    return out;
  }
  return token;
}

YamlPlace place_at(const Document& doc, Position pos, Encoding enc) {
  YamlPlace out;
  if (pos.line >= doc.line_count()) return out;
  const Text x(doc);
  const std::string& t = x.t();
  const std::size_t cur = doc.offset_at(pos, enc);
  const Line l = x.line(pos.line);
  if (l.blank || cur > l.end || (l.item() && cur <= l.dash)) return out;
  if (!l.item() && cur < l.content) return out;

  if (!l.key.empty()) {
    std::vector<std::string> path = x.parents(pos.line, l.col, false);
    if (cur >= l.key_begin && cur <= l.key_end) {
      out.kind = YamlPlace::Kind::key;
      out.path = std::move(path);
      out.path.push_back(l.key);
      out.begin = l.key_begin;
      out.end = l.key_end;
      return out;
    }
    if (cur <= l.colon) return out;
    path.push_back(l.key);
    const std::size_t v = x.ws(l.colon + 1, l.end);
    if (v < l.end && (t[v] == '[' || t[v] == '{')) {
      FlowScan(x, l.end, cur, out).value(v, path, 0);
      return out;
    }
    const std::size_t e = x.scalar_end(v, l.end, false);
    if (cur > e) return out;
    if (cur < v && e > v) return out;
    out.kind = YamlPlace::Kind::value;
    out.path = std::move(path);
    out.begin = cur < v ? cur : v;
    out.end = cur < v ? cur : e;
    if (out.begin == l.colon + 1) out.lead = " ";
    return out;
  }

  if (!l.item()) return out;  // a line of a multi-line value or flow collection
  const std::size_t dash_col = l.dash - l.begin;
  std::vector<std::string> path = x.parents(pos.line, dash_col, true);
  if (l.content < l.end && (t[l.content] == '[' || t[l.content] == '{')) {
    FlowScan(x, l.end, cur, out).value(l.content, path, 0);
    return out;
  }
  const std::size_t e = x.scalar_end(l.content, l.end, false);
  if (cur > e && e > l.content) return out;
  out.kind = YamlPlace::Kind::entry;
  out.path = std::move(path);
  const bool on = cur >= l.content && e > l.content;
  out.begin = on ? l.content : cur;
  out.end = on ? e : cur;
  if (out.begin == l.dash + 1) out.lead = " ";
  out.listed = siblings(x, pos.line, dash_col);
  return out;
}

}  // namespace plan::lsp
