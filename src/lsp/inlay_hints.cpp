// textDocument/inlayHint: each goal's, target's and activity's completion at the end of the
// line that holds its id, within the range the editor shows.
#include <algorithm>
#include <limits>

#include "lsp/features.hpp"
#include "lsp/protocol.hpp"
#include "lsp/uri.hpp"
#include "render/figures.hpp"

namespace plan::lsp {

namespace {

struct Hint {
  Position at;
  std::string label, tooltip;
};

}  // namespace

Reply inlay_hints(Session& s, const json& params) {
  if (!s.inlay_hints) return Reply::ok(json::array());
  const auto path = s.served_path(params);
  if (!path) return Reply::ok(json::array());
  const Document* doc = s.document(*path);
  const auto file = s.file_number(*path);
  if (!doc || !file) return Reply::ok(json::array());
  // Without a range (which the protocol requires), the whole document.
  const json* r = object_at(params, "range");
  const Range range = (r ? range_from(*r) : std::nullopt)
                          .value_or(Range{{0, 0},
                                          {std::numeric_limits<std::uint32_t>::max(),
                                           std::numeric_limits<std::uint32_t>::max()}});
  const MeasuredPlan& m = s.measured();
  const Plan& p = m.checked->load.plan;
  std::vector<Hint> hints;
  const auto add = [&](const Located<std::string>& id, const char* kind, const Completion& c) {
    if (!id.given() || id.loc.file != *file || !c) return;
    const std::uint32_t line = id.loc.line - 1;
    const std::size_t end =
        doc->offset_at(Position{line, std::numeric_limits<std::uint32_t>::max()}, Encoding::utf8);
    const Position at = doc->position_at(end, s.encoding);
    if (at.line != line || at < range.start || range.end < at) return;
    const std::string figure = percent_figure(c);
    hints.push_back(
        {at, " " + figure, std::string(kind) + " " + id.value + ": " + figure + " complete"});
  };
  const Stats& st = m.stats;
  for (std::size_t i = 0; i < p.goals.size() && i < st.goals.size(); ++i)
    add(p.goals[i].id, "goal", st.goals[i]);
  for (std::size_t i = 0; i < p.targets.size() && i < st.targets.size(); ++i)
    add(p.targets[i].id, "target", st.targets[i]);
  const auto& acts = m.checked->index->activities();
  for (std::size_t i = 0; i < acts.size() && i < st.activities.size(); ++i)
    add(acts[i].activity->id, "activity", st.activities[i]);
  std::stable_sort(hints.begin(), hints.end(),
                   [](const Hint& a, const Hint& b) { return a.at < b.at; });
  json out = json::array();
  for (const Hint& h : hints)
    out.push_back({{"position", to_json(h.at)}, {"label", h.label}, {"tooltip", h.tooltip}});
  return Reply::ok(std::move(out));
}

}  // namespace plan::lsp
