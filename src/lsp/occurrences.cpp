#include "lsp/occurrences.hpp"

#include "lsp/protocol.hpp"
#include "lsp/uri.hpp"
#include "util/text.hpp"

namespace plan::lsp {

namespace {

void add_refs(const Located<std::vector<Ref>>& list, ItemKind kind, const PlanIndex& index,
              std::vector<Occurrence>& out) {
  for (const Ref& r : list.value) {
    if (r.loc.line == 0) continue;
    Occurrence o;
    o.ref = &r;
    o.kind = kind;
    if (const ItemRef* found = index.find(r.id)) o.item = *found;
    out.push_back(o);
  }
}

void add_definition(const Located<std::string>& id, ItemKind kind, std::size_t i,
                    std::vector<Occurrence>& out) {
  if (!id.given()) return;
  Occurrence o;
  o.id = &id;
  o.kind = kind;
  o.item = ItemRef{kind, i};
  out.push_back(o);
}

}  // namespace

std::vector<Occurrence> occurrences(const PlanIndex& index) {
  const Plan& p = index.plan();
  std::vector<Occurrence> out;
  for (std::size_t i = 0; i < p.goals.size(); ++i)
    add_definition(p.goals[i].id, ItemKind::goal, i, out);
  for (std::size_t i = 0; i < p.targets.size(); ++i) {
    add_definition(p.targets[i].id, ItemKind::target, i, out);
    add_refs(p.targets[i].goals, ItemKind::goal, index, out);
  }
  for (std::size_t i = 0; i < p.sections.size(); ++i)
    add_definition(p.sections[i].id, ItemKind::section, i, out);
  const auto& acts = index.activities();
  for (std::size_t i = 0; i < acts.size(); ++i) {
    add_definition(acts[i].activity->id, ItemKind::activity, i, out);
    add_refs(acts[i].activity->targets, ItemKind::target, index, out);
  }
  return out;
}

std::optional<Occurrence> occurrence_at(Session& s, const std::string& abs_path, Position pos) {
  const auto file = s.file_number(abs_path);
  const Document* doc = s.document(abs_path);
  if (!file || !doc) return std::nullopt;
  const CheckedPlan& c = s.checked();
  for (const Occurrence& o : occurrences(*c.index)) {
    const Loc loc = o.loc();
    if (loc.file != *file || loc.line != pos.line + 1) continue;
    const Range r = doc->token_range(loc, s.encoding);
    if (r.start <= pos && pos <= r.end) return o;
  }
  return std::nullopt;
}

std::optional<Occurrence> occurrence_at(Session& s, const json& params) {
  const auto uri = document_uri(params);
  const auto path = uri ? path_from_uri(*uri) : std::nullopt;
  const json* at = object_at(params, "position");
  const auto pos = at ? position_from(*at) : std::nullopt;
  if (!path || !pos) return std::nullopt;
  return occurrence_at(s, *path, *pos);
}

bool same_item(const Occurrence& a, const Occurrence& b) {
  if (a.item && b.item) return a.item->kind == b.item->kind && a.item->index == b.item->index;
  if (a.item || b.item) return false;
  return a.kind == b.kind && ascii_lower(a.text()) == ascii_lower(b.text());
}

}  // namespace plan::lsp
