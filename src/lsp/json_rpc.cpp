#include "lsp/json_rpc.hpp"

#include <cctype>
#include <charconv>

namespace plan::lsp {

namespace {

// The byte offset of the first "Content-Length" at or after `from` (case-insensitive), or
// npos: where a stream that lost its framing can pick it up again.
std::size_t find_header_start(const std::string& s, std::size_t from) {
  static constexpr std::string_view kName = "content-length";
  for (std::size_t i = from; i + kName.size() <= s.size(); ++i) {
    std::size_t k = 0;
    while (k < kName.size() && std::tolower(static_cast<unsigned char>(s[i + k])) == kName[k]) ++k;
    if (k == kName.size()) return i;
  }
  return std::string::npos;
}

std::string_view trim(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r'))
    v.remove_suffix(1);
  return v;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

}  // namespace

void MessageReader::feed(std::string_view bytes) {
  if (skip_ > 0) {
    const std::size_t n = std::min(skip_, bytes.size());
    skip_ -= n;
    bytes.remove_prefix(n);
  }
  buffer_.append(bytes);
}

MessageReader::Frame MessageReader::next() {
  Frame out;
  if (skip_ > 0 || buffer_.empty()) return out;
  const std::size_t end = buffer_.find("\r\n\r\n");
  if (end == std::string::npos) {
    if (buffer_.size() <= limits_.max_header) return out;  // wait for the rest
    // No header ends within the limit: drop to the next header name after the start.
    const std::size_t again = find_header_start(buffer_, 1);
    buffer_.erase(0, again == std::string::npos ? buffer_.size() : again);
    out.kind = Frame::Kind::error;
    out.error = "a header of over " + std::to_string(limits_.max_header) + " bytes";
    return out;
  }
  const std::string_view header(buffer_.data(), end);
  std::size_t length = 0;
  bool has_length = false, bad = false;
  std::size_t pos = 0;
  while (pos <= header.size()) {
    std::size_t eol = header.find("\r\n", pos);
    if (eol == std::string_view::npos) eol = header.size();
    const std::string_view line = header.substr(pos, eol - pos);
    pos = eol + 2;
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      bad = true;
      continue;
    }
    if (!iequals(trim(line.substr(0, colon)), "content-length")) continue;  // Content-Type
    const std::string_view v = trim(line.substr(colon + 1));
    const auto r = std::from_chars(v.data(), v.data() + v.size(), length);
    has_length = r.ec == std::errc() && r.ptr == v.data() + v.size() && !v.empty();
    if (!has_length) bad = true;
  }
  if (!has_length || bad) {
    // Without a length the body's end is unknown: resume at the next header name after
    // this block's first byte. It may sit inside the block: after a Content-Length that
    // was too short, the rest of that body runs into the next message's header.
    const std::size_t again = find_header_start(buffer_, 1);
    buffer_.erase(0, again == std::string::npos ? buffer_.size() : again);
    out.kind = Frame::Kind::error;
    out.error = has_length ? "a header line that is not 'Name: value'"
                           : "a message without a valid Content-Length";
    return out;
  }
  const std::size_t body_start = end + 4;
  if (length > limits_.max_body) {
    const std::size_t have = buffer_.size() - body_start;
    if (have >= length) {
      buffer_.erase(0, body_start + length);
    } else {
      skip_ = length - have;
      buffer_.clear();
    }
    out.kind = Frame::Kind::error;
    out.error = "a message of " + std::to_string(length) + " bytes, over the limit of " +
                std::to_string(limits_.max_body);
    return out;
  }
  if (buffer_.size() - body_start < length) return out;  // wait for the body
  out.kind = Frame::Kind::message;
  out.body.assign(buffer_, body_start, length);
  buffer_.erase(0, body_start + length);
  return out;
}

std::string frame(const json& message) {
  // Text that is not UTF-8 (a plan's bytes quoted in a message) is replaced, not thrown on.
  const std::string body = message.dump(-1, ' ', false, json::error_handler_t::replace);
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

json response(const json& id, json result) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

json error_response(const json& id, int code, const std::string& message) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

json notification(const std::string& method, json params) {
  return json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

}  // namespace plan::lsp
