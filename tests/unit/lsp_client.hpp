// A language server driven in-process, as a client would: messages in, messages out.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "lsp/server.hpp"
#include "lsp/uri.hpp"

namespace plan::test {

struct LspClient {
  lsp::Server server;
  std::vector<lsp::json> received;  // everything the server sent, in order
  int next_id = 1;

  explicit LspClient(lsp::SessionConfig config = {}) : server(std::move(config), "test") {}

  // Sends one message; returns what the server answered.
  std::vector<lsp::json> send(const lsp::json& m) {
    auto out = server.handle(m);
    received.insert(received.end(), out.begin(), out.end());
    return out;
  }
  // A request; returns its response (the test fails if there is none).
  lsp::json request(const std::string& method, lsp::json params) {
    const int id = next_id++;
    for (lsp::json& m :
         send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}}))
      if (m.contains("id") && m["id"] == id && !m.contains("method")) return m;
    FAIL("no response to " << method);
    return nullptr;
  }
  std::vector<lsp::json> notify(const std::string& method, lsp::json params) {
    return send({{"jsonrpc", "2.0"}, {"method", method}, {"params", params}});
  }
  // initialize (with the capabilities given) and initialized, on a workspace folder.
  lsp::json start(const std::string& root, lsp::json capabilities = lsp::json::object(),
                  lsp::json options = nullptr) {
    lsp::json params{{"rootUri", lsp::uri_from_path(root)}, {"capabilities", capabilities}};
    if (!options.is_null()) params["initializationOptions"] = options;
    lsp::json r = request("initialize", params);
    notify("initialized", lsp::json::object());
    return r;
  }
  void open(const std::string& path, const std::string& text, int version = 1) {
    notify("textDocument/didOpen", {{"textDocument",
                                     {{"uri", lsp::uri_from_path(path)},
                                      {"languageId", "yaml"},
                                      {"version", version},
                                      {"text", text}}}});
  }
  // The diagnostics last published for a file (null if none were).
  lsp::json diagnostics(const std::string& path) const {
    const std::string uri = lsp::uri_from_path(path);
    for (auto it = received.rbegin(); it != received.rend(); ++it)
      if (it->value("method", "") == "textDocument/publishDiagnostics" &&
          (*it)["params"]["uri"] == uri)
        return (*it)["params"]["diagnostics"];
    return nullptr;
  }
  static lsp::json at(const std::string& path, unsigned line, unsigned character) {
    return {{"textDocument", {{"uri", lsp::uri_from_path(path)}}},
            {"position", {{"line", line}, {"character", character}}}};
  }
};

}  // namespace plan::test
