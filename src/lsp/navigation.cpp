// (to be written)
#include "lsp/features.hpp"

namespace plan::lsp {

Reply definition(Session&, const json&) {
  return {};
}

Reply references(Session&, const json&) {
  return {};
}

}  // namespace plan::lsp
