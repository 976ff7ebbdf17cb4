// YAML text → a small tree that keeps the place of every node. yaml_tree.cpp is the only
// code that knows the YAML library (libyaml); everything above works on YamlNode.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.hpp"

namespace plan {

struct YamlNode {
  enum class Kind : std::uint8_t { null, scalar, sequence, mapping };
  Kind kind = Kind::null;
  bool plain = true;    // a plain scalar (typed: number, bool…); quoted and block ones are text
  bool merged = false;  // a mapping key (and so its pair) that a merge key '<<' brought in
  bool flow = false;    // a collection written in brackets (a block one may start with one)
  std::uint32_t line = 0, col = 0;          // 1-based; col counts code points
  std::uint32_t end_line = 0, end_col = 0;  // just past the node (scalars: its last character)
  std::string value;                        // scalars only
  std::vector<YamlNode> children;           // sequence items, or mapping key, value, key, value…

  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_null() const { return kind == Kind::null; }
  bool is_sequence() const { return kind == Kind::sequence; }
  bool is_mapping() const { return kind == Kind::mapping; }
  std::size_t pair_count() const { return children.size() / 2; }
  const YamlNode& key(std::size_t i) const { return children[2 * i]; }
  const YamlNode& value_at(std::size_t i) const { return children[2 * i + 1]; }
};

struct YamlLimits {
  std::size_t max_depth = 100;           // nesting of mappings and sequences, aliases included
  std::size_t max_alias_nodes = 100000;  // nodes that aliases may copy in, per file
  // Bytes of text that aliases may copy in, per file: this many times the file's size,
  // but at least min_alias_bytes and at most max_alias_bytes.
  std::size_t alias_bytes_per_byte = 64;
  std::size_t min_alias_bytes = std::size_t{1} << 20;
  std::size_t max_alias_bytes = std::size_t{64} << 20;
};

// Parses one file's text (already checked to be UTF-8, byte-order mark removed).
// Returns the document's root, or nothing when the file is empty (only comments, or `---`)
// or broken; problems are appended to `diags` located in file `file`.
// A file holds one document; duplicate keys, unclosed quotes and runaway aliases are errors.
// Merge keys (`<<: *base`) are applied. Time and memory are linear in the text's size
// (anchors are not copied until an alias uses them, and aliases copy within the limits).
std::optional<YamlNode> parse_yaml(std::string_view text, std::uint32_t file, Diagnostics& diags,
                                   const YamlLimits& limits = {});

}  // namespace plan
