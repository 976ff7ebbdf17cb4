// (to be written)
#include "lsp/features.hpp"

namespace plan::lsp {

Reply completion(Session&, const json&) {
  return {};
}

}  // namespace plan::lsp
