#include "edit/item_way.hpp"

#include <cstdint>

#include "edit/set_field.hpp"
#include "edit/yaml_nodes.hpp"
#include "load/yaml_fields.hpp"
#include "util/text.hpp"
#include "util/text_position.hpp"

namespace plan {

namespace {

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

// An alias is a copy of its anchor's node, places included: it is the one node that
// starts before its key or the item before it.
bool is_alias_copy(const YamlNode& parent, std::size_t i) {
  const YamlNode& child = parent.children[i];
  if (starts_before(child, parent)) return true;
  return i > 0 && !starts_before(parent.children[i - 1], child);
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

// Where a line is, in a message: "f.yaml:4", or "line 4" when the file is not named.
MessageArg place_arg(const std::string& file, std::uint32_t line) {
  if (file.empty()) return nested("place", message(N_("line {line}"), {arg("line", line)}));
  return plan_text("place", file + ":" + std::to_string(line));
}

}  // namespace

Message item_words(const ItemWay& item, const std::string& id) {
  if (item.kind == "plan") return message(N_("the plan"));
  const char* words = item.kind == "goal"      ? N_("goal '{id}'")
                      : item.kind == "target"  ? N_("target '{id}'")
                      : item.kind == "section" ? N_("section '{id}'")
                                               : N_("activity '{id}'");
  return message(words, {plan_text("id", id)});
}

ItemWay find_item(const YamlNode& root, const std::string& id) {
  if (!root.is_mapping()) return {};
  const std::string want = ascii_lower(id);
  if (want == kPlanMetaId) {
    const std::size_t p = value_index(root, "plan");
    if (p != std::string::npos && root.children[p].is_mapping()) return {{p}, "plan"};
    return {};
  }
  const auto named = [&](const YamlNode& n) {
    const YamlNode* v = n.is_mapping() ? find_value(n, "id") : nullptr;
    return v && v->is_scalar() && ascii_lower(v->value) == want;
  };
  for (const auto& [list, kind] : {std::pair{"goals", "goal"}, std::pair{"targets", "target"}}) {
    const std::size_t s = value_index(root, list);
    if (s == std::string::npos || !root.children[s].is_sequence()) continue;
    const YamlNode& items = root.children[s];
    for (std::size_t i = 0; i < items.children.size(); ++i)
      if (named(items.children[i])) return {{s, i}, kind};
  }
  const std::size_t s = value_index(root, "sections");
  if (s == std::string::npos || !root.children[s].is_sequence()) return {};
  const YamlNode& sections = root.children[s];
  for (std::size_t i = 0; i < sections.children.size(); ++i) {
    const YamlNode& section = sections.children[i];
    if (named(section)) return {{s, i}, "section"};
    const std::size_t a = value_index(section, "activities");
    if (a == std::string::npos) continue;
    std::vector<std::size_t> rest;
    if (find_activity(section.children[a], id, rest)) {
      std::vector<std::size_t> way{s, i, a};
      way.insert(way.end(), rest.begin(), rest.end());
      return {way, "activity"};
    }
  }
  return {};
}

// Why the node at `path` cannot be edited in one place, or no message: nothing on the way
// may be an alias or hold an anchor that an alias repeats, or come through a merge key: the
// edit would change another place too (or the anchor, not the field named).
Message why_shared(const std::string& text, const YamlNode& root,
                   const std::vector<std::size_t>& path, const std::string& field,
                   const Message& who, const std::string& file) {
  const YamlNode* n = &root;
  for (std::size_t i : path) {
    // A pair that a merge key brought in is written in the mapping it came from, which
    // every mapping that merges it shares.
    if (n->is_mapping() && i % 2 == 1 && n->children[i - 1].merged) {
      const YamlNode& key = n->children[i - 1];
      const YamlNode* from = merge_source(root, key);
      const std::string anchor =
          from ? anchor_of(text, offset_of(text, from->line, from->col)) : "";
      std::vector<MessageArg> args{plan_text("field", field), nested("who", who),
                                   place_arg(file, from ? from->line : key.line),
                                   plan_text("key", key.value)};
      if (anchor.empty())
        return message(N_("'{field}' of {who} comes through the merge key '<<' from the mapping "
                          "at {place}, which every mapping that merges it shares; plan set edits "
                          "one place only: write '{key}' in {who} itself, or edit the anchor by "
                          "hand"),
                       std::move(args));
      args.push_back(plan_text("anchor", anchor));
      return message(N_("'{field}' of {who} comes through the merge key '<<' from the mapping "
                        "&{anchor} at {place}, which every mapping that merges it shares; plan "
                        "set edits one place only: write '{key}' in {who} itself, or edit the "
                        "anchor by hand"),
                     std::move(args));
    }
    if (is_alias_copy(*n, i)) {
      return message(
          N_("'{field}' of {who} is an alias of the anchor at {place}; plan set edits "
             "one place only: write the value out, or edit the anchor by hand"),
          {plan_text("field", field), nested("who", who), place_arg(file, n->children[i].line)});
    }
    n = &n->children[i];
    if (const std::string a = anchor_of(text, offset_of(text, n->line, n->col));
        !a.empty() && aliased(text, a)) {
      return message(N_("'{field}' of {who} is inside the anchor &{anchor} at {place}, which "
                        "aliases repeat elsewhere; plan set edits one place only: edit it by "
                        "hand"),
                     {plan_text("field", field), nested("who", who), plan_text("anchor", a),
                      place_arg(file, n->line)});
    }
  }
  return {};
}

}  // namespace plan
