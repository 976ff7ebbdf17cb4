// Placeholder until the iCalendar writer lands (issue 17).
#include "render/export_ics.hpp"

namespace plan {

std::string export_ics(const PlanIndex&, const Stats&) {
  return {};
}

}  // namespace plan
