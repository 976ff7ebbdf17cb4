// The one model of a plan's state: what `plan status --json` prints and what templates
// render. Field names are chosen for people writing templates; README documents each.
#pragma once

#include <cstddef>

#include <nlohmann/json.hpp>

#include "diagnostic.hpp"
#include "plan_index.hpp"
#include "stats/staleness.hpp"
#include "stats/stats.hpp"

namespace plan {

using Json = nlohmann::ordered_json;

class JsonSink;

// "rtl" for right-to-left languages (he, ar, fa…), else "ltr".
const char* direction_of(const std::string& language);

// Writes the report to a sink: a stream for `status --json`, a tree for everything else.
// With `staleness` whose history is known (or that says why not), the report ends with
// `stale`; without it, or when nothing is known and nothing said, there is no such key.
void write_report(const PlanIndex& index, const Stats& stats, const CheckSummary& checks,
                  JsonSink& sink, const Staleness* staleness = nullptr);
Json build_report(const PlanIndex& index, const Stats& stats, const CheckSummary& checks,
                  const Staleness* staleness = nullptr);

// The `stale` object: `known`, `note`, `after_days`, `activities` (each `id`, `title`,
// `status`, `last_change`, `days`, `file`, `line`), written as a key's value.
void write_stale(JsonSink& sink, const PlanIndex& index, const Staleness& staleness);

// The report's parts, for those that need one item (`show`, `list --json`) or build the
// rest themselves (the template context). Each item is one object, as in the report's list.
void write_goal(JsonSink& sink, const PlanIndex& index, const Stats& stats, std::size_t goal);
void write_target(JsonSink& sink, const PlanIndex& index, const Stats& stats, std::size_t target);
void write_section(JsonSink& sink, const PlanIndex& index, const Stats& stats, std::size_t section);
void write_activity(JsonSink& sink, const PlanIndex& index, const Stats& stats,
                    std::size_t activity);
void write_item(JsonSink& sink, const PlanIndex& index, const Stats& stats, const ItemRef& item);
// The keys before the lists (as_of … counts) and after them (gaps, checks), written into
// an object the caller has opened.
void write_overview_fields(JsonSink& sink, const PlanIndex& index, const Stats& stats);
void write_closing_fields(JsonSink& sink, const PlanIndex& index, const Stats& stats,
                          const CheckSummary& checks);

}  // namespace plan
