// The history behind staleness: one walk of the repository's first-parent history for many
// plan folders at once (a workspace's units, or one plan), parsing only the files each
// commit changed. Problems are data; nothing here prints or exits.
#pragma once

#include <string>
#include <vector>

#include "model.hpp"
#include "stats/staleness.hpp"

namespace plan {

// One ChangeLog per folder, in the order given. Outside a repository every log is not
// known and says why.
std::vector<ChangeLog> read_change_logs(const std::vector<std::string>& plan_dirs,
                                        const Date& as_of);

}  // namespace plan
