// (to be written)
#include "lsp/features.hpp"

namespace plan::lsp {

Reply document_symbols(Session&, const json&) {
  return {};
}

Reply workspace_symbols(Session&, const json&) {
  return {};
}

}  // namespace plan::lsp
