// Go to definition and find references: from the id under the cursor (a definition or a
// link) to the item's definition, or to every place the same item is written, in every file.
#include <algorithm>
#include <tuple>

#include "lsp/features.hpp"
#include "lsp/occurrences.hpp"
#include "lsp/protocol.hpp"

namespace plan::lsp {

Reply definition(Session& s, const json& params) {
  const auto o = occurrence_at(s, params);
  if (!o || !o->item) return {};  // an unknown link names nothing
  return Reply::ok(s.location(s.checked().index->id_of(*o->item).loc));
}

Reply references(Session& s, const json& params) {
  const auto o = occurrence_at(s, params);
  if (!o) return {};
  const json* context = object_at(params, "context");
  const bool with_definition = context && context->contains("includeDeclaration") &&
                               (*context)["includeDeclaration"].is_boolean() &&
                               (*context)["includeDeclaration"].get<bool>();
  std::vector<Loc> places;
  for (const Occurrence& x : occurrences_of(*s.checked().index, *o))
    if (with_definition || !x.definition()) places.push_back(x.loc());
  // By file, then place: files are numbered in path order.
  std::sort(places.begin(), places.end(), [](const Loc& a, const Loc& b) {
    return std::tie(a.file, a.line, a.col) < std::tie(b.file, b.line, b.col);
  });
  json out = json::array();
  for (const Loc& l : places) out.push_back(s.location(l));
  return Reply::ok(std::move(out));
}

}  // namespace plan::lsp
