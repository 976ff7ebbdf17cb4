#include "util/number.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>

namespace plan {

std::optional<double> parse_number(std::string_view text) {
  if (text.empty()) return std::nullopt;
  // strtod also reads "inf", "nan" and hex; YAML's core schema spells those differently.
  if (text.find_first_not_of("0123456789.-+eE") != std::string_view::npos) return std::nullopt;
  const std::string s(text);  // strtod needs the terminating NUL
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || errno == ERANGE || !std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace plan
