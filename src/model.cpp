#include "model.hpp"

#include <cstdio>

namespace plan {

std::string Date::text() const {
  if (!valid) return raw ? *raw : std::string();
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

const char* status_name(Status s) {
  switch (s) {
    case Status::planned: return "planned";
    case Status::in_progress: return "in-progress";
    case Status::done: return "done";
    case Status::blocked: return "blocked";
    case Status::dropped: return "dropped";
    case Status::unknown: break;
  }
  return "";
}

std::optional<Status> parse_status(const std::string& text) {
  for (Status s : kStatuses)
    if (text == status_name(s)) return s;
  return std::nullopt;
}

}  // namespace plan
