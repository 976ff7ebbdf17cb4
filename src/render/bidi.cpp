#include "render/bidi.hpp"

namespace plan {

// Stub until FriBidi lands: the text as it is.
std::string visual_line(std::string_view logical, std::size_t) {
  return std::string(logical);
}
std::string visual_text(std::string_view text, std::size_t) {
  return std::string(text);
}
bool has_rtl(std::string_view) {
  return false;
}

}  // namespace plan
