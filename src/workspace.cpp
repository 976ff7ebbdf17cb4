#include "workspace.hpp"

namespace plan {

namespace {
bool letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
}  // namespace

bool is_qualified(const std::string& ref) {
  const std::size_t colon = ref.find(':');
  if (colon == std::string::npos || colon == 0 || !letter(ref[0])) return false;
  for (std::size_t i = 1; i < colon; ++i) {
    const char c = ref[i];
    if (!(letter(c) || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) return false;
  }
  return true;
}

QualifiedId split_qualified(const std::string& ref) {
  if (!is_qualified(ref)) return {};
  const std::size_t colon = ref.find(':');
  return {ref.substr(0, colon), ref.substr(colon + 1)};
}

}  // namespace plan
