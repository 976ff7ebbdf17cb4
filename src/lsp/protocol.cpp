#include "lsp/protocol.hpp"

#include <limits>

namespace plan::lsp {

json to_json(Position p) {
  return json{{"line", p.line}, {"character", p.character}};
}

json to_json(Range r) {
  return json{{"start", to_json(r.start)}, {"end", to_json(r.end)}};
}

namespace {
std::optional<std::uint32_t> uinteger_at(const json& j, const char* key) {
  const auto v = integer_at(j, key);
  if (!v || *v < 0) return std::nullopt;
  // Past the uinteger range (2^31 - 1 in the protocol) a position is "the end" anyway.
  return static_cast<std::uint32_t>(
      std::min<std::int64_t>(*v, std::numeric_limits<std::int32_t>::max()));
}
}  // namespace

std::optional<Position> position_from(const json& j) {
  if (!j.is_object()) return std::nullopt;
  const auto line = uinteger_at(j, "line"), character = uinteger_at(j, "character");
  if (!line || !character) return std::nullopt;
  return Position{*line, *character};
}

std::optional<Range> range_from(const json& j) {
  const json* start = object_at(j, "start");
  const json* end = object_at(j, "end");
  if (!start || !end) return std::nullopt;
  const auto a = position_from(*start), b = position_from(*end);
  if (!a || !b) return std::nullopt;
  return Range{*a, *b};
}

const std::string* string_at(const json& j, const char* key) {
  if (!j.is_object()) return nullptr;
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get_ptr<const std::string*>() : nullptr;
}

const json* object_at(const json& j, const char* key) {
  if (!j.is_object()) return nullptr;
  const auto it = j.find(key);
  return it != j.end() && it->is_object() ? &*it : nullptr;
}

std::optional<std::int64_t> integer_at(const json& j, const char* key) {
  if (!j.is_object()) return std::nullopt;
  const auto it = j.find(key);
  if (it == j.end()) return std::nullopt;
  if (it->is_number_integer()) return it->get<std::int64_t>();
  if (it->is_number_unsigned()) {
    const auto u = it->get<std::uint64_t>();
    return static_cast<std::int64_t>(
        std::min<std::uint64_t>(u, std::numeric_limits<std::int64_t>::max()));
  }
  return std::nullopt;
}

std::optional<bool> bool_at(const json& j, const char* key) {
  if (!j.is_object()) return std::nullopt;
  const auto it = j.find(key);
  if (it == j.end() || !it->is_boolean()) return std::nullopt;
  return it->get<bool>();
}

std::optional<Position> position_param(const json& params) {
  const json* at = object_at(params, "position");
  return at ? position_from(*at) : std::nullopt;
}

std::optional<std::string> document_uri(const json& params) {
  const json* doc = object_at(params, "textDocument");
  const std::string* uri = doc ? string_at(*doc, "uri") : nullptr;
  if (!uri) return std::nullopt;
  return *uri;
}

}  // namespace plan::lsp
