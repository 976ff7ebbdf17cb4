// Where an item of `plan set` is in a file's tree, and whether the node to edit is shared
// with another place (an alias, an anchor that aliases repeat, a merge key '<<'): such a
// node cannot be edited in one place. Internal to src/edit/.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "load/yaml_tree.hpp"
#include "message.hpp"

namespace plan {

// Where an item is in a file's tree: the indices from the root to its mapping, and its kind
// ("plan", "goal", "target", "section", "activity"; "" when the file has no such item).
struct ItemWay {
  std::vector<std::size_t> path;
  std::string kind;
};

// The item `id` (matched ignoring case; kPlanMetaId for the plan's metadata).
ItemWay find_item(const YamlNode& root, const std::string& id);

// The item in a message: "the plan", "activity 'A1'", "goal 'G2'"…
Message item_words(const ItemWay& item, const std::string& id);

// Why the node at `path` cannot be edited in one place, or no message: nothing on the way
// may be an alias or hold an anchor that an alias repeats, or come through a merge key: the
// edit would change another place too (or the anchor, not the field named). `field`, `who`
// and `file` name the field, the item and the file (or "": "line N") in the message.
Message why_shared(const std::string& text, const YamlNode& root,
                   const std::vector<std::size_t>& path, const std::string& field,
                   const Message& who, const std::string& file);

}  // namespace plan
