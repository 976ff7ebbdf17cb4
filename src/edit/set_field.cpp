#include "edit/set_field.hpp"

#include <algorithm>
#include <functional>

#include <fmt/format.h>

#include "edit/yaml_scalar.hpp"
#include "load/yaml_fields.hpp"
#include "model.hpp"
#include "util/date.hpp"
#include "util/number.hpp"
#include "util/text.hpp"
#include "util/text_position.hpp"

namespace plan {

namespace {

const std::vector<std::string>& settable() {
  static const std::vector<std::string> f{"status", "actual", "percent", "due", "owner", "weight"};
  return f;
}

// Past a node's properties (`!tag`, `&anchor`) and the spaces after them.
std::size_t skip_properties(std::string_view t, std::size_t pos) {
  while (pos < t.size() && (t[pos] == '!' || t[pos] == '&')) {
    while (pos < t.size() && t[pos] != ' ' && t[pos] != '\t' && line_break_at(t, pos) == 0) ++pos;
    while (pos < t.size() && (t[pos] == ' ' || t[pos] == '\t')) ++pos;
  }
  return pos;
}

// The anchor a node carries (`&name` at its start), or "".
std::string anchor_of(std::string_view t, std::size_t pos) {
  while (pos < t.size() && (t[pos] == '!' || t[pos] == '&')) {
    const std::size_t start = pos;
    while (pos < t.size() && t[pos] != ' ' && t[pos] != '\t' && line_break_at(t, pos) == 0) ++pos;
    if (t[start] == '&') return std::string(t.substr(start + 1, pos - start - 1));
    while (pos < t.size() && (t[pos] == ' ' || t[pos] == '\t')) ++pos;
  }
  return "";
}

// Whether `*name` (the whole name) appears as an alias anywhere in the text.
bool aliased(std::string_view t, const std::string& name) {
  const std::string alias = "*" + name;
  for (std::size_t at = t.find(alias); at != std::string_view::npos; at = t.find(alias, at + 1)) {
    const std::size_t after = at + alias.size();
    if (after >= t.size() ||
        std::string_view(" \t,]}\r\n").find(t[after]) != std::string_view::npos ||
        line_break_at(t, after) != 0)
      return true;
  }
  return false;
}

// The way from `list` down to the activity `id`: indices into each node's children.
bool find_activity(const YamlNode& list, const std::string& id, std::vector<std::size_t>& path) {
  if (!list.is_sequence()) return false;
  for (std::size_t i = 0; i < list.children.size(); ++i) {
    const YamlNode& a = list.children[i];
    path.push_back(i);
    const YamlNode* v = find_value(a, "id");
    if (v && v->is_scalar() && ascii_lower(v->value) == ascii_lower(id)) return true;
    if (const std::size_t k = value_index(a, "activities"); k != std::string::npos) {
      path.push_back(k);
      if (find_activity(a.children[k], id, path)) return true;
      path.pop_back();
    }
    path.pop_back();
  }
  return false;
}

bool starts_before(const YamlNode& a, const YamlNode& b) {
  return a.line < b.line || (a.line == b.line && a.col < b.col);
}

// An alias is a copy of its anchor's node, places included: it is the one node that
// starts before its key or the item before it.
bool is_alias_copy(const YamlNode& parent, std::size_t i) {
  const YamlNode& child = parent.children[i];
  if (starts_before(child, parent)) return true;
  return i > 0 && !starts_before(parent.children[i - 1], child);
}

// The first key the mapping sets itself (not one a merge key '<<' brought in), or null.
const YamlNode* first_own_key(const YamlNode& map) {
  for (std::size_t i = 0; i < map.pair_count(); ++i)
    if (!map.key(i).merged) return &map.key(i);
  return nullptr;
}

// The mapping that sets the merged key `key` itself: the anchored mapping '<<' took it
// from (the same key, at the same place, not merged there), or null.
const YamlNode* merge_source(const YamlNode& n, const YamlNode& key) {
  if (n.is_mapping())
    for (std::size_t i = 0; i < n.pair_count(); ++i)
      if (!n.key(i).merged && n.key(i).line == key.line && n.key(i).col == key.col) return &n;
  for (const YamlNode& c : n.children)
    if (const YamlNode* m = merge_source(c, key)) return m;
  return nullptr;
}

bool same_tree(const YamlNode& a, const YamlNode& b) {
  if (a.kind != b.kind || a.plain != b.plain || a.value != b.value ||
      a.children.size() != b.children.size())
    return false;
  for (std::size_t i = 0; i < a.children.size(); ++i)
    if (!same_tree(a.children[i], b.children[i])) return false;
  return true;
}

struct Edit {
  std::size_t begin, end;
  std::string text;
  std::size_t order = 0;  // lines added at one place keep the order of the changes
};

// One field to change, found in the tree and checked.
struct FieldEdit {
  const FieldChange* change;
  std::vector<std::size_t> map_path;  // from the root to the mapping that holds the field
  const YamlNode* map;
  const YamlNode* old;  // null when the field is absent
  std::string value;    // the value as the file will hold it (numbers formatted)
};

// A block scalar's header (`|`, `>2+`, `|-`): where its chomping indicator is, or would go
// (right after the indentation digit), and which it is ('+', '-', or 0 for clip).
struct BlockHeader {
  std::size_t chomp_at;
  char chomp;
};
std::optional<BlockHeader> block_header(std::string_view t, const YamlNode& scalar) {
  std::size_t at = skip_properties(t, offset_of(t, scalar.line, scalar.col));
  if (at >= t.size() || (t[at] != '|' && t[at] != '>')) return std::nullopt;
  BlockHeader h{++at, 0};
  for (; at < t.size() && (t[at] == '+' || t[at] == '-' || (t[at] >= '1' && t[at] <= '9')); ++at)
    if (t[at] == '+' || t[at] == '-')
      h = {at, t[at]};
    else if (!h.chomp)
      h.chomp_at = at + 1;
  return h;
}

// The last scalar that `map` holds, at any depth, in the order of the text.
const YamlNode* last_leaf_of(const YamlNode& map) {
  const YamlNode* last = nullptr;
  std::function<void(const YamlNode&)> leaf = [&](const YamlNode& n) {
    if (n.children.empty() && (!last || starts_before(*last, n))) last = &n;
    for (const YamlNode& c : n.children) leaf(c);
  };
  for (std::size_t i = 0; i < map.pair_count(); ++i)
    if (!map.key(i).merged) leaf(map.value_at(i));
  return last;
}

// The line after the last one that holds part of a block mapping: its last value's end,
// then every following line indented deeper than its keys (the rest of a block scalar),
// skipping blank lines. A block scalar's end mark lies past its trailing blank lines, so
// it is not trusted. Pairs that a merge key '<<' brought in are not the mapping's text.
std::size_t insertion_line(std::string_view t, const std::vector<std::size_t>& starts,
                           const YamlNode& map, std::uint32_t key_indent) {
  std::function<std::uint32_t(const YamlNode&)> last = [&](const YamlNode& n) -> std::uint32_t {
    std::uint32_t l = n.line;
    if (n.is_scalar()) {
      const std::size_t at = skip_properties(t, offset_of(t, n.line, n.col));
      const bool block = at < t.size() && (t[at] == '|' || t[at] == '>');
      if (!block) l = std::max(l, n.end_line);
    }
    // A flow collection ends at its closing bracket; a block one where the next begins (a
    // block mapping may start with a bracket: `- {a: 1}: x`).
    if (!n.is_scalar() && n.flow) l = std::max(l, n.end_line);
    for (const YamlNode& c : n.children) l = std::max(l, last(c));
    return l;
  };
  std::uint32_t line32 = 0;
  for (std::size_t i = 0; i < map.pair_count(); ++i)
    if (!map.key(i).merged) line32 = std::max({line32, last(map.key(i)), last(map.value_at(i))});
  std::size_t line = line32;
  // In a block scalar, a line of spaces past the text's indentation is text too ("x\n   ").
  const YamlNode* last_leaf = last_leaf_of(map);
  std::size_t text_indent = std::string::npos;
  if (last_leaf && last_leaf->is_scalar() && block_header(t, *last_leaf))
    for (std::size_t l = last_leaf->line + 1; l <= starts.size(); ++l) {
      const std::size_t b = starts[l - 1], e = l < starts.size() ? starts[l] : t.size();
      std::size_t k = b;
      while (k < e && t[k] == ' ') ++k;
      if (k < e && line_break_at(t, k) == 0) {
        text_indent = k - b;
        break;
      }
    }
  for (std::size_t l = line + 1; l <= starts.size(); ++l) {
    const std::size_t b = starts[l - 1];
    const std::size_t e = l < starts.size() ? starts[l] : t.size();
    std::size_t indent = 0;
    while (b + indent < e && t[b + indent] == ' ') ++indent;
    std::size_t k = b + indent;
    if (l > line32 && indent > text_indent && (k >= e || line_break_at(t, k) != 0)) {
      line = l;
      continue;
    }
    while (k < e && t[k] == '\t') ++k;
    if (k >= e || line_break_at(t, k) != 0) continue;  // blank
    if (indent <= key_indent) break;
    line = l;
  }
  // A block scalar with keep chomping (`|+`, `>2+`) holds its trailing blank lines: when
  // it is what the mapping ends with, the new line goes after them (those that end in a
  // line break; the file's unfinished last line is left to the edit's own line break).
  if (last_leaf && last_leaf->is_scalar()) {
    const auto header = block_header(t, *last_leaf);
    const bool keep = header && header->chomp == '+';
    for (std::size_t l = line + 1; keep && l < starts.size(); ++l) {
      std::size_t k = starts[l - 1];
      while (k < starts[l] && (t[k] == ' ' || t[k] == '\t')) ++k;
      if (line_break_at(t, k) == 0) break;
      line = l;
    }
  }
  return line + 1;
}

const YamlNode& at_path(const YamlNode& root, const std::vector<std::size_t>& path) {
  const YamlNode* n = &root;
  for (std::size_t i : path) n = &n->children[i];
  return *n;
}
YamlNode& at_path(YamlNode& root, const std::vector<std::size_t>& path) {
  YamlNode* n = &root;
  for (std::size_t i : path) n = &n->children[i];
  return *n;
}

// Adds `line` at the end of a file whose last line has no line break. If the mapping ends
// with a block scalar, the line break before `line` would become part of its text ("twd"
// would read back as "twd\n"): when the text has no final line break, the strip indicator
// `-` keeps it so. (A clip or keep block whose text ends in a line break keeps it either way.)
void add_at_end(const std::string& text, const YamlNode& map, const std::string& line,
                std::vector<Edit>& edits) {
  if (const YamlNode* leaf = last_leaf_of(map); leaf && leaf->is_scalar())
    if (const auto h = block_header(text, *leaf);
        h && h->chomp != '-' && (leaf->value.empty() || leaf->value.back() != '\n'))
      edits.push_back({h->chomp_at, h->chomp_at + (h->chomp ? 1 : 0), "-"});
  edits.push_back({text.size(), text.size(), line});
}

// The text after the edits, with each value written by `yaml_scalar` (or, with
// `force_double`, double-quoted whatever the old style).
std::string edited_text(const std::string& text, const std::vector<FieldEdit>& targets,
                        bool force_double, std::vector<std::string>& written) {
  const std::string eol = text.find("\r\n") != std::string::npos ? "\r\n" : "\n";
  const auto starts = line_starts(text);
  std::vector<Edit> edits;
  written.clear();
  for (const FieldEdit& tg : targets) {
    const FieldChange& c = *tg.change;
    const std::size_t map_begin = skip_properties(text, offset_of(text, tg.map->line, tg.map->col));
    const bool flow = tg.map->flow;
    ScalarRequest req;
    req.text = c.field == "owner";
    req.flow = flow;
    std::size_t begin = 0, end = 0;
    if (tg.old) {
      begin = skip_properties(text, offset_of(text, tg.old->line, tg.old->col));
      end = std::max(begin, offset_of(text, tg.old->end_line, tg.old->end_col));
      // Text keeps its quoting style; a number, date or status is written plain (quoted,
      // it would be text, which the loader refuses).
      const char first = begin < text.size() ? text[begin] : 0;
      if (req.text && tg.old->is_scalar() && first == '\'') req.style = ScalarStyle::single_quoted;
      if (req.text && tg.old->is_scalar() && first == '"') req.style = ScalarStyle::double_quoted;
    }
    if (force_double && req.text) req.style = ScalarStyle::double_quoted;
    const std::string value = yaml_scalar(tg.value, req);
    written.push_back(value);
    if (tg.old) {
      // An empty value (`owner:`) has no text of its own: the value goes after the colon. In
      // a flow mapping a key may stand alone, without one (`{id: A2, status}`): it gets one.
      std::size_t before = begin;
      while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t')) --before;
      const bool colon = before > 0 && text[before - 1] == ':';
      edits.push_back({begin, end, begin != end ? value : colon ? " " + value : ": " + value});
    } else if (flow) {
      // Before the closing brace, after a comma unless there is nothing or a comma already.
      std::size_t close = offset_of(text, tg.map->end_line, tg.map->end_col);
      while (close > map_begin && text[close - 1] != '}') --close;
      std::size_t at = close - 1;
      while (at > map_begin && (text[at - 1] == ' ' || text[at - 1] == '\t')) --at;
      const bool comma = text[at - 1] != '{' && text[at - 1] != ',';
      // After an empty value (`{planned: }`) the colon keeps a space: `planned:,` would read
      // as the text "planned:".
      const char* sep = !comma ? " " : text[at - 1] == ':' ? " , " : ", ";
      edits.push_back({at, at, fmt::format("{}{}: {}", sep, c.field, value)});
    } else {
      // Block style: a line of its own, after everything the mapping holds, indented like
      // its keys.
      const std::uint32_t key_indent = first_own_key(*tg.map)->col - 1;
      const std::string entry = std::string(key_indent, ' ') + c.field + ": " + value;
      const std::size_t line = insertion_line(text, starts, *tg.map, key_indent);
      if (line <= starts.size())
        edits.push_back({starts[line - 1], starts[line - 1], entry + eol});
      else  // the last line, without a line break: the file keeps ending without one
        add_at_end(text, *tg.map, eol + entry, edits);
    }
  }
  for (std::size_t i = 0; i < edits.size(); ++i) edits[i].order = i;
  // From the end of the text backwards, so earlier offsets stay right; of two insertions
  // at one place, the later change goes in first and ends up second.
  std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) {
    return a.begin != b.begin ? a.begin > b.begin : a.order > b.order;
  });
  std::string out = text;
  for (const Edit& e : edits) out.replace(e.begin, e.end - e.begin, e.text);
  return out;
}

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
  const std::optional<double> number = parse_number(c.value);
  const double n = number.value_or(0);
  if (c.field == "status") {
    std::vector<std::string> names;
    for (Status s : kStatuses) names.push_back(status_name(s));
    if (!parse_status(c.value))
      return fmt::format("status '{}' is not one of {}{}", c.value, quoted_list(names),
                         did_you_mean(c.value, names));
  } else if (c.field == "due") {
    Date d = parse_date(c.value);
    if (!d.valid) return "due is " + explain_bad_date(d);
  } else if (c.field == "owner") {
    // Any other character is written so that it reads back as itself (escaped where raw
    // text could end the line); NUL is refused by the loader, so here too.
    if (find_invalid_utf8(c.value) != std::string::npos) return "the owner is not valid UTF-8";
    if (c.value.find('\0') != std::string::npos) return "the owner holds a NUL character";
  } else if (!number) {
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

namespace {

// The way from the root to the activity `id` (matched ignoring case): sections → item →
// activities → item (→ activities → item…); empty when the file has no such activity.
std::vector<std::size_t> way_to_activity(const YamlNode& root, const std::string& id) {
  std::vector<std::size_t> way;
  if (const std::size_t s = value_index(root, "sections");
      s != std::string::npos && root.children[s].is_sequence()) {
    const YamlNode& sections = root.children[s];
    for (std::size_t i = 0; i < sections.children.size() && way.empty(); ++i) {
      const YamlNode& section = sections.children[i];
      const std::size_t a = value_index(section, "activities");
      if (a == std::string::npos) continue;
      std::vector<std::size_t> rest;
      if (find_activity(section.children[a], id, rest)) {
        way = {s, i, a};
        way.insert(way.end(), rest.begin(), rest.end());
      }
    }
  }
  return way;
}

// Why the node at `path` cannot be edited in one place, or "": nothing on the way may be
// an alias or hold an anchor that an alias repeats, or come through a merge key: the edit
// would change another place too (or the anchor, not the field named).
std::string why_shared(const std::string& text, const YamlNode& root,
                       const std::vector<std::size_t>& path, const std::string& what,
                       const std::string& id, const std::string& where) {
  const YamlNode* n = &root;
  for (std::size_t i : path) {
    // A pair that a merge key brought in is written in the mapping it came from, which
    // every mapping that merges it shares.
    if (n->is_mapping() && i % 2 == 1 && n->children[i - 1].merged) {
      const YamlNode& key = n->children[i - 1];
      const YamlNode* from = merge_source(root, key);
      const std::string anchor =
          from ? anchor_of(text, offset_of(text, from->line, from->col)) : "";
      return fmt::format(
          "{} of activity '{}' comes through the merge key '<<' from the mapping {}at {}{}, "
          "which every mapping that merges it shares; plan set edits one place only: write "
          "'{}' in activity '{}' itself, or edit the anchor by hand",
          what, id, anchor.empty() ? "" : "&" + anchor + " ", where, from ? from->line : key.line,
          key.value, id);
    }
    if (is_alias_copy(*n, i)) {
      return fmt::format(
          "{} of activity '{}' is an alias of the anchor at {}{}; plan set edits one place "
          "only: write the value out, or edit the anchor by hand",
          what, id, where, n->children[i].line);
    }
    n = &n->children[i];
    if (const std::string a = anchor_of(text, offset_of(text, n->line, n->col));
        !a.empty() && aliased(text, a)) {
      return fmt::format(
          "{} of activity '{}' is inside the anchor &{} at {}{}, which aliases repeat "
          "elsewhere; plan set edits one place only: edit it by hand",
          what, id, a, where, n->line);
    }
  }
  return "";
}

// One change found in the tree and checked: the mapping that holds the field, its old
// value, and the value to write; or nothing with `error` set.
std::optional<FieldEdit> field_edit(const std::string& text, const YamlNode& root,
                                    const std::vector<std::size_t>& way, const FieldChange& c,
                                    const std::string& id, const std::string& where,
                                    std::string& error) {
  const YamlNode& activity = at_path(root, way);
  std::vector<std::size_t> map_path = way;
  if (c.field == "actual") {
    const std::size_t m = value_index(activity, "measure");
    if (m == std::string::npos || !activity.children[m].is_mapping()) {
      error = fmt::format(
          "activity '{}' has no measure to count in; set 'percent' instead, or "
          "add a measure by hand",
          id);
      return std::nullopt;
    }
    map_path.push_back(m);
  }
  const YamlNode& map = at_path(root, map_path);
  if (!map.is_mapping()) {
    error = fmt::format("activity '{}' is not a mapping of fields", id);
    return std::nullopt;
  }
  std::vector<std::size_t> field_path = map_path;
  const std::size_t k = value_index(map, c.field);
  if (k != std::string::npos) field_path.push_back(k);
  if (std::string why = why_shared(text, root, field_path, quoted_list({c.field}), id, where);
      !why.empty()) {
    error = std::move(why);
    return std::nullopt;
  }
  const YamlNode* old = k != std::string::npos ? &map.children[k] : nullptr;

  // validate_change has accepted the value: a number for the numeric fields.
  double number = parse_number(c.value).value_or(0);
  if (c.add) {
    double current = 0;
    if (old && old->is_scalar()) {
      const std::optional<double> was = parse_number(old->value);
      if (!was) {
        error = fmt::format("'{}' of activity '{}' is '{}', not a number to add to", c.field, id,
                            old->value);
        return std::nullopt;
      }
      current = *was;
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
  if (old && !old->is_scalar() && !old->is_null()) {
    error =
        fmt::format("'{}' of activity '{}' is not a single value; edit it by hand", c.field, id);
    return std::nullopt;
  }
  if (old && old->is_scalar()) {
    const std::size_t at = skip_properties(text, offset_of(text, old->line, old->col));
    if (at < text.size() && (text[at] == '|' || text[at] == '>')) {
      error = fmt::format("'{}' of activity '{}' is a block of text; edit it by hand", c.field, id);
      return std::nullopt;
    }
  }
  if (!old && !first_own_key(map)) {
    error = fmt::format("activity '{}' has no field to place '{}' beside; edit it by hand", id,
                        c.field);
    return std::nullopt;
  }
  const bool numeric = c.field == "actual" || c.field == "percent" || c.field == "weight";
  return FieldEdit{&c, map_path, &map, old, numeric ? fmt::format("{}", number) : c.value};
}

// The tree the edited text must read back as: the old one with only the edited fields
// changed (or added after the mapping's own last pair), to the values as written.
YamlNode expected_tree(const YamlNode& root, const std::vector<FieldEdit>& targets,
                       const std::vector<std::string>& written) {
  YamlNode expected = root;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    YamlNode& map = at_path(expected, targets[i].map_path);
    YamlNode value;
    value.kind = YamlNode::Kind::scalar;
    value.value = targets[i].value;
    value.plain = written[i].front() != '"' && written[i].front() != '\'';
    if (const std::size_t k = value_index(map, targets[i].change->field); k != std::string::npos) {
      map.children[k] = value;
    } else {
      YamlNode key;
      key.kind = YamlNode::Kind::scalar;
      key.value = targets[i].change->field;
      // The new line follows the mapping's own last pair; what a merge key brings in
      // keeps its place before or after it.
      std::size_t after = 0;
      for (std::size_t j = 0; j < map.pair_count(); ++j)
        if (!map.key(j).merged) after = 2 * j + 2;
      const auto at = map.children.begin() + static_cast<std::ptrdiff_t>(after);
      map.children.insert(map.children.insert(at, value), key);
    }
  }
  return expected;
}

}  // namespace

std::optional<std::string> apply_changes(const std::string& text, const YamlNode& root,
                                         const std::string& id,
                                         const std::vector<FieldChange>& changes,
                                         std::string& error, const std::string& path) {
  const std::string where = path.empty() ? "line " : path + ":";
  const std::vector<std::size_t> way = way_to_activity(root, id);
  if (way.empty()) {
    error = fmt::format("no activity '{}' in this file", id);
    return std::nullopt;
  }
  std::vector<FieldEdit> targets;
  for (const FieldChange& c : changes) {
    for (const FieldEdit& t : targets)
      if (t.change->field == c.field) {
        error = fmt::format("'{}' is given twice", c.field);
        return std::nullopt;
      }
    std::optional<FieldEdit> edit = field_edit(text, root, way, c, id, where, error);
    if (!edit) return std::nullopt;
    targets.push_back(std::move(*edit));
  }

  // The edit must read back as the same tree with only those fields changed, to exactly
  // those values. If the old quoting style cannot say it, double quotes can.
  for (const bool force_double : {false, true}) {
    std::vector<std::string> written;
    std::string out = edited_text(text, targets, force_double, written);
    Diagnostics ignored;
    if (auto again = parse_yaml(out, 1, ignored);
        again && same_tree(*again, expected_tree(root, targets, written)))
      return out;
  }
  error = fmt::format(
      "the edit of activity '{}' would not read back as exactly the values given (a bug: "
      "please report it with the file)",
      id);
  return std::nullopt;
}

}  // namespace plan
