// The protocol's small shapes (Position, Range, TextDocumentPositionParams) ↔ JSON, read
// defensively: a client may send anything, and a field of the wrong type is "no value",
// never an exception.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "lsp/document.hpp"
#include "lsp/json_rpc.hpp"

namespace plan::lsp {

json to_json(Position p);
json to_json(Range r);

std::optional<Position> position_from(const json& j);
std::optional<Range> range_from(const json& j);

// A member that is a string / an object, or nothing.
const std::string* string_at(const json& j, const char* key);
const json* object_at(const json& j, const char* key);
std::optional<std::int64_t> integer_at(const json& j, const char* key);
std::optional<bool> bool_at(const json& j, const char* key);

// The `position` of a request's params.
std::optional<Position> position_param(const json& params);

// The textDocument.uri of a request's params.
std::optional<std::string> document_uri(const json& params);

}  // namespace plan::lsp
