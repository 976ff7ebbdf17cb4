// What the text edits share about a YAML node and the text it was read from: where its
// value starts past its properties, a block scalar's header, the node a path of child
// indices leads to, and whether two trees read the same (an edit is verified by reading it
// back).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "load/yaml_tree.hpp"

namespace plan {

// Past a node's properties (`!tag`, `&anchor`) and the spaces after them.
std::size_t skip_properties(std::string_view t, std::size_t pos);

// A block scalar's header (`|`, `>2+`, `|-`): where its chomping indicator is, or would go
// (right after the indentation digit), and which it is ('+', '-', or 0 for clip).
struct BlockHeader {
  std::size_t chomp_at;
  char chomp;
};
std::optional<BlockHeader> block_header(std::string_view t, const YamlNode& scalar);

// The node `path` (indices into each node's children) leads to from `root`.
const YamlNode& at_path(const YamlNode& root, const std::vector<std::size_t>& path);
YamlNode& at_path(YamlNode& root, const std::vector<std::size_t>& path);

// Whether two trees hold the same nodes, values and styles (places aside).
bool same_tree(const YamlNode& a, const YamlNode& b);

// Whether node `a` starts before node `b` in the text.
inline bool starts_before(const YamlNode& a, const YamlNode& b) {
  return a.line < b.line || (a.line == b.line && a.col < b.col);
}

}  // namespace plan
