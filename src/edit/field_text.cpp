#include "edit/field_text.hpp"

#include <algorithm>
#include <cstdint>

#include "edit/yaml_nodes.hpp"
#include "edit/yaml_scalar.hpp"
#include "util/text.hpp"
#include "util/text_position.hpp"

namespace plan {

using namespace field_specs;

namespace {

// The first key the mapping sets itself (not one a merge key '<<' brought in), or null.
const YamlNode* first_own_key(const YamlNode& map) {
  for (std::size_t i = 0; i < map.pair_count(); ++i)
    if (!map.key(i).merged) return &map.key(i);
  return nullptr;
}

// The last scalar that the pairs of `map` that `include` accepts hold (all own pairs when
// it is empty), at any depth, in the order of the text.
const YamlNode* last_leaf_of(const YamlNode& map, const PairFilter& include = {}) {
  const YamlNode* last = nullptr;
  std::function<void(const YamlNode&)> leaf = [&](const YamlNode& n) {
    if (n.children.empty() && (!last || starts_before(*last, n))) last = &n;
    for (const YamlNode& c : n.children) leaf(c);
  };
  for (std::size_t i = 0; i < map.pair_count(); ++i)
    if (!map.key(i).merged && (!include || include(i))) leaf(map.value_at(i));
  return last;
}

// The line after the last one that holds part of a block mapping: its last value's end,
// then every following line indented deeper than its keys (the rest of a block scalar),
// skipping blank lines. A block scalar's end mark lies past its trailing blank lines, so
// it is not trusted. Pairs that a merge key '<<' brought in are not the mapping's text.
// Only the pairs `include` accepts count (all own pairs when it is empty).
std::size_t insertion_line(std::string_view t, const std::vector<std::size_t>& starts,
                           const YamlNode& map, std::uint32_t key_indent,
                           const PairFilter& include = {}) {
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
    if (!map.key(i).merged && (!include || include(i)))
      line32 = std::max({line32, last(map.key(i)), last(map.value_at(i))});
  std::size_t line = line32;
  // In a block scalar, a line of spaces past the text's indentation is text too ("x\n   ").
  const YamlNode* last_leaf = last_leaf_of(map, include);
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

// The indentation one level deeper adds in this file: the first block mapping found inside
// another, else 2.
std::uint32_t indent_step(const YamlNode& n) {
  if (n.is_mapping() && !n.flow)
    for (std::size_t i = 0; i < n.pair_count(); ++i) {
      const YamlNode& v = n.value_at(i);
      if (v.is_mapping() && !v.flow && !n.key(i).merged && v.pair_count() > 0 &&
          v.key(0).line > n.key(i).line && v.key(0).col > n.key(i).col)
        return v.key(0).col - n.key(i).col;
    }
  for (const YamlNode& c : n.children)
    if (const std::uint32_t s = indent_step(c)) return s;
  return 0;
}

struct Edit {
  std::size_t begin, end;
  std::string text;
  int rank = 0;           // at one place, in-place text (a list's new item) before new lines
  std::size_t order = 0;  // lines added at one place keep the order of the changes
};

Message no_place_beside(const Message& who, const std::string& field) {
  return message(N_("{who} has no field to place '{field}' beside; edit it by hand"),
                 {nested("who", who), plan_text("field", field)});
}

// Adds `line` at the end of a file whose last line has no line break. If the mapping ends
// with a block scalar, the line break before `line` would become part of its text ("twd"
// would read back as "twd\n"): when the text has no final line break, the strip indicator
// `-` keeps it so. (A clip or keep block whose text ends in a line break keeps it either way.)
void add_at_end(const std::string& text, const YamlNode& map, const std::string& line,
                std::vector<Edit>& edits, const PairFilter& include = {}) {
  if (const YamlNode* leaf = last_leaf_of(map, include); leaf && leaf->is_scalar())
    if (const auto h = block_header(text, *leaf);
        h && h->chomp != '-' && (leaf->value.empty() || leaf->value.back() != '\n') &&
        std::none_of(edits.begin(), edits.end(), [&](const Edit& e) {
          return e.begin == h->chomp_at && e.text == "-";  // another new field's, already
        }))
      edits.push_back({h->chomp_at, h->chomp_at + (h->chomp ? 1 : 0), "-"});
  edits.push_back({text.size(), text.size(), line});
}

// Where a pair's text ends: the start of the line after it (or the text's end).
std::size_t pair_end(const std::string& text, const std::vector<std::size_t>& starts,
                     const YamlNode& map, std::size_t pair) {
  const std::uint32_t key_indent = first_own_key(map)->col - 1;
  const std::size_t line =
      insertion_line(text, starts, map, key_indent, [pair](std::size_t i) { return i == pair; });
  return line <= starts.size() ? starts[line - 1] : text.size();
}

bool ends_in_break(const std::string& text) {
  return !text.empty() && (text.back() == '\n' || text.back() == '\r');
}

// Lines added to a block mapping, after its fields, indented like its keys; `lines` are
// given without that indentation.
void add_block_lines(const std::string& text, const std::vector<std::size_t>& starts,
                     const YamlNode& map, const std::vector<std::string>& lines,
                     const std::string& eol, std::vector<Edit>& edits) {
  const std::uint32_t key_indent = first_own_key(map)->col - 1;
  std::string entry;
  for (std::size_t i = 0; i < lines.size(); ++i)
    entry += (i ? eol : "") + std::string(key_indent, ' ') + lines[i];
  const PairFilter include = fields_filter(map);
  const std::size_t line = insertion_line(text, starts, map, key_indent, include);
  if (line <= starts.size())
    edits.push_back({starts[line - 1], starts[line - 1], entry + eol, 1});
  else  // the last line, without a line break: the file keeps ending without one
    add_at_end(text, map, eol + entry, edits, include);
  edits.back().rank = 1;
}

// A pair added to a flow mapping: before the closing brace, after a comma unless there is
// nothing or a comma already.
void add_flow_pair(const std::string& text, const YamlNode& map, const std::string& pair,
                   std::vector<Edit>& edits) {
  const std::size_t map_begin = skip_properties(text, offset_of(text, map.line, map.col));
  std::size_t close = offset_of(text, map.end_line, map.end_col);
  while (close > map_begin && text[close - 1] != '}') --close;
  std::size_t at = close - 1;
  while (at > map_begin && (text[at - 1] == ' ' || text[at - 1] == '\t')) --at;
  const bool comma = text[at - 1] != '{' && text[at - 1] != ',';
  // After an empty value (`{planned: }`) the colon keeps a space: `planned:,` would read
  // as the text "planned:".
  const char* sep = !comma ? " " : text[at - 1] == ':' ? " , " : ", ";
  edits.push_back({at, at, sep + pair, 1});
}

// Removes a pair with its text: in a block mapping its whole lines (comments on them too),
// in a flow mapping the pair and one comma beside it.
bool remove_pair(const std::string& text, const std::vector<std::size_t>& starts, const Group& g,
                 const Message& who, std::vector<Edit>& edits, Message& error) {
  const YamlNode& map = *g.map;
  const std::size_t pair = g.index / 2;
  const YamlNode& key = map.key(pair);
  const YamlNode& value = map.value_at(pair);
  const std::size_t kb = offset_of(text, key.line, key.col);
  std::size_t ve = std::max(offset_of(text, key.end_line, key.end_col),
                            value.is_null() ? 0 : offset_of(text, value.end_line, value.end_col));
  if (map.flow) {
    if (value.is_null())  // `{status: }` or `{status}`: the colon goes too
      for (std::size_t p = ve; p < text.size() && (text[p] == ' ' || text[p] == ':'); ++p)
        if (text[p] == ':') ve = p + 1;
    std::size_t p = ve;
    while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
    if (p < text.size() && text[p] == ',') {
      ++p;
      while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
      edits.push_back({kb, p, ""});
      return true;
    }
    std::size_t q = kb;
    while (q > 0 && (text[q - 1] == ' ' || text[q - 1] == '\t')) --q;
    edits.push_back({q > 0 && text[q - 1] == ',' ? q - 1 : kb, ve, ""});
    return true;
  }
  std::size_t ls = starts[key.line - 1];
  for (std::size_t p = ls; p < kb; ++p)
    if (text[p] != ' ') {
      error = message(N_("'{field}' of {who} is on the line that begins it; plan set cannot "
                         "remove it: edit it by hand"),
                      {plan_text("field", g.spec->name), nested("who", who)});
      return false;
    }
  const std::size_t end = pair_end(text, starts, map, pair);
  // The file's last line without a line break: the break before it goes instead.
  if (end == text.size() && !ends_in_break(text) && ls > 0) {
    --ls;
    if (ls > 0 && text[ls] == '\n' && text[ls - 1] == '\r') --ls;
  }
  edits.push_back({ls, end, ""});
  return true;
}

// A list's text in a flow sequence: kept items as they were written, new ones by the
// writer, spaced like the old list.
std::string flow_list(const std::string& text, Group& g, const char* sep, bool inner_space) {
  std::string s = inner_space && !g.list.empty() ? "[ " : "[";
  g.written_items.clear();
  g.kept_from.clear();
  std::vector<bool> used(g.old && g.old->is_sequence() ? g.old->children.size() : 0);
  for (std::size_t i = 0; i < g.list.size(); ++i) {
    std::string item;
    std::size_t from = std::string::npos;
    for (std::size_t k = 0; k < used.size() && from == std::string::npos; ++k) {
      const YamlNode& o = g.old->children[k];
      if (!used[k] && o.value == g.list[i] && g.old->flow) {
        used[k] = true;
        from = k;
        const std::size_t b = skip_properties(text, offset_of(text, o.line, o.col));
        item = text.substr(b, offset_of(text, o.end_line, o.end_col) - b);
      }
    }
    if (from == std::string::npos)
      item = yaml_scalar(g.list[i], {ScalarStyle::any, is_text(g.spec->type), true});
    g.written_items.push_back(item);
    g.kept_from.push_back(from);
    s += (i ? sep : "") + item;
  }
  return s + (inner_space && !g.list.empty() ? " ]" : "]");
}

// The scalar text for a group's value, in the old value's quoting where it had one.
std::string scalar_text(const std::string& text, const Group& g, bool flow, bool force_double) {
  ScalarRequest req;
  req.text = is_text(g.spec->type);
  req.flow = flow;
  if (g.old && g.old->is_scalar()) {
    const std::size_t begin = skip_properties(text, offset_of(text, g.old->line, g.old->col));
    const char first = begin < text.size() ? text[begin] : 0;
    // Text keeps its quoting style; a number, date or status is written plain (quoted, it
    // would be text, which the loader refuses).
    if (req.text && first == '\'') req.style = ScalarStyle::single_quoted;
    if (req.text && first == '"') req.style = ScalarStyle::double_quoted;
  }
  if (force_double && req.text) req.style = ScalarStyle::double_quoted;
  return yaml_scalar(g.scalar, req);
}

// Replaces a block sequence's items: the old items the new list keeps, in order, stay as
// they are (comments beside them too); the others' lines go, and new items are added at
// the end, indented like the first.
bool edit_block_list(const std::string& text, const std::vector<std::size_t>& starts, Group& g,
                     const std::string& eol, const Message& who, std::vector<Edit>& edits,
                     Message& error) {
  const YamlNode& seq = *g.old;
  const std::size_t end = pair_end(text, starts, *g.map, g.index / 2);
  std::vector<std::size_t> item_begin;
  std::size_t dash_indent = 0;
  for (const YamlNode& item : seq.children) {
    const std::size_t ls = starts[item.line - 1];
    std::size_t k = ls;
    while (k < text.size() && text[k] == ' ') ++k;
    if (k >= text.size() || text[k] != '-' || (!item_begin.empty() && item_begin.back() == ls)) {
      error = message(N_("the items of '{field}' of {who} are not one a line; edit it by hand"),
                      {plan_text("field", g.spec->name), nested("who", who)});
      return false;
    }
    if (item_begin.empty()) dash_indent = k - ls;
    item_begin.push_back(ls);
  }
  g.written_items.clear();
  g.kept_from.clear();
  std::size_t j = 0;
  for (std::size_t i = 0; i < seq.children.size(); ++i) {
    const std::size_t b = item_begin[i], e = i + 1 < item_begin.size() ? item_begin[i + 1] : end;
    if (j < g.list.size() && seq.children[i].value == g.list[j]) {
      g.written_items.push_back("");
      g.kept_from.push_back(i);
      ++j;
    } else {
      std::size_t from = b;
      // The file's last line without a line break: the break before it goes instead.
      if (e == text.size() && !ends_in_break(text) && from > 0) {
        --from;
        if (from > 0 && text[from] == '\n' && text[from - 1] == '\r') --from;
      }
      edits.push_back({from, e, ""});
    }
  }
  if (j == 0 && j == g.list.size()) {
    // No item left: `key: []`, after the key's colon (a comment after it stays after).
    const YamlNode& key = g.map->key(g.index / 2);
    std::size_t p = offset_of(text, key.end_line, key.end_col);
    while (p < text.size() && text[p] != ':') ++p;
    edits.push_back({p + 1, p + 1, " []"});
    return true;
  }
  std::string added;
  for (; j < g.list.size(); ++j) {
    const std::string item =
        yaml_scalar(g.list[j], {ScalarStyle::any, is_text(g.spec->type), false});
    g.written_items.push_back(item);
    g.kept_from.push_back(std::string::npos);
    const std::string line = std::string(dash_indent, ' ') + "- " + item;
    added += end == text.size() && !ends_in_break(text) ? eol + line : line + eol;
  }
  if (!added.empty()) edits.push_back({end, end, added});
  return true;
}

}  // namespace

// The pairs a new field goes after: the mapping's own, but for its nested `activities:`
// (a new field goes with the item's other fields); all when there is no other.
PairFilter fields_filter(const YamlNode& map) {
  bool other = false;
  for (std::size_t i = 0; i < map.pair_count(); ++i)
    other = other || (!map.key(i).merged && map.key(i).value != "activities");
  if (!other) return {};
  return [&map](std::size_t i) { return map.key(i).value != "activities"; };
}

std::optional<std::string> edited_text(const std::string& text, const YamlNode& root,
                                       const ItemWay& item, const std::vector<Group*>& groups,
                                       bool force_double, const Message& who, Message& error) {
  const std::string eol = text.find("\r\n") != std::string::npos ? "\r\n" : "\n";
  const auto starts = line_starts(text);
  const YamlNode& item_map = at_path(root, item.path);
  std::vector<Edit> edits;
  // Fields whose parent mapping is missing: one new mapping per parent, in order.
  std::vector<std::pair<std::string, std::vector<Group*>>> new_parents;
  for (Group* gp : groups) {
    Group& g = *gp;
    const Type t = g.spec->type;
    if (g.parent_missing) {
      if (!g.present) continue;
      auto p = std::find_if(new_parents.begin(), new_parents.end(),
                            [&](const auto& x) { return x.first == g.spec->parent; });
      if (p == new_parents.end())
        new_parents.push_back({g.spec->parent, {&g}});
      else
        p->second.push_back(&g);
      continue;
    }
    const YamlNode& map = *g.map;
    if (!g.present) {
      if (!remove_pair(text, starts, g, who, edits, error)) return std::nullopt;
      continue;
    }
    if (!g.old && !first_own_key(map)) {
      error = no_place_beside(who, g.spec->name);
      return std::nullopt;
    }
    std::string value;
    if (is_list(t) && g.old && g.old->is_sequence() && !g.old->flow) {
      if (!edit_block_list(text, starts, g, eol, who, edits, error)) return std::nullopt;
      continue;
    }
    if (is_list(t)) {
      const char* sep = ", ";
      bool inner = false;
      if (g.old && g.old->is_sequence()) {
        const std::size_t b = skip_properties(text, offset_of(text, g.old->line, g.old->col));
        const std::size_t e = offset_of(text, g.old->end_line, g.old->end_col);
        const std::string old_text = text.substr(b, e > b ? e - b : 0);
        if (old_text.find(',') != std::string::npos && old_text.find(", ") == std::string::npos)
          sep = ",";
        inner = old_text.size() > 2 && old_text[1] == ' ';
      }
      value = flow_list(text, g, sep, inner);
    } else {
      value = scalar_text(text, g, map.flow, force_double);
      g.written = value;
    }
    if (g.old) {
      std::size_t begin = skip_properties(text, offset_of(text, g.old->line, g.old->col));
      std::size_t end = std::max(begin, offset_of(text, g.old->end_line, g.old->end_col));
      if (g.old->is_sequence()) {  // a flow list ends at its closing bracket
        while (end > begin && text[end - 1] != ']') --end;
      }
      if (g.old->is_scalar() && begin < text.size() && (text[begin] == '|' || text[begin] == '>')) {
        // A block scalar: its header and every line of its text give way to the value.
        end = pair_end(text, starts, map, g.index / 2);
        edits.push_back(
            {begin, end, end == text.size() && !ends_in_break(text) ? value : value + eol});
        continue;
      }
      // An empty value (`owner:`) has no text of its own: the value goes after the colon. In
      // a flow mapping a key may stand alone, without one (`{id: A2, status}`): it gets one.
      std::size_t before = begin;
      while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t')) --before;
      const bool colon = before > 0 && text[before - 1] == ':';
      if (begin != end && !map.flow) {
        // A comment after the value keeps its column: the spaces before it give or take
        // what the value's width changed (one space is always left).
        std::size_t hash = end;
        while (hash < text.size() && text[hash] == ' ') ++hash;
        if (hash > end && hash < text.size() && text[hash] == '#') {
          const std::size_t was =
              count_code_points(std::string_view(text).substr(begin, end - begin));
          const std::size_t now = count_code_points(value);
          const std::size_t room = hash - end + was;
          edits.push_back({begin, hash, value + std::string(room > now ? room - now : 1, ' ')});
          continue;
        }
      }
      edits.push_back({begin, end, begin != end ? value : colon ? " " + value : ": " + value});
    } else if (map.flow) {
      add_flow_pair(text, map, std::string(g.spec->key) + ": " + value, edits);
    } else {
      add_block_lines(text, starts, map, {std::string(g.spec->key) + ": " + value}, eol, edits);
    }
  }
  for (auto& [parent, members] : new_parents) {
    if (!first_own_key(item_map)) {
      error = no_place_beside(who, parent);
      return std::nullopt;
    }
    if (item_map.flow) {
      std::string pairs;
      for (Group* g : members) {
        g->written = is_list(g->spec->type) ? flow_list(text, *g, ", ", false)
                                            : scalar_text(text, *g, true, force_double);
        pairs += (pairs.empty() ? "" : ", ") + std::string(g->spec->key) + ": " + g->written;
      }
      add_flow_pair(text, item_map, parent + ": {" + pairs + "}", edits);
    } else {
      std::uint32_t step = indent_step(root);
      if (step == 0) step = 2;
      std::vector<std::string> lines{parent + ":"};
      for (Group* g : members) {
        g->written = scalar_text(text, *g, false, force_double);
        lines.push_back(std::string(step, ' ') + g->spec->key + ": " + g->written);
      }
      add_block_lines(text, starts, item_map, lines, eol, edits);
    }
  }
  for (std::size_t i = 0; i < edits.size(); ++i) edits[i].order = i;
  // From the end of the text backwards, so earlier offsets stay right; of two insertions
  // at one place, the later change goes in first and ends up second.
  std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) {
    if (a.begin != b.begin) return a.begin > b.begin;
    if (a.rank != b.rank) return a.rank > b.rank;
    return a.order > b.order;
  });
  std::string out = text;
  for (const Edit& e : edits) out.replace(e.begin, e.end - e.begin, e.text);
  return out;
}

}  // namespace plan
