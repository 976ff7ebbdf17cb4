// What moved between two states of a plan: completions, activities added, removed or
// changed, and errors that appeared or were fixed. A pure function of two measured plans.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diagnostic.hpp"
#include "message.hpp"
#include "plan_index.hpp"
#include "stats/stats.hpp"

namespace plan {

struct PlanState {
  const PlanIndex* index;
  const Stats* stats;
  const Diagnostics* diags;  // sorted; paths from index->plan().files
};

struct CompletionChange {
  std::string id, title;
  Completion before, after;
};

// The fields of an activity that `diff` reports, as text ("" when absent).
struct ActivityState {
  std::string status, measure, percent, due;
  Completion completion;
  bool operator==(const ActivityState& o) const {
    return status == o.status && measure == o.measure && percent == o.percent && due == o.due;
  }
};

struct ActivityChange {
  std::string id, title;
  std::optional<ActivityState> before, after;  // only after: added; only before: removed
};

// An error that appeared or was fixed: `key` is its English line without the line number
// ("path: message [code]", what JSON shows and what the sides are compared by), `text` its
// message as data for a translation.
struct DiffError {
  std::string key, file, code;
  Message text;
};

struct PlanDiff {
  Completion before, after;
  std::vector<CompletionChange> goals, targets;     // those whose completion changed
  std::vector<ActivityChange> activities;           // added, removed, changed, in plan order
  std::vector<DiffError> new_errors, fixed_errors;  // in the order of their keys
  // A side where some file did not parse: its items are unknown, so only errors compare,
  // and its completion is null (its stats are incomplete).
  bool before_broken = false, after_broken = false;
  // Each side's plan files and those that could not be read (paths as shown).
  std::size_t before_files = 0, after_files = 0;
  std::vector<std::string> before_unread, after_unread;
};

PlanDiff diff_plans(const PlanState& before, const PlanState& after);

}  // namespace plan
