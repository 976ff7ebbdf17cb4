// The language server's protocol side: the lifecycle (initialize, initialized, shutdown,
// exit), the documents the editor syncs, cancellation, and a table from each request's
// method to its feature. No I/O: messages in, messages out (cli/lsp.cpp owns the stream),
// so tests and the fuzz target drive it directly.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "lsp/diagnostics.hpp"
#include "lsp/json_rpc.hpp"
#include "lsp/session.hpp"

namespace plan::lsp {

class Server {
 public:
  explicit Server(SessionConfig config, std::string version = "");

  // What arrived together, in order. A `$/cancelRequest` cancels the requests before it in
  // the batch that are not answered yet (they get RequestCancelled); after the batch, the
  // diagnostics of every file whose problems changed are published once.
  std::vector<json> handle(const std::vector<MessageReader::Frame>& frames);
  // One message (a batch of one).
  std::vector<json> handle(const json& message);

  bool exited() const { return exited_; }
  // 0 after shutdown then exit; 1 when exit came without shutdown (the protocol's rule).
  int exit_code() const { return shutdown_ ? 0 : 1; }

  Session& session() { return session_; }

 private:
  void dispatch(const json& message, const std::set<std::string>& cancelled,
                std::vector<json>& out);
  json initialize(const json& params);
  void notify(const std::string& method, const json& params, std::vector<json>& out);
  void did_change(const json& params);

  Session session_;
  Publisher publisher_;
  std::string version_;
  bool initialized_ = false, shutdown_ = false, exited_ = false, ready_ = false;
  bool changed_ = false;  // documents changed since diagnostics were last published
  bool watch_dynamic_ = false;
  std::int64_t next_id_ = 1;  // ids of the server's own requests to the client
};

}  // namespace plan::lsp
