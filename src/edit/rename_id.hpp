// An item's id renamed across the plan, as byte edits of the files' texts: its definition
// and every link that names it (a target's `goals`, an activity's `targets`), each changed
// in its id text only, so quotes, comments and layout stay as they were. The language
// server's rename turns them into a WorkspaceEdit; a `plan rename OLD NEW` would write them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "message.hpp"
#include "plan_index.hpp"

namespace plan {

// Bytes [begin, end) of file `file`'s text become `text`.
struct IdEdit {
  std::uint32_t file = 0;
  std::size_t begin = 0, end = 0;
  std::string text;
};

// Where an id (or a link) read as `value` is written at `loc` in its file's text: the bytes
// inside the quotes of a quoted scalar, the whole of a plain one (which must read as the
// value: one line). Node properties before it (an anchor `&a`, a tag `!!str`), where the
// loader places a node, are stepped over; a byte-order mark is allowed for. None, with `why`
// set, for a block scalar or a plain scalar over several lines.
struct IdSpan {
  std::size_t begin = 0, end = 0;
  bool plain = false;
};
std::optional<IdSpan> id_text_at(std::string_view text, Loc loc, const std::string& value,
                                 Message& why);

// Why `item` cannot take `new_id`, or an empty message when it can: the id is not valid, or
// another item has it (ignoring case; the item's own id in another case is allowed).
Message new_id_problem(const PlanIndex& index, const ItemRef& item, const std::string& new_id);

// The edits that give `item` the id `new_id`, sorted by file and offset, one per place the
// id is written (an id shared through a YAML alias is written, and edited, once). `texts`
// holds each file's text by its number in Plan::files, as the plan was loaded from it. None,
// with `error` set, when new_id_problem() objects, a file of the plan could not be read (its
// links are unknown), or an occurrence is written in a form an id edit cannot keep (a block
// scalar, a plain scalar over several lines).
std::optional<std::vector<IdEdit>> rename_id(const PlanIndex& index, const ItemRef& item,
                                             const std::string& new_id,
                                             const std::vector<std::string_view>& texts,
                                             Message& error);

}  // namespace plan
