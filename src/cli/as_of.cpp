#include "cli/as_of.hpp"

#include <cerrno>
#include <cstdlib>
#include <ctime>

#include "check/wording.hpp"
#include "cli/command.hpp"
#include "cli/i18n.hpp"
#include "util/date.hpp"

namespace plan::cli {

// "plan: …" in the user's language (a right-to-left paragraph in Hebrew), without the
// newline: the callers add it as they print.
static std::string line(const Message& m) {
  std::string s = plan_says(m);
  s.pop_back();
  return s;
}

Date resolve_as_of(const std::string& option, std::string& error) {
  if (!option.empty()) {
    Date d = parse_date(option);
    if (!d.valid)
      error = line(message(N_("--as-of is {reason}"), {nested("reason", bad_date_reason(d))}));
    return d;
  }
  long long seconds;
  if (const char* sde = std::getenv("SOURCE_DATE_EPOCH"); sde && *sde) {
    char* end = nullptr;
    errno = 0;
    seconds = std::strtoll(sde, &end, 10);
    if (*end != '\0' || errno == ERANGE || seconds < 0) {
      error = line(message(N_("SOURCE_DATE_EPOCH '{value}' is not a number of seconds"),
                           {plan_text("value", sde)}));
      return {};
    }
  } else {
    seconds = static_cast<long long>(std::time(nullptr));
  }
  return date_from_days(static_cast<long>(seconds / 86400));
}

}  // namespace plan::cli
