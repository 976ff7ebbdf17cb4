// A new item written into a plan file's text: after the last item of its list (or of its
// parent's `activities`), in the file's own style (block or flow, its indentation, its line
// endings), every other byte left as it was.
#pragma once

#include <optional>
#include <string>

#include "edit/yaml_block.hpp"
#include "load/yaml_tree.hpp"
#include "message.hpp"

namespace plan {

struct AddRequest {
  std::string list_key;   // goals, targets or sections at the top; activities under a parent
  std::string parent_id;  // for activities: the section or activity that holds them
  BlockNode item;         // a mapping: the new item's fields, in the order they are written
};

// The text with the item added, or nothing with `error` set (no such parent in this file,
// a list that is not a list, a list shared through an anchor…). `path` names the file in
// messages. The edited text is parsed again before it is returned: it must read back as
// the old tree with only the new item added, its values exactly those given.
std::optional<std::string> add_item(const std::string& text, const YamlNode& root,
                                    const AddRequest& request, Message& error,
                                    const std::string& path = "");

}  // namespace plan
