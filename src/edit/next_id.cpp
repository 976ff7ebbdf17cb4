#include "edit/next_id.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "plan_index.hpp"
#include "util/text.hpp"

namespace plan {

namespace {

struct Numbered {
  std::string stem;    // the id before its final digits
  std::string digits;  // the final digits
};

// An id's stem and final number; none when it does not end in a digit, or the number is
// too long to count on (more than 18 digits).
bool split_number(const std::string& id, Numbered& out) {
  std::size_t at = id.size();
  while (at > 0 && id[at - 1] >= '0' && id[at - 1] <= '9') --at;
  if (at == id.size() || id.size() - at > 18) return false;
  out = {id.substr(0, at), id.substr(at)};
  return true;
}

}  // namespace

std::string next_id(const std::vector<std::string>& siblings, const std::string& parent,
                    const std::string& first,
                    const std::function<bool(const std::string&)>& taken) {
  Numbered pattern;
  bool found = false;
  for (auto it = siblings.rbegin(); it != siblings.rend() && !found; ++it)
    found = split_number(*it, pattern);
  std::size_t width = 0;  // zero-padded numbers keep their width (a09 → a10)
  unsigned long long n = 1;
  if (found) {
    if (pattern.digits.size() > 1 && pattern.digits[0] == '0') width = pattern.digits.size();
    n = 0;
    const std::string stem = ascii_lower(pattern.stem);
    for (const std::string& s : siblings) {
      Numbered other;
      if (split_number(s, other) && ascii_lower(other.stem) == stem)
        n = std::max(n, std::stoull(other.digits));
    }
    ++n;
  } else if (!parent.empty()) {
    pattern.stem = parent + ".";
  } else if (!first.empty()) {
    pattern.stem = first;
  } else {
    return "";
  }
  for (int tries = 0; tries < 100000; ++tries, ++n) {
    const std::string id = fmt::format("{}{:0{}}", pattern.stem, n, width);
    if (!valid_id(id) || id.size() > kMaxIdLength) return "";
    if (!taken(id)) return id;
  }
  return "";
}

}  // namespace plan
