// The as-of date: --as-of, else SOURCE_DATE_EPOCH (reproducible builds), else today (UTC).
#pragma once

#include <string>

#include "model.hpp"

namespace plan::cli {

// Empty `error` on success; otherwise the date is invalid and `error` says why.
Date resolve_as_of(const std::string& option, std::string& error);

}  // namespace plan::cli
