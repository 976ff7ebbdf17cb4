// A new item's YAML text, laid out by yaml-cpp's emitter (block or flow, its indentation)
// with every value written by yaml_scalar(): `plan add`'s one writer of item blocks.
#pragma once

#include <string>
#include <vector>

namespace plan {

// What to write: a scalar, a list of scalars, or a mapping of fields in order.
struct BlockNode {
  enum class Kind { scalar, list, mapping };
  Kind kind = Kind::scalar;
  std::string key;                  // as a field of a mapping
  std::string value;                // a scalar's text
  bool text = true;                 // a scalar that must read as text (quoted if it looks typed)
  bool block_list = false;          // a list written as `- ` entries whatever the style
  std::vector<BlockNode> children;  // a list's items or a mapping's fields
};

struct BlockStyle {
  bool flow = false;           // the whole item as one `{…}` mapping
  bool flow_lists = true;      // lists as `[a, b]` inside a block item
  int indent = 2;              // a block item's keys from its dash, and each nesting level
  bool sequence_entry = true;  // "- " before a block item (false: the mapping alone)
};

struct EmittedBlock {
  std::string text;                  // lines joined by "\n", no final line break
  std::vector<std::string> written;  // each scalar as written, in the order of the text
};

// The item's text, at column 0: "- id: x\n  title: y" (block), "- {id: x, title: y}"
// (flow, as an entry) or "{id: x, title: y}". Empty text when the emitter refuses.
EmittedBlock emit_block(const BlockNode& item, const BlockStyle& style);

}  // namespace plan
