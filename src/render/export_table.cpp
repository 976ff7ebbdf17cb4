// Placeholder until the tables land (issue 17).
#include "render/export_table.hpp"

namespace plan {

const std::vector<ExportColumn>& export_columns(ExportKind) {
  static const std::vector<ExportColumn> none;
  return none;
}

void export_rows(const PlanIndex&, const Stats&, ExportKind,
                 const std::function<void(const std::vector<ExportValue>&)>&) {}

}  // namespace plan
