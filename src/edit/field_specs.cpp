#include "edit/field_specs.hpp"

#include <algorithm>
#include <map>

#include "model.hpp"
#include "util/number.hpp"
#include "util/text.hpp"

namespace plan::field_specs {

const std::vector<Spec>& specs_of(const std::string& kind) {
  static const std::map<std::string, std::vector<Spec>> table{
      {"activity",
       {{"title", "", "title", Type::text},
        {"targets", "", "targets", Type::ids},
        {"status", "", "status", Type::status},
        {"owner", "", "owner", Type::text},
        {"partners", "", "partners", Type::texts},
        {"start", "", "start", Type::date},
        {"due", "", "due", Type::date},
        {"unit", "measure", "unit", Type::text},
        {"planned", "measure", "planned", Type::range},
        {"actual", "measure", "actual", Type::number},
        {"measure", "", "measure", Type::mapping},
        {"percent", "", "percent", Type::number},
        {"weight", "", "weight", Type::number},
        {"notes", "", "notes", Type::text}}},
      {"target",
       {{"title", "", "title", Type::text},
        {"description", "", "description", Type::text},
        {"goals", "", "goals", Type::ids},
        {"owner", "", "owner", Type::text},
        {"partners", "", "partners", Type::texts}}},
      {"goal",
       {{"title", "", "title", Type::text}, {"description", "", "description", Type::text}}},
      {"section", {{"title", "", "title", Type::text}}},
      {"plan",
       {{"title", "", "title", Type::text},
        {"organization", "", "organization", Type::text},
        {"id", "", "id", Type::text},
        {"language", "", "language", Type::text},
        {"status", "", "status", Type::plan_status},
        {"published", "", "published", Type::date},
        {"start", "period", "start", Type::date},
        {"end", "period", "end", Type::date},
        {"period", "", "period", Type::mapping},
        {"stale_after", "", "stale_after", Type::whole},
        {"contacts", "", "contacts", Type::mapping}}},
  };
  static const std::vector<Spec> none;
  const auto it = table.find(kind);
  return it == table.end() ? none : it->second;
}

const std::vector<std::string>& kinds() {
  static const std::vector<std::string> k{"activity", "target", "goal", "section", "plan"};
  return k;
}

// The spec `field` names for `kind`: its name, or `parent.key` (measure.actual).
const Spec* spec_for(const std::string& kind, const std::string& field) {
  for (const Spec& s : specs_of(kind))
    if (field == s.name || (*s.parent && field == std::string(s.parent) + "." + s.key)) return &s;
  return nullptr;
}

// Every field name of every kind, once, in table order: what parse_change accepts.
const std::vector<std::string>& all_fields() {
  static const std::vector<std::string> all = [] {
    std::vector<std::string> v;
    for (const std::string& k : kinds())
      for (const Spec& s : specs_of(k))
        if (std::find(v.begin(), v.end(), s.name) == v.end()) v.push_back(s.name);
    return v;
  }();
  return all;
}

// The spec of `field` in the first kind that has it: its type is the same in every kind,
// but for status (checked against the kind in apply_changes).
const Spec* any_spec(const std::string& field) {
  for (const std::string& k : kinds())
    if (const Spec* s = spec_for(k, field)) return s;
  return nullptr;
}

bool is_list(Type t) {
  return t == Type::ids || t == Type::texts;
}
bool is_numeric(Type t) {
  return t == Type::number || t == Type::whole;
}
bool is_text(Type t) {
  return t == Type::text || t == Type::texts;
}

// "T1, T4" → {"T1", "T4"}: items split at commas, spaces around them trimmed.
std::vector<std::string> split_list(const std::string& value) {
  std::vector<std::string> items;
  std::size_t from = 0;
  while (true) {
    const std::size_t comma = value.find(',', from);
    std::string item = value.substr(from, comma == std::string::npos ? comma : comma - from);
    const std::size_t b = item.find_first_not_of(" \t");
    const std::size_t e = item.find_last_not_of(" \t");
    items.push_back(b == std::string::npos ? "" : item.substr(b, e - b + 1));
    if (comma == std::string::npos) break;
    from = comma + 1;
  }
  return items;
}

Message check_text(const std::string& field, const std::string& value) {
  // Any other character is written so that it reads back as itself (escaped where raw
  // text could end the line); NUL is refused by the loader, so here too.
  if (find_invalid_utf8(value) != std::string::npos)
    return message(N_("the {field} is not valid UTF-8"), {plan_text("field", field)});
  if (value.find('\0') != std::string::npos)
    return message(N_("the {field} holds a NUL character"), {plan_text("field", field)});
  return {};
}

// `planned`: a number, or a range "5-6" of two numbers.
bool is_range(const std::string& v) {
  if (parse_number(v)) return true;
  const std::size_t dash = v.find('-', 1);
  return dash != std::string::npos && parse_number(v.substr(0, dash)) &&
         parse_number(v.substr(dash + 1));
}

std::vector<std::string> activity_statuses() {
  std::vector<std::string> names;
  for (Status s : kStatuses) names.push_back(status_name(s));
  return names;
}

}  // namespace plan::field_specs
