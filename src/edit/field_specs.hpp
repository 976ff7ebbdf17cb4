// What `plan set` (and `import`) can change: every field of every kind of item, the type of
// its value, and where it is written (inside `measure` or `period` for some). The table
// the edit engine (set_field.cpp) and the parsing of changes read.
#pragma once

#include <string>
#include <vector>

#include "message.hpp"

namespace plan::field_specs {

// What a field's value is: it decides how a value is checked, composed and written.
enum class Type {
  text,         // any text: title, owner, notes…
  ids,          // a list of ids: targets, goals
  texts,        // a list of text: partners
  date,         // YYYY-MM-DD
  number,       // percent, weight, actual
  whole,        // a whole number of days: stale_after
  range,        // planned: 5 or 5-6
  status,       // an activity's status
  plan_status,  // the plan's: draft or final
  mapping,      // measure, period, contacts: only removed whole
};

// One field of one kind of item: the key it is written under, inside `parent` (measure,
// period) when that is not empty.
struct Spec {
  const char* name;
  const char* parent;
  const char* key;
  Type type;
};

// The fields of a kind (activity, target, goal, section, plan), in the table's order.
const std::vector<Spec>& specs_of(const std::string& kind);
// The kinds, in the order fields are looked up.
const std::vector<std::string>& kinds();
// The spec `field` names for `kind`: its name, or `parent.key` (measure.actual); or null.
const Spec* spec_for(const std::string& kind, const std::string& field);
// Every field name of every kind, once, in table order: what parse_change accepts.
const std::vector<std::string>& all_fields();
// The spec of `field` in the first kind that has it, or null.
const Spec* any_spec(const std::string& field);

bool is_list(Type t);
bool is_numeric(Type t);
bool is_text(Type t);

// "T1, T4" → {"T1", "T4"}: items split at commas, spaces around them trimmed.
std::vector<std::string> split_list(const std::string& value);
// Why `value` cannot be written as the text of `field` (not UTF-8, a NUL), or no message.
Message check_text(const std::string& field, const std::string& value);
// `planned`: a number, or a range "5-6" of two numbers.
bool is_range(const std::string& v);
// The names of an activity's statuses.
std::vector<std::string> activity_statuses();

}  // namespace plan::field_specs
