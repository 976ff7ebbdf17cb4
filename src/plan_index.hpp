// Lookups over a loaded plan, built once: every activity at every depth in document order,
// and every id (case-insensitively) to the item that first defined it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model.hpp"
#include "util/text.hpp"

namespace plan {

enum class ItemKind { goal, target, section, activity };
const char* item_kind_name(ItemKind k);

// The id rule, for the check that reports bad ids and for a rename's new id: an ASCII
// letter, then ASCII letters, digits, '.', '_' or '-'; at most kMaxIdLength characters (ids
// are typed and read by people, and go into every output: a few words at most).
bool valid_id(std::string_view id);  // the characters only
inline constexpr std::size_t kMaxIdLength = 64;

struct ItemRef {
  ItemKind kind;
  std::size_t index;  // into Plan::goals, Plan::targets, Plan::sections or PlanIndex::activities
};

struct ActivityEntry {
  const Activity* activity;
  const Section* section;
  long parent;  // index into PlanIndex::activities, or -1 for a top-level activity
  int depth;    // 0 for top-level
  // The targets this activity counts towards: its own, or the nearest ancestor's when it
  // names none. Null when neither it nor any ancestor names targets.
  const std::vector<Ref>* targets;
  bool inherited;  // `targets` came from an ancestor
};

class PlanIndex {
 public:
  explicit PlanIndex(const Plan& plan);

  const Plan& plan() const { return plan_; }
  const std::vector<ActivityEntry>& activities() const { return activities_; }

  // The first item with this id, compared case-insensitively; null when there is none.
  const ItemRef* find(std::string_view id) const;
  const Located<std::string>& id_of(const ItemRef& r) const;
  const Located<std::string>& title_of(const ItemRef& r) const;
  Loc loc_of(const ItemRef& r) const;

  // Every id of one kind, for "did you mean" suggestions.
  std::vector<std::string> ids_of(ItemKind kind) const;

 private:
  void add_activities(const std::vector<Activity>& list, const Section& s, long parent, int depth,
                      const std::vector<Ref>* inherited);
  void add_id(const Located<std::string>& id, ItemRef ref);

  const Plan& plan_;
  std::vector<ActivityEntry> activities_;
  // Keys are views of the plan's own id strings (the plan never moves while indexed).
  std::unordered_map<std::string_view, ItemRef, IdHash, IdEqual> by_id_;
};

}  // namespace plan
