// (to be written)
#include "lsp/features.hpp"

namespace plan::lsp {

Reply prepare_rename(Session&, const json&) {
  return {};
}

Reply rename(Session&, const json&) {
  return {};
}

}  // namespace plan::lsp
