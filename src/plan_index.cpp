#include "plan_index.hpp"

#include "util/text.hpp"

namespace plan {

const char* item_kind_name(ItemKind k) {
  switch (k) {
    case ItemKind::goal:
      return "goal";
    case ItemKind::target:
      return "target";
    case ItemKind::section:
      return "section";
    case ItemKind::activity:
      return "activity";
  }
  return "";
}

bool valid_id(std::string_view id) {
  auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  if (id.empty() || !letter(id[0])) return false;
  for (char c : id)
    if (!(letter(c) || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) return false;
  return true;
}

PlanIndex::PlanIndex(const Plan& plan) : plan_(plan) {
  for (const Section& s : plan.sections) add_activities(s.activities, s, -1, 0, nullptr);
  // Ids in document order (goals, targets, then each section and its activities), so the
  // first definition of a repeated id is the one kept; the table is sized once.
  by_id_.reserve(plan.goals.size() + plan.targets.size() + plan.sections.size() +
                 activities_.size());
  for (std::size_t i = 0; i < plan.goals.size(); ++i) add_id(plan.goals[i].id, {ItemKind::goal, i});
  for (std::size_t i = 0; i < plan.targets.size(); ++i)
    add_id(plan.targets[i].id, {ItemKind::target, i});
  std::size_t a = 0;
  for (std::size_t i = 0; i < plan.sections.size(); ++i) {
    add_id(plan.sections[i].id, {ItemKind::section, i});
    for (; a < activities_.size() && activities_[a].section == &plan.sections[i]; ++a)
      add_id(activities_[a].activity->id, {ItemKind::activity, a});
  }
}

void PlanIndex::add_activities(const std::vector<Activity>& list, const Section& s, long parent,
                               int depth, const std::vector<Ref>* inherited) {
  for (const Activity& a : list) {
    const bool own = a.targets.given();
    const std::vector<Ref>* targets = own ? &a.targets.value : inherited;
    const long self = static_cast<long>(activities_.size());
    activities_.push_back({&a, &s, parent, depth, targets, !own && targets != nullptr});
    add_activities(a.activities, s, self, depth + 1, targets);
  }
}

void PlanIndex::add_id(const Located<std::string>& id, ItemRef ref) {
  if (!id.given()) return;
  by_id_.emplace(std::string_view(id.value), ref);  // keeps the first definition
}

const ItemRef* PlanIndex::find(std::string_view id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &it->second;
}

const Located<std::string>& PlanIndex::id_of(const ItemRef& r) const {
  switch (r.kind) {
    case ItemKind::goal:
      return plan_.goals[r.index].id;
    case ItemKind::target:
      return plan_.targets[r.index].id;
    case ItemKind::section:
      return plan_.sections[r.index].id;
    case ItemKind::activity:
      break;
  }
  return activities_[r.index].activity->id;
}

const Located<std::string>& PlanIndex::title_of(const ItemRef& r) const {
  switch (r.kind) {
    case ItemKind::goal:
      return plan_.goals[r.index].title;
    case ItemKind::target:
      return plan_.targets[r.index].title;
    case ItemKind::section:
      return plan_.sections[r.index].title;
    case ItemKind::activity:
      break;
  }
  return activities_[r.index].activity->title;
}

Loc PlanIndex::loc_of(const ItemRef& r) const {
  switch (r.kind) {
    case ItemKind::goal:
      return plan_.goals[r.index].loc;
    case ItemKind::target:
      return plan_.targets[r.index].loc;
    case ItemKind::section:
      return plan_.sections[r.index].loc;
    case ItemKind::activity:
      break;
  }
  return activities_[r.index].activity->loc;
}

std::vector<std::string> PlanIndex::ids_of(ItemKind kind) const {
  std::vector<std::string> ids;
  auto add = [&](const Located<std::string>& id) {
    if (id.given()) ids.push_back(id.value);
  };
  switch (kind) {
    case ItemKind::goal:
      for (const Goal& g : plan_.goals) add(g.id);
      break;
    case ItemKind::target:
      for (const Target& t : plan_.targets) add(t.id);
      break;
    case ItemKind::section:
      for (const Section& s : plan_.sections) add(s.id);
      break;
    case ItemKind::activity:
      for (const ActivityEntry& e : activities_) add(e.activity->id);
      break;
  }
  return ids;
}

}  // namespace plan
