// (to be written)
#include "lsp/features.hpp"

namespace plan::lsp {

Reply hover(Session&, const json&) {
  return {};
}

}  // namespace plan::lsp
