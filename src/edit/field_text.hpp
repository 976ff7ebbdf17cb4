// How an edit of `plan set` is written into a file's text: the new value in place of the
// old one, a new field beside the item's others, a removed field with its lines, keeping
// every other byte. set_field.cpp decides what to set; this part decides where the text
// goes. Internal to src/edit/.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "edit/field_specs.hpp"
#include "edit/item_way.hpp"
#include "edit/set_field.hpp"
#include "load/yaml_tree.hpp"
#include "message.hpp"

namespace plan {

// The changes of one field, found in the tree and composed.
struct Group {
  const field_specs::Spec* spec = nullptr;
  std::vector<const FieldChange*> changes;
  std::vector<std::size_t> map_path;      // the mapping that holds the field
  bool parent_missing = false;            // its parent mapping (measure, period) is to be made
  const YamlNode* map = nullptr;          // the mapping (the item's when the parent is missing)
  std::size_t index = std::string::npos;  // the field's value in `map`, or npos
  const YamlNode* old = nullptr;
  // After the changes: set or not, to what.
  bool present = false;
  std::string scalar;
  std::vector<std::string> list;
  bool changed = false;
  std::optional<std::string> before, after;
  // As written by the last edited_text: the scalar's text, or each list item's text and
  // the old item it kept (or npos).
  std::string written;
  std::vector<std::string> written_items;
  std::vector<std::size_t> kept_from;
};

// Which pairs of a mapping count, by pair index; empty: all of its own.
using PairFilter = std::function<bool(std::size_t)>;

// The pairs a new field goes after: the mapping's own, but for its nested `activities:`
// (a new field goes with the item's other fields); all when there is no other.
PairFilter fields_filter(const YamlNode& map);

// The text after the edits of the changed groups, or nothing with `error` set. `who` names
// the item in messages.
std::optional<std::string> edited_text(const std::string& text, const YamlNode& root,
                                       const ItemWay& item, const std::vector<Group*>& groups,
                                       bool force_double, const Message& who, Message& error);

}  // namespace plan
