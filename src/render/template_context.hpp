// The context templates render: the report of `plan status --json` (the same writers, so
// the same names), plus the labels of the summary's language and fields derived for
// convenience (docs/templates.md lists them all). Written straight from the measured plan
// into the template engine's data; the long lists (goals, targets, sections, activities,
// links, problems) are built item by item as the template walks them.
#pragma once

#include <memory>

#include "diagnostic.hpp"
#include "message.hpp"
#include "plan_index.hpp"
#include "render/report.hpp"
#include "render/template_data.hpp"
#include "stats/stats.hpp"

namespace plan {

// The measured plan a summary is made of. `diagnostics` are the plan's problems, shown
// in the summary's warnings list in the messages' language: through `translate` (the
// command layer's catalog; null: English), `messages_rtl` when it runs right to left.
struct SummaryPlan {
  const PlanIndex& index;
  const Stats& stats;
  CheckSummary checks;
  const Diagnostics& diagnostics;
  Translator translate = nullptr;
  bool messages_rtl = false;
};

// The plan, the labels and the history chart must outlive the context: its lists are
// built from them while a template renders. `history`: the chart of `render --history`
// (see history_chart), or null for none.
std::unique_ptr<TemplateContext> template_context(const SummaryPlan& plan, const Json& labels,
                                                  const Json* history = nullptr);

}  // namespace plan
