#include "edit/add_item.hpp"

#include <algorithm>
#include <functional>

#include <fmt/format.h>

#include "edit/yaml_nodes.hpp"
#include "load/yaml_fields.hpp"
#include "util/text.hpp"
#include "util/text_position.hpp"

namespace plan {

namespace {

std::size_t start_of(std::string_view t, const YamlNode& n) {
  return skip_properties(t, offset_of(t, n.line, n.col));
}

bool has_id(const YamlNode& item, const std::string& id) {
  const YamlNode* v = find_value(item, "id");
  return v && v->is_scalar() && ascii_lower(v->value) == ascii_lower(id);
}

// The way from `list` down to the item `id` and its activities, at any depth.
bool find_item(const YamlNode& list, const std::string& id, std::vector<std::size_t>& path) {
  if (!list.is_sequence()) return false;
  for (std::size_t i = 0; i < list.children.size(); ++i) {
    path.push_back(i);
    if (has_id(list.children[i], id)) return true;
    if (const std::size_t k = value_index(list.children[i], "activities"); k != std::string::npos) {
      path.push_back(k);
      if (find_item(list.children[i].children[k], id, path)) return true;
      path.pop_back();
    }
    path.pop_back();
  }
  return false;
}

// The scalar written last in `n`, in the order of the text (pairs a merge key brought in
// are written elsewhere).
const YamlNode* last_leaf(const YamlNode& n) {
  const YamlNode* last = nullptr;
  std::function<void(const YamlNode&)> walk = [&](const YamlNode& c) {
    if (c.children.empty() &&
        (!last || last->line < c.line || (last->line == c.line && last->col < c.col)))
      last = &c;
    for (std::size_t i = 0; i < c.children.size(); ++i)
      if (!(c.is_mapping() && c.children[i - i % 2].merged)) walk(c.children[i]);
  };
  walk(n);
  return last;
}

// The last line any node of `n` is written on (a block scalar: its header's line).
std::uint32_t last_line(std::string_view t, const YamlNode& n) {
  std::uint32_t l = n.line;
  if (n.is_scalar()) {
    const std::size_t at = start_of(t, n);
    if (!(at < t.size() && (t[at] == '|' || t[at] == '>'))) l = std::max(l, n.end_line);
  } else if (n.flow) {
    l = std::max(l, n.end_line);
  }
  for (std::size_t i = 0; i < n.children.size(); ++i)
    if (!(n.is_mapping() && n.children[i - i % 2].merged))
      l = std::max(l, last_line(t, n.children[i]));
  return l;
}

bool blank_line(std::string_view t, std::size_t b) {
  while (b < t.size() && (t[b] == ' ' || t[b] == '\t')) ++b;
  return b >= t.size() || line_break_at(t, b) != 0;
}

std::size_t indent_at(std::string_view t, std::size_t b) {
  std::size_t k = b;
  while (k < t.size() && t[k] == ' ') ++k;
  return k - b;
}

// The last line of `n` and what goes with it: the rest of a block scalar and comments,
// every following line indented deeper than `indent`, blank lines between them; and the
// trailing blank lines of a keep block scalar (`|+`) that `n` ends with.
std::size_t end_line(std::string_view t, const std::vector<std::size_t>& starts, const YamlNode& n,
                     std::size_t indent) {
  std::size_t line = last_line(t, n);
  for (std::size_t l = line + 1; l <= starts.size(); ++l) {
    const std::size_t b = starts[l - 1];
    if (blank_line(t, b)) continue;
    if (indent_at(t, b) <= indent) break;
    line = l;
  }
  if (const YamlNode* leaf = last_leaf(n); leaf && leaf->is_scalar())
    if (const auto h = block_header(t, *leaf); h && h->chomp == '+')
      for (std::size_t l = line + 1; l < starts.size() && blank_line(t, starts[l - 1]); ++l)
        line = l;
  return line;
}

// The column of the `-` that introduces the block sequence entry starting at `at`, or npos
// when the entry does not start on its dash's line.
std::size_t dash_column(std::string_view t, const std::vector<std::size_t>& starts,
                        std::size_t at) {
  std::size_t k = at;
  while (k > 0 && (t[k - 1] == ' ' || t[k - 1] == '\t')) --k;
  if (k == 0 || t[k - 1] != '-') return std::string::npos;
  const std::size_t dash = k - 1;
  const auto line = std::upper_bound(starts.begin(), starts.end(), dash) - 1;
  return dash - *line;
}

std::size_t line_start(const std::vector<std::size_t>& starts, std::size_t at) {
  return *(std::upper_bound(starts.begin(), starts.end(), at) - 1);
}

struct Edit {
  std::size_t begin, end;
  std::string text;
};

// The file's way of writing items: the first block sequence entry of a mapping found, for
// its keys' distance from the dash and the dash's from its list's key; lists of text or ids
// as `[a, b]` unless the file writes them as block entries.
struct FileStyle {
  int indent = 2;       // keys from their dash
  int dash_offset = 2;  // a list's dashes from its key
  bool flow_lists = true;
  bool found_indent = false, found_offset = false, found_lists = false;
};

void learn_style(std::string_view t, const std::vector<std::size_t>& starts, const YamlNode& n,
                 FileStyle& s) {
  if (n.is_mapping()) {
    for (std::size_t i = 0; i + 1 < n.children.size(); i += 2) {
      const YamlNode& key = n.children[i];
      const YamlNode& v = n.children[i + 1];
      if (key.merged || !v.is_sequence() || v.children.empty() || v.flow) continue;
      const YamlNode& first = v.children.front();
      const std::size_t dash = dash_column(t, starts, start_of(t, first));
      if (dash == std::string::npos) continue;
      if (first.is_scalar() && !s.found_lists) {
        s.flow_lists = false;
        s.found_lists = true;
      }
      if (first.is_mapping() && !first.flow && first.line == v.line && !s.found_indent) {
        const std::size_t key_at = start_of(t, first);
        s.indent = static_cast<int>(key_at - line_start(starts, key_at) - dash);
        s.found_indent = true;
      }
      if (!s.found_offset && !key.flow && key.line < v.line) {
        s.dash_offset = static_cast<int>(dash) - static_cast<int>(key.col - 1);
        s.found_offset = s.dash_offset >= 0;
        if (!s.found_offset) s.dash_offset = 2;
      }
    }
    for (std::size_t i = 0; i + 1 < n.children.size(); i += 2)
      if (!n.children[i].merged && n.children[i + 1].is_sequence() && n.children[i + 1].flow &&
          !n.children[i + 1].children.empty() && n.children[i + 1].children[0].is_scalar())
        s.found_lists = true;  // a flow list of text: the default
  }
  for (const YamlNode& c : n.children) learn_style(t, starts, c, s);
}

// The new item as the tree will read it, each scalar as `written` (quoted or plain).
YamlNode expected_node(const BlockNode& b, const std::vector<std::string>& written,
                       std::size_t& next) {
  YamlNode n;
  if (b.kind == BlockNode::Kind::scalar) {
    n.kind = YamlNode::Kind::scalar;
    n.value = b.value;
    const std::string& w = written[next++];
    n.plain = w.empty() || (w.front() != '"' && w.front() != '\'');
    return n;
  }
  n.kind = b.kind == BlockNode::Kind::list ? YamlNode::Kind::sequence : YamlNode::Kind::mapping;
  for (const BlockNode& c : b.children) {
    if (b.kind == BlockNode::Kind::mapping) {
      YamlNode key;
      key.kind = YamlNode::Kind::scalar;
      key.value = c.key;
      n.children.push_back(key);
    }
    n.children.push_back(expected_node(c, written, next));
  }
  return n;
}

// Where a node is, in a message: "FILE:LINE", or "line LINE" when the file has no name.
MessageArg place_arg(const std::string& path, std::uint32_t line) {
  if (path.empty()) return nested("place", message(N_("line {line}"), {arg("line", line)}));
  return plan_text("place", fmt::format("{}:{}", path, line));
}

std::string indent_lines(const std::string& block, const std::string& prefix,
                         const std::string& eol) {
  std::string out = prefix;
  for (char ch : block) {
    if (ch == '\n')
      out += eol + prefix;
    else
      out += ch;
  }
  return out;
}

}  // namespace

std::optional<std::string> add_item(const std::string& text, const YamlNode& root,
                                    const AddRequest& request, Message& error,
                                    const std::string& path) {
  const auto place = [&path](std::uint32_t line) { return place_arg(path, line); };
  const std::string eol = text.find("\r\n") != std::string::npos ? "\r\n" : "\n";
  const auto starts = line_starts(text);
  if (!root.is_mapping()) {
    error =
        message(N_("{file} is not a mapping of lists; add the item by hand"),
                {path.empty() ? nested("file", message(N_("the file"))) : plan_text("file", path)});
    return std::nullopt;
  }

  // The mapping that holds the list: the file's top level, or the parent item.
  std::vector<std::size_t> holder_path;
  if (!request.parent_id.empty()) {
    const std::size_t s = value_index(root, "sections");
    std::vector<std::size_t> rest;
    if (s == std::string::npos || !find_item(root.children[s], request.parent_id, rest)) {
      error = message(
          N_("no section or activity '{id}' in {file}"),
          {plan_text("id", request.parent_id),
           path.empty() ? nested("file", message(N_("this file"))) : plan_text("file", path)});
      return std::nullopt;
    }
    holder_path = {s};
    holder_path.insert(holder_path.end(), rest.begin(), rest.end());
  }
  const YamlNode& holder = at_path(root, holder_path);
  // "the file", or the parent's id quoted.
  const MessageArg owner = request.parent_id.empty()
                               ? nested("owner", message(N_("the file")))
                               : plan_text("owner", quoted_list({request.parent_id}));
  const MessageArg list_key = plan_text("list", request.list_key);
  if (!holder.is_mapping()) {
    error = message(N_("{owner} is not a mapping of fields; add the item by hand"), {owner});
    return std::nullopt;
  }
  const std::size_t k = value_index(holder, request.list_key);
  if (k != std::string::npos && holder.children[k - 1].merged) {
    error = message(N_("the {list} of {owner} come through a merge key '<<' from a mapping others "
                       "share; add the item by hand"),
                    {list_key, owner});
    return std::nullopt;
  }
  const YamlNode* list = k == std::string::npos ? nullptr : &holder.children[k];
  if (list && list->is_null()) {
    // `activities:` and nothing: which lines its entries would take is the writer's guess.
    error = message(
        N_("'{list}' of {owner} at {place} is empty; write '{empty}' or add the item "
           "by hand"),
        {list_key, owner, place(list->line), plan_text("empty", request.list_key + ": []")});
    return std::nullopt;
  }
  if (list && !list->is_sequence()) {
    error = message(N_("'{list}' of {owner} at {place} is not a list"),
                    {list_key, owner, place(list->line)});
    return std::nullopt;
  }

  FileStyle style;
  learn_style(text, starts, root, style);
  BlockStyle block_style;
  block_style.indent = style.indent;
  block_style.flow_lists = style.flow_lists;

  std::vector<Edit> edits;
  EmittedBlock block;
  // The list's place in the expected tree, and how the new item joins it there.
  YamlNode expected = root;
  YamlNode& expected_holder = at_path(expected, holder_path);

  if (list && list->is_sequence() && !list->children.empty()) {
    const YamlNode& last = list->children.back();
    if (!last.is_mapping()) {
      error = message(
          N_("the last of the {list} of {owner} at {place} is not a mapping; add the item by hand"),
          {list_key, owner, place(last.line)});
      return std::nullopt;
    }
    if (list->flow) {
      // `[{…}, {…}]`: after the last entry, on a line of its own if the entries have theirs.
      block_style.flow = true;
      block_style.sequence_entry = false;
      block = emit_block(request.item, block_style);
      const std::size_t at = offset_of(text, last.end_line, last.end_col);
      const std::uint32_t before_line = list->children.size() > 1
                                            ? list->children[list->children.size() - 2].end_line
                                            : list->line;
      if (last.line != before_line) {
        const std::size_t b = line_start(starts, start_of(text, last));
        std::size_t e = b;
        while (e < text.size() && (text[e] == ' ' || text[e] == '\t')) ++e;
        edits.push_back({at, at, "," + eol + text.substr(b, e - b) + block.text});
      } else {
        edits.push_back({at, at, ", " + block.text});
      }
    } else {
      const std::size_t item_at = start_of(text, last);
      const std::size_t dash = dash_column(text, starts, item_at);
      if (dash == std::string::npos) {
        error = message(N_("the last of the {list} of {owner} at {place} does not start on its "
                           "'-' line; add the item by hand"),
                        {list_key, owner, place(last.line)});
        return std::nullopt;
      }
      block_style.flow = last.flow;
      if (!last.flow) {
        const std::size_t key_col = item_at - line_start(starts, item_at);
        if (key_col > dash) block_style.indent = static_cast<int>(key_col - dash);
      }
      block = emit_block(request.item, block_style);
      const std::string entry = indent_lines(block.text, std::string(dash, ' '), eol);
      const std::size_t line = end_line(text, starts, last, dash);
      if (line < starts.size()) {
        edits.push_back({starts[line], starts[line], entry + eol});
      } else {
        // The file's last line has no line break: it keeps ending without one. A block
        // scalar there would gain a line break at its end; the strip indicator keeps it.
        if (const YamlNode* leaf = last_leaf(last); leaf && leaf->is_scalar())
          if (const auto h = block_header(text, *leaf);
              h && h->chomp != '-' && (leaf->value.empty() || leaf->value.back() != '\n'))
            edits.push_back({h->chomp_at, h->chomp_at + (h->chomp ? 1 : 0), "-"});
        edits.push_back({text.size(), text.size(), eol + entry});
      }
    }
    std::size_t next = 0;
    YamlNode item = expected_node(request.item, block.written, next);
    expected_holder.children[k].children.push_back(std::move(item));
  } else if (list && list->is_sequence()) {
    // `[]`: the item goes inside the brackets.
    block_style.flow = true;
    block_style.sequence_entry = false;
    block = emit_block(request.item, block_style);
    const std::size_t open = start_of(text, *list);
    if (open >= text.size() || text[open] != '[') {
      error = message(
          N_("'{list}' of {owner} at {place} is an empty list written oddly; add the item by hand"),
          {list_key, owner, place(list->line)});
      return std::nullopt;
    }
    edits.push_back({open + 1, open + 1, block.text});
    std::size_t next = 0;
    expected_holder.children[k].children.push_back(
        expected_node(request.item, block.written, next));
  } else {
    // No list yet: the key and its list, written as one mapping by the emitter.
    BlockNode wrapper;
    wrapper.kind = BlockNode::Kind::mapping;
    BlockNode entries;
    entries.kind = BlockNode::Kind::list;
    entries.key = request.list_key;
    entries.block_list = true;
    entries.children.push_back(request.item);
    wrapper.children.push_back(entries);
    block_style.sequence_entry = false;
    block_style.indent = style.dash_offset >= 2 ? style.dash_offset : 2;
    if (holder.flow) {
      block_style.flow = true;
      block = emit_block(wrapper, block_style);
      if (block.text.size() < 2) {
        error = message(N_("the item could not be written"));
        return std::nullopt;
      }
      const std::string inner = block.text.substr(1, block.text.size() - 2);
      std::size_t close = offset_of(text, holder.end_line, holder.end_col);
      while (close > 0 && text[close - 1] != '}') --close;
      std::size_t at = close - 1;
      while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t')) --at;
      const bool comma = text[at - 1] != '{' && text[at - 1] != ',';
      edits.push_back({at, at, (comma ? ", " : " ") + inner});
    } else {
      block = emit_block(wrapper, block_style);
      // With a block of its own: the key goes with the holder's keys, after all it holds
      // (at the top level: at the end of the file).
      std::size_t key_indent = 0;
      std::size_t line = starts.back() == text.size() ? starts.size() - 1 : starts.size();
      if (!holder_path.empty()) {
        const YamlNode* first_key = nullptr;
        for (std::size_t i = 0; i < holder.pair_count() && !first_key; ++i)
          if (!holder.key(i).merged) first_key = &holder.key(i);
        if (!first_key) {
          error = message(N_("{owner} has no field to place '{list}' beside; add the item by hand"),
                          {owner, list_key});
          return std::nullopt;
        }
        const std::size_t key_at = start_of(text, *first_key);
        key_indent = key_at - line_start(starts, key_at);
        line = end_line(text, starts, holder, key_indent == 0 ? 0 : key_indent - 1);
      } else if (holder.pair_count() > 0 && !holder.key(0).merged && holder.key(0).is_scalar()) {
        // The top-level keys may be indented: the new one goes at their column.
        const std::size_t key_at = start_of(text, holder.key(0));
        key_indent = key_at - line_start(starts, key_at);
      }
      const std::string lines = indent_lines(block.text, std::string(key_indent, ' '), eol);
      if (line < starts.size())
        edits.push_back({starts[line], starts[line], lines + eol});
      else {  // the last line, without a line break: the file keeps ending without one
        if (const YamlNode* leaf = last_leaf(root); leaf && leaf->is_scalar())
          if (const auto h = block_header(text, *leaf);
              h && h->chomp != '-' && (leaf->value.empty() || leaf->value.back() != '\n'))
            edits.push_back({h->chomp_at, h->chomp_at + (h->chomp ? 1 : 0), "-"});
        edits.push_back({text.size(), text.size(), eol + lines});
      }
    }
    std::size_t next = 0;
    YamlNode key;
    key.kind = YamlNode::Kind::scalar;
    key.value = request.list_key;
    YamlNode seq;
    seq.kind = YamlNode::Kind::sequence;
    seq.children.push_back(expected_node(request.item, block.written, next));
    std::size_t after = 0;
    for (std::size_t j = 0; j < expected_holder.pair_count(); ++j)
      if (!expected_holder.key(j).merged) after = 2 * j + 2;
    const auto at = expected_holder.children.begin() + static_cast<std::ptrdiff_t>(after);
    expected_holder.children.insert(expected_holder.children.insert(at, seq), key);
  }
  if (block.text.empty()) {
    error = message(N_("the item could not be written"));
    return std::nullopt;
  }

  std::sort(edits.begin(), edits.end(),
            [](const Edit& a, const Edit& b) { return a.begin > b.begin; });
  std::string out = text;
  for (const Edit& e : edits) out.replace(e.begin, e.end - e.begin, e.text);
  Diagnostics ignored;
  if (auto again = parse_yaml(out, 1, ignored); again && same_tree(*again, expected)) return out;
  error = message(
      N_("the new item would not read back as exactly the values given (the list may be shared "
         "through an anchor); add it by hand"));
  return std::nullopt;
}

}  // namespace plan
