#include "load/yaml_fields.hpp"

#include <algorithm>

#include "util/date.hpp"
#include "util/number.hpp"
#include "util/text.hpp"

namespace plan {

Message description(const YamlNode& n) {
  switch (n.kind) {
    case YamlNode::Kind::null:
      return message(N_("empty"));
    case YamlNode::Kind::sequence:
      return message(N_("a list"));
    case YamlNode::Kind::mapping:
      return message(N_("a mapping"));
    case YamlNode::Kind::scalar:
      break;
  }
  if (plain_number(n)) return message(N_("the number {number}"), {arg("number", n.value)});
  std::string shown = n.value.size() > 40 ? n.value.substr(0, 37) + "..." : n.value;
  return message(N_("the text '{text}'"), {plan_text("text", std::move(shown))});
}

std::string describe(const YamlNode& n) {
  return render_message(description(n));
}

Message quoted_keys(const std::vector<std::string>& keys) {
  if (keys.size() < 2) return message("{items}", {plan_text("items", quoted_list(keys))});
  const std::vector<std::string> head(keys.begin(), keys.end() - 1);
  return message(N_("{items} and {last}"), {plan_text("items", quoted_list(head, ", ")),
                                            plan_text("last", quoted_list({keys.back()}))});
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

void FieldReader::error(const char* code, const YamlNode& n, Message text) {
  diags_.push_back(make_error(code, at(n), std::move(text)));
}

void FieldReader::error_at(const char* code, const Loc& loc, Message text) {
  diags_.push_back(make_error(code, loc, std::move(text)));
}

Fields FieldReader::collect(const YamlNode& map, const std::vector<std::string>& known,
                            const Message& where) {
  Fields fields;
  for (std::size_t i = 0; i < map.pair_count(); ++i) {
    const YamlNode& key = map.key(i);
    if (!key.is_scalar()) {
      error("wrong-type", key,
            message(N_("a key {where} should be text, not {what}"),
                    {nested("where", where), nested("what", description(key))}));
      continue;
    }
    if (std::find(known.begin(), known.end(), key.value) == known.end()) {
      std::string best = closest_match(key.value, known);
      Message hint = best.empty() ? message(N_("; the keys here are {keys}"),
                                            {nested("keys", quoted_keys(known))})
                                  : did_you_mean_message(best);
      error("unknown-key", key,
            message(N_("unknown key '{key}' {where}{hint}"),
                    {plan_text("key", key.value), nested("where", where),
                     nested("hint", std::move(hint))}));
      diags_.back().suggestion = std::move(best);
      continue;
    }
    fields.emplace(key.value, Field{&key, &map.value_at(i)});  // a duplicate key keeps the first
  }
  return fields;
}

bool FieldReader::text(const Fields& f, const char* key, const Message& owner,
                       Located<std::string>& out) {
  auto it = f.find(key);
  if (it == f.end() || it->second.value->is_null()) return false;
  const YamlNode& v = *it->second.value;
  if (!v.is_scalar()) {
    error("wrong-type", v,
          message(N_("'{key}' of {owner} should be text, not {what}"),
                  {plan_text("key", key), nested("owner", owner), nested("what", description(v))}));
    return false;
  }
  out.value = v.value;
  out.loc = at(v);
  return true;
}

bool FieldReader::number(const Fields& f, const char* key, const Message& owner,
                         Located<double>& out, const Message& expected) {
  auto it = f.find(key);
  if (it == f.end() || it->second.value->is_null()) return false;
  const YamlNode& v = *it->second.value;
  if (const std::optional<double> x = plain_number(v)) {
    out.value = *x;
    out.loc = at(v);
    return true;
  }
  Message why = description(v);
  if (v.is_scalar() && !v.plain && parse_number(v.value))
    why = message(N_("{what} (remove the quotes)"), {nested("what", std::move(why))});
  if (v.is_scalar() && v.plain && !v.value.empty() &&
      v.value.find_first_of("0123456789") != std::string::npos)
    why = message(N_("{what} (too large, or not written as a plain number)"),
                  {nested("what", std::move(why))});
  error("wrong-type", v,
        message(N_("'{key}' of {owner} should be {expected}, not {what}"),
                {plan_text("key", key), nested("owner", owner),
                 nested("expected", expected.empty() ? message(N_("a number")) : expected),
                 nested("what", std::move(why))}));
  return false;
}

void FieldReader::date(const Fields& f, const char* key, const Message& owner, Located<Date>& out) {
  Located<std::string> raw;
  if (!text(f, key, owner, raw)) return;
  out.value = parse_date(raw.value);
  out.loc = raw.loc;
}

void FieldReader::refs(const Fields& f, const char* key, const Message& item, const Message& owner,
                       Located<std::vector<Ref>>& out) {
  auto it = f.find(key);
  if (it == f.end()) return;
  const YamlNode& v = *it->second.value;
  out.loc = at(v);
  if (v.is_null()) return;  // given, but empty
  if (!v.is_sequence()) {
    out.malformed = true;
    error("wrong-type", v,
          message(N_("'{key}' of {owner} should be a list of {item} ids like [{example}], not "
                     "{what}"),
                  {plan_text("key", key), nested("owner", owner), nested("item", item),
                   plan_text("example", v.is_scalar() ? v.value : "…"),
                   nested("what", description(v))}));
    return;
  }
  for (const YamlNode& n : v.children) {
    if (!n.is_scalar()) {
      error("wrong-type", n,
            message(N_("each of the '{key}' of {owner} should be a {item} id, not {what}"),
                    {plan_text("key", key), nested("owner", owner), nested("item", item),
                     nested("what", description(n))}));
      continue;
    }
    out.value.push_back({n.value, at(n)});
  }
}

void FieldReader::texts(const Fields& f, const char* key, const Message& owner,
                        Located<std::vector<std::string>>& out) {
  auto it = f.find(key);
  if (it == f.end() || it->second.value->is_null()) return;
  const YamlNode& v = *it->second.value;
  if (!v.is_sequence()) {
    error("wrong-type", v,
          message(N_("'{key}' of {owner} should be a list of names (items starting with '- ', or "
                     "[a, b]), not {what}"),
                  {plan_text("key", key), nested("owner", owner), nested("what", description(v))}));
    return;
  }
  out.loc = at(v);
  for (const YamlNode& n : v.children) {
    if (!n.is_scalar()) {
      error(
          "wrong-type", n,
          message(N_("each of the '{key}' of {owner} should be text, not {what}"),
                  {plan_text("key", key), nested("owner", owner), nested("what", description(n))}));
      continue;
    }
    out.value.push_back(n.value);
  }
}

}  // namespace plan
