// JSON-RPC 2.0 as the Language Server Protocol frames it on a byte stream: a header block
// ("Content-Length: N\r\n", optionally "Content-Type: …\r\n", then "\r\n") and N bytes of
// JSON. Only framing lives here: no I/O (the command layer reads and writes the stream).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace plan::lsp {

using json = nlohmann::json;

// The protocol's error codes.
enum ErrorCode : int {
  kParseError = -32700,
  kInvalidRequest = -32600,
  kMethodNotFound = -32601,
  kInvalidParams = -32602,
  kInternalError = -32603,
  kServerNotInitialized = -32002,
  kRequestFailed = -32803,
  kRequestCancelled = -32800,
  kContentModified = -32801,
};

struct FrameLimits {
  // A message body over this is skipped unread (a plan file may be 64 MiB; its JSON escaping
  // adds some). Headers over max_header bytes without their blank line are dropped.
  std::size_t max_body = std::size_t{96} << 20;
  std::size_t max_header = 8192;
};

// Bytes in, framed messages out. feed() what arrives; next() takes one complete frame at a
// time. Memory stays within the limits whatever arrives: a bad header is reported and
// skipped up to the next "Content-Length", and a body over the limit is discarded as it
// streams past.
class MessageReader {
 public:
  explicit MessageReader(FrameLimits limits = {}) : limits_(limits) {}

  void feed(std::string_view bytes);

  struct Frame {
    enum class Kind { none, message, error } kind = Kind::none;
    std::string body;   // message: the JSON text
    std::string error;  // error: what was wrong with the framing
  };
  // The next frame, or Kind::none when more bytes are needed.
  Frame next();

  // Bytes held now (for tests of the memory bound).
  std::size_t buffered() const { return buffer_.size(); }

 private:
  FrameLimits limits_;
  std::string buffer_;
  std::size_t skip_ = 0;  // bytes of an oversized body still to discard
};

// One message framed for the stream.
std::string frame(const json& message);

// Messages as the protocol shapes them.
json response(const json& id, json result);
json error_response(const json& id, int code, const std::string& message);
json notification(const std::string& method, json params);

}  // namespace plan::lsp
