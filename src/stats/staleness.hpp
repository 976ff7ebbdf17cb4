// Who has not updated: when each activity's reported state (status, measure, percent) last
// changed, as git's history says (pipeline/staleness.* reads it), and which activities are
// stale as of a date. Plain data and a pure function.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "model.hpp"
#include "plan_index.hpp"

namespace plan {

struct ChangeLog {
  // False outside a git repository, with history turned off, or when no commit is on or
  // before the as-of date: nothing is stale. `why_unknown` says why when it is worth saying
  // once ("not in a git repository"); "" when there is nothing to say (history turned off,
  // an as-of date before the repository's first commit).
  bool known = false;
  std::string why_unknown;
  bool no_repository = false;  // why_unknown is "not in a git repository"
  bool shallow = false;        // a shallow clone: dates before its boundary are not known
  std::string boundary;        // shallow: YYYY-MM-DD of the oldest commit there is
  std::string last_change;     // the plan folder's last commit, YYYY-MM-DD; "" for none
  // Activity id (compared ignoring ASCII case, lowered here) → YYYY-MM-DD of the last
  // commit, on or before the as-of date, that changed its status, measure or percent (or
  // added it). An activity changed in the working tree but not committed counts as
  // changed on the as-of date (when the as-of date is on or after the last commit's).
  std::unordered_map<std::string, std::string> activity_dates;
};

struct StaleActivity {
  std::size_t activity;     // index into PlanIndex::activities()
  std::string last_change;  // YYYY-MM-DD
  long days = 0;            // from the last change to the as-of date
};

// In-progress activities, and planned ones whose start date has passed, whose last change
// is more than `stale_after_days` before `as_of`; in document order. Empty when the log
// is not known. An activity without a date in the log is not stale (its history is not
// known).
std::vector<StaleActivity> stale_activities(const PlanIndex& index, const ChangeLog& log,
                                            const Date& as_of, int stale_after_days);

// The plan's `stale_after` when it sets one, else `fallback` (the workspace's, or the
// default).
int stale_after_of(const Plan& plan, int fallback);

// What one plan's outputs show of it (`plan status`, its JSON, `plan list --stale`).
struct Staleness {
  bool known = false;
  std::string note;  // said once, in English (the JSON's): why it is not known, or shallow
  // The same as data, for the words of the plan's language (status_text): not known because
  // it is not in a repository, or for `why_unknown` (git's own words); or a shallow clone,
  // whose oldest commit is `boundary` ("" when not known).
  bool no_repository = false;
  std::string why_unknown;
  bool shallow = false;
  std::string boundary;
  int stale_after = 0;
  std::vector<StaleActivity> stale;
};

// The stale list with the note the outputs say once: "staleness not known: not in a git
// repository", or "changes before 2026-11-01 are not known (a shallow clone)".
Staleness staleness_of(const PlanIndex& index, const ChangeLog& log, const Date& as_of,
                       int stale_after_days);

}  // namespace plan
