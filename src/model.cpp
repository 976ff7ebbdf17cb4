#include "model.hpp"

namespace plan {

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
