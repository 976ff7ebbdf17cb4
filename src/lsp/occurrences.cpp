#include "lsp/occurrences.hpp"

#include "lsp/protocol.hpp"
#include "lsp/uri.hpp"
#include "util/text.hpp"

namespace plan::lsp {

namespace {

// Calls f(occurrence) for every place an id is written, in the plan's order, with links not
// yet resolved (item unset): a caller that wants a few of them resolves only those.
template <class F>
void walk(const PlanIndex& index, F&& f) {
  const auto definition = [&](const Located<std::string>& id, ItemKind kind, std::size_t i) {
    if (!id.given()) return;
    Occurrence o;
    o.id = &id;
    o.kind = kind;
    o.item = ItemRef{kind, i};
    f(o);
  };
  const auto links = [&](const Located<std::vector<Ref>>& list, ItemKind kind) {
    for (const Ref& r : list.value) {
      if (r.loc.line == 0) continue;
      Occurrence o;
      o.ref = &r;
      o.kind = kind;
      f(o);
    }
  };
  const Plan& p = index.plan();
  for (std::size_t i = 0; i < p.goals.size(); ++i) definition(p.goals[i].id, ItemKind::goal, i);
  for (std::size_t i = 0; i < p.targets.size(); ++i) {
    definition(p.targets[i].id, ItemKind::target, i);
    links(p.targets[i].goals, ItemKind::goal);
  }
  for (std::size_t i = 0; i < p.sections.size(); ++i)
    definition(p.sections[i].id, ItemKind::section, i);
  const auto& acts = index.activities();
  for (std::size_t i = 0; i < acts.size(); ++i) {
    definition(acts[i].activity->id, ItemKind::activity, i);
    links(acts[i].activity->targets, ItemKind::target);
  }
}

void resolve(const PlanIndex& index, Occurrence& o) {
  if (o.ref)
    if (const ItemRef* found = index.find(o.ref->id)) o.item = *found;
}

}  // namespace

std::vector<Occurrence> occurrences(const PlanIndex& index) {
  std::vector<Occurrence> out;
  walk(index, [&](Occurrence o) {
    resolve(index, o);
    out.push_back(o);
  });
  return out;
}

std::vector<Occurrence> occurrences_of(const PlanIndex& index, const Occurrence& of) {
  // Occurrences of one item are written alike but for case (links find ids ignoring it):
  // only those are looked up.
  std::vector<Occurrence> out;
  walk(index, [&](Occurrence o) {
    if (!IdEqual{}(o.text(), of.text())) return;
    resolve(index, o);
    if (same_item(of, o)) out.push_back(o);
  });
  return out;
}

std::optional<Occurrence> occurrence_at(Session& s, const std::string& abs_path, Position pos) {
  const auto file = s.file_number(abs_path);
  const Document* doc = s.document(abs_path);
  if (!file || !doc) return std::nullopt;
  const CheckedPlan& c = s.checked();
  std::optional<Occurrence> found;
  walk(*c.index, [&](Occurrence o) {
    const Loc loc = o.loc();
    if (found || loc.file != *file || loc.line != pos.line + 1) return;
    const Range r = doc->token_range(loc, s.encoding);
    if (!(r.start <= pos && pos <= r.end)) return;
    resolve(*c.index, o);
    found = o;
  });
  return found;
}

std::optional<Occurrence> occurrence_at(Session& s, const json& params) {
  const auto path = s.served_path(params);
  const auto pos = position_param(params);
  if (!path || !pos) return std::nullopt;
  return occurrence_at(s, *path, *pos);
}

bool same_item(const Occurrence& a, const Occurrence& b) {
  if (a.item && b.item) return a.item->kind == b.item->kind && a.item->index == b.item->index;
  if (a.item || b.item) return false;
  return a.kind == b.kind && IdEqual{}(a.text(), b.text());
}

}  // namespace plan::lsp
