#include "load/yaml_fields.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "util/date.hpp"
#include "util/number.hpp"
#include "util/text.hpp"

namespace plan {

std::string describe(const YamlNode& n) {
  switch (n.kind) {
    case YamlNode::Kind::null:
      return "empty";
    case YamlNode::Kind::sequence:
      return "a list";
    case YamlNode::Kind::mapping:
      return "a mapping";
    case YamlNode::Kind::scalar:
      break;
  }
  if (plain_number(n)) return "the number " + n.value;
  std::string shown = n.value.size() > 40 ? n.value.substr(0, 37) + "..." : n.value;
  return "the text '" + shown + "'";
}

std::optional<double> plain_number(const YamlNode& n) {
  if (!n.is_scalar() || !n.plain) return std::nullopt;
  return parse_number(n.value);
}

std::size_t value_index(const YamlNode& map, std::string_view key) {
  if (!map.is_mapping()) return std::string::npos;
  for (std::size_t i = 0; i < map.pair_count(); ++i)
    if (map.key(i).is_scalar() && map.key(i).value == key) return 2 * i + 1;
  return std::string::npos;
}

const YamlNode* find_value(const YamlNode& map, std::string_view key) {
  const std::size_t i = value_index(map, key);
  return i == std::string::npos ? nullptr : &map.children[i];
}

void FieldReader::error(const char* code, const YamlNode& n, std::string message) {
  diags_.push_back(make_error(code, at(n), std::move(message)));
}

void FieldReader::error_at(const char* code, const Loc& loc, std::string message) {
  diags_.push_back(make_error(code, loc, std::move(message)));
}

Fields FieldReader::collect(const YamlNode& map, const std::vector<std::string>& known,
                            const std::string& owner) {
  Fields fields;
  for (std::size_t i = 0; i < map.pair_count(); ++i) {
    const YamlNode& key = map.key(i);
    if (!key.is_scalar()) {
      error("wrong-type", key,
            fmt::format("a key {} should be text, not {}", owner, describe(key)));
      continue;
    }
    if (std::find(known.begin(), known.end(), key.value) == known.end()) {
      std::string best = closest_match(key.value, known);
      std::string hint = best.empty() ? "; the keys here are " + quoted_list(known, " and ")
                                      : did_you_mean_hint(best);
      error("unknown-key", key, fmt::format("unknown key '{}' {}{}", key.value, owner, hint));
      diags_.back().suggestion = std::move(best);
      continue;
    }
    fields.emplace(key.value, Field{&key, &map.value_at(i)});  // a duplicate key keeps the first
  }
  return fields;
}

bool FieldReader::text(const Fields& f, const char* key, const std::string& owner,
                       Located<std::string>& out) {
  auto it = f.find(key);
  if (it == f.end() || it->second.value->is_null()) return false;
  const YamlNode& v = *it->second.value;
  if (!v.is_scalar()) {
    error("wrong-type", v,
          fmt::format("'{}' of {} should be text, not {}", key, owner, describe(v)));
    return false;
  }
  out.value = v.value;
  out.loc = at(v);
  return true;
}

bool FieldReader::number(const Fields& f, const char* key, const std::string& owner,
                         Located<double>& out, const char* expected) {
  auto it = f.find(key);
  if (it == f.end() || it->second.value->is_null()) return false;
  const YamlNode& v = *it->second.value;
  if (const std::optional<double> x = plain_number(v)) {
    out.value = *x;
    out.loc = at(v);
    return true;
  }
  std::string why = describe(v);
  if (v.is_scalar() && !v.plain && parse_number(v.value)) why += " (remove the quotes)";
  if (v.is_scalar() && v.plain && !v.value.empty() &&
      v.value.find_first_of("0123456789") != std::string::npos)
    why += " (too large, or not written as a plain number)";
  error("wrong-type", v,
        fmt::format("'{}' of {} should be a number{}, not {}", key, owner, expected, why));
  return false;
}

void FieldReader::date(const Fields& f, const char* key, const std::string& owner,
                       Located<Date>& out) {
  Located<std::string> raw;
  if (!text(f, key, owner, raw)) return;
  out.value = parse_date(raw.value);
  out.loc = raw.loc;
}

void FieldReader::refs(const Fields& f, const char* key, const char* item, const std::string& owner,
                       Located<std::vector<Ref>>& out) {
  auto it = f.find(key);
  if (it == f.end()) return;
  const YamlNode& v = *it->second.value;
  out.loc = at(v);
  if (v.is_null()) return;  // given, but empty
  if (!v.is_sequence()) {
    out.malformed = true;
    error("wrong-type", v,
          fmt::format("'{}' of {} should be a list of {} ids like [{}], not {}", key, owner, item,
                      v.is_scalar() ? v.value : "…", describe(v)));
    return;
  }
  for (const YamlNode& n : v.children) {
    if (!n.is_scalar()) {
      error("wrong-type", n,
            fmt::format("each of the '{}' of {} should be a {} id, not {}", key, owner, item,
                        describe(n)));
      continue;
    }
    out.value.push_back({n.value, at(n)});
  }
}

void FieldReader::texts(const Fields& f, const char* key, const std::string& owner,
                        Located<std::vector<std::string>>& out) {
  auto it = f.find(key);
  if (it == f.end() || it->second.value->is_null()) return;
  const YamlNode& v = *it->second.value;
  if (!v.is_sequence()) {
    error("wrong-type", v,
          fmt::format("'{}' of {} should be a list of names (items starting with '- ', or "
                      "[a, b]), not {}",
                      key, owner, describe(v)));
    return;
  }
  out.loc = at(v);
  for (const YamlNode& n : v.children) {
    if (!n.is_scalar()) {
      error("wrong-type", n,
            fmt::format("each of the '{}' of {} should be text, not {}", key, owner, describe(n)));
      continue;
    }
    out.value.push_back(n.value);
  }
}

}  // namespace plan
