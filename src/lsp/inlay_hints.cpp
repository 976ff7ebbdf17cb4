// (to be written)
#include "lsp/features.hpp"

namespace plan::lsp {

Reply inlay_hints(Session&, const json&) {
  return {};
}

}  // namespace plan::lsp
