// Placeholder until the XLSX writer lands (issue 17).
#include "render/export_xlsx.hpp"

namespace plan {

std::string write_xlsx(const PlanIndex&, const Stats&, const std::string&) {
  return "the XLSX writer is not built yet";
}

}  // namespace plan
