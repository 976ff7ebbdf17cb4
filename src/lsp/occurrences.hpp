// Every place an id is written: where an item defines it and where a link names it (a
// target's `goals`, an activity's `targets`). Definition, references, rename and hover all
// start from "which occurrence is under the cursor".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "lsp/document.hpp"
#include "lsp/session.hpp"
#include "plan_index.hpp"

namespace plan::lsp {

struct Occurrence {
  const Located<std::string>* id = nullptr;  // definitions: the item's own id
  const Ref* ref = nullptr;                  // links: the entry of the list
  ItemKind kind = ItemKind::goal;            // the item's kind, or the kind a link must name
  // What it names; none for an unknown link. A link naming the wrong kind of item (a target
  // in a target's `goals`) names it still: its text follows the item's id in a rename.
  std::optional<ItemRef> item;
  bool definition() const { return id != nullptr; }
  const std::string& text() const { return id ? id->value : ref->id; }
  Loc loc() const { return id ? id->loc : ref->loc; }
};

// Every occurrence in the plan, definitions and links, in the plan's order. An item that
// repeats another's id (duplicate-id) is a definition of itself; links name the first.
std::vector<Occurrence> occurrences(const PlanIndex& index);

// Every occurrence of the item `of` names (same_item), in the plan's order.
std::vector<Occurrence> occurrences_of(const PlanIndex& index, const Occurrence& of);

// The occurrence whose token contains the position in a file, if any.
std::optional<Occurrence> occurrence_at(Session& s, const std::string& abs_path, Position pos);

// The same for a request's TextDocumentPositionParams (textDocument.uri, position).
std::optional<Occurrence> occurrence_at(Session& s, const json& params);

// Whether two occurrences name the same item (an unknown link: the same text, ignoring case).
bool same_item(const Occurrence& a, const Occurrence& b);

}  // namespace plan::lsp
