// file:// URIs ↔ absolute paths, as RFC 3986 and the protocol spell them: the path's bytes
// percent-encoded except for unreserved characters and '/'.
#pragma once

#include <optional>
#include <string>

namespace plan::lsp {

std::string uri_from_path(const std::string& absolute_path);
// The absolute path of a file:// URI (a host other than localhost is refused), or nothing.
std::optional<std::string> path_from_uri(const std::string& uri);

}  // namespace plan::lsp
