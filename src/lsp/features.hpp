// The requests the server answers, one function each, each in its own file: params in,
// a result (or a protocol error) out. They read the session; only the server changes it.
#pragma once

#include <string>

#include "lsp/json_rpc.hpp"
#include "lsp/session.hpp"

namespace plan::lsp {

// A request's answer: the result, or an error the client is told (error != 0).
struct Reply {
  json result;  // null by default: "nothing here", which the protocol allows for each
  int error = 0;
  std::string message;
  static Reply ok(json result) { return Reply{std::move(result), 0, {}}; }
  static Reply fail(int code, std::string why) { return Reply{nullptr, code, std::move(why)}; }
};

Reply hover(Session& s, const json& params);              // hover.cpp
Reply completion(Session& s, const json& params);         // completion.cpp
Reply definition(Session& s, const json& params);         // navigation.cpp
Reply references(Session& s, const json& params);         // navigation.cpp
Reply prepare_rename(Session& s, const json& params);     // rename.cpp
Reply rename(Session& s, const json& params);             // rename.cpp
Reply document_symbols(Session& s, const json& params);   // symbols.cpp
Reply workspace_symbols(Session& s, const json& params);  // symbols.cpp
Reply code_actions(Session& s, const json& params);       // code_actions.cpp
Reply inlay_hints(Session& s, const json& params);        // inlay_hints.cpp

}  // namespace plan::lsp
