#include "cli/as_of.hpp"

#include <cerrno>
#include <cstdlib>
#include <ctime>

#include <fmt/format.h>

#include "util/date.hpp"

namespace plan::cli {

Date resolve_as_of(const std::string& option, std::string& error) {
  if (!option.empty()) {
    Date d = parse_date(option);
    if (!d.valid) error = "plan: --as-of is " + explain_bad_date(d);
    return d;
  }
  long long seconds;
  if (const char* sde = std::getenv("SOURCE_DATE_EPOCH"); sde && *sde) {
    char* end = nullptr;
    errno = 0;
    seconds = std::strtoll(sde, &end, 10);
    if (*end != '\0' || errno == ERANGE || seconds < 0) {
      error = fmt::format("plan: SOURCE_DATE_EPOCH '{}' is not a number of seconds", sde);
      return {};
    }
  } else {
    seconds = static_cast<long long>(std::time(nullptr));
  }
  return date_from_days(static_cast<long>(seconds / 86400));
}

}  // namespace plan::cli
