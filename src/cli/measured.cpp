#include "cli/measured.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "cli/as_of.hpp"
#include "cli/terminal.hpp"
#include "pipeline/staleness.hpp"
#include "workspace.hpp"

namespace plan::cli {

std::unique_ptr<MeasuredPlan> load_and_measure(const GlobalOptions& global,
                                               const std::string& as_of_option) {
  std::string error;
  Date as_of = resolve_as_of(as_of_option, error);
  if (!error.empty()) {
    write_text(stderr, error + "\n");
    return nullptr;
  }
  auto checked = load_and_check(global);
  if (!checked) return nullptr;
  return measure(std::move(checked), as_of);
}

bool history_enabled() {
  const char* v = std::getenv("PLAN_HISTORY");
  return !(v && std::strcmp(v, "0") == 0);
}

Staleness staleness_for(const MeasuredPlan& m) {
  const Plan& p = m.checked->load.plan;
  const std::string dir = p.files.empty() ? "." : p.files.front();
  return plan_staleness(m, dir, history_enabled(), kDefaultStaleAfterDays);
}

int finish(std::unique_ptr<MeasuredPlan>& m) {
  CheckedPlan& c = *m->checked;
  c.diags.erase(std::remove_if(c.diags.begin(), c.diags.end(),
                               [](const Diagnostic& d) { return d.severity != Severity::error; }),
                c.diags.end());
  print_diagnostics(c, DiagFormat::text);
  const int code = exit_code_for(c);
  keep_until_exit(m->checked);
  keep_until_exit(m);
  return code;
}

}  // namespace plan::cli
