// (to be written)
#include "lsp/features.hpp"

namespace plan::lsp {

Reply code_actions(Session&, const json&) {
  return {};
}

}  // namespace plan::lsp
