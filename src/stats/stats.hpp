// The stats stage: a checked plan and an as-of date → completion figures. Pure: the same
// plan and date always give the same figures. The rules are those of docs/format.md
// ("Completion"), implemented here and nowhere else.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <vector>

#include "model.hpp"
#include "plan_index.hpp"

namespace plan {

using Completion = std::optional<double>;  // 0..1, or nothing where nothing can be measured

struct StatusCounts {
  std::array<std::size_t, 5> by_status{};  // indexed like kStatuses
  std::size_t overdue = 0;
  void add(const Activity& a, bool overdue);
  std::size_t total() const;
  std::size_t of(Status s) const;
};

struct Stats {
  Date as_of;
  Completion plan;
  std::vector<Completion> activities;                // indexed like PlanIndex::activities()
  std::vector<Completion> sections, targets, goals;  // indexed like the Plan's lists
  std::vector<bool> overdue;                         // per activity
  StatusCounts counts;                               // every depth
  std::vector<StatusCounts> section_counts;          // every depth within each section
  // For each target, the activities (indexes) whose own `targets` name it, at any depth.
  std::vector<std::vector<std::size_t>> target_activities;
  // For each goal, the targets (indexes) whose `goals` name it.
  std::vector<std::vector<std::size_t>> goal_targets;
  // For each goal, the activities serving it through its targets (distinct, any depth).
  std::vector<StatusCounts> goal_counts;
  std::vector<StatusCounts> target_counts;
  // The share of the plan's period elapsed on the as-of date (0..1); nothing without a
  // valid period.
  std::optional<double> pace;
  // Coverage gaps: goals with no measurable target, targets with no live activity.
  // Empty, and not known, while the plan is incomplete.
  std::vector<std::size_t> gap_goals, gap_targets;
  // False while some file of the plan could not be read (Plan::unread_files): then the
  // plan's, goals' and targets' completions and the gaps are not known (null), since the
  // missing file may hold any of their activities. Sections from files that were read,
  // and activities, keep their figures.
  bool complete = true;
};

Stats compute_stats(const PlanIndex& index, const Date& as_of);

// How a completion compares with an even pace through the period.
enum class PaceMark { none, behind, on_pace, ahead };
// Within 5 percentage points of the pace counts as on pace.
PaceMark pace_mark(const Completion& completion, const std::optional<double>& pace);
const char* pace_mark_name(PaceMark m);  // "behind", "on-pace", "ahead"; "" for none

}  // namespace plan
