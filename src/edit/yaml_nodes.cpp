#include "edit/yaml_nodes.hpp"

#include "util/text_position.hpp"

namespace plan {

std::size_t skip_properties(std::string_view t, std::size_t pos) {
  while (pos < t.size() && (t[pos] == '!' || t[pos] == '&')) {
    while (pos < t.size() && t[pos] != ' ' && t[pos] != '\t' && line_break_at(t, pos) == 0) ++pos;
    while (pos < t.size() && (t[pos] == ' ' || t[pos] == '\t')) ++pos;
  }
  return pos;
}

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

bool same_tree(const YamlNode& a, const YamlNode& b) {
  if (a.kind != b.kind || a.plain != b.plain || a.value != b.value ||
      a.children.size() != b.children.size())
    return false;
  for (std::size_t i = 0; i < a.children.size(); ++i)
    if (!same_tree(a.children[i], b.children[i])) return false;
  return true;
}

}  // namespace plan
