// Surgical edits of a plan file's text: change one field of one activity, or add it on a
// line of its own, leaving every other byte (comments, quoting, order, line endings) as
// it was. The edit stage sits beside load: text in, text out, problems as diagnostics.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.hpp"
#include "load/yaml_tree.hpp"

namespace plan {

// One change: `field` is status, actual, percent, due, owner or weight; with `add` the
// value is added to the current number (actual+=1).
struct FieldChange {
  std::string field;
  std::string value;
  bool add = false;
};

// Parses "status=done", "actual+=2" or "+2" (one more of the measure's actual count).
std::optional<FieldChange> parse_change(const std::string& arg, std::string& error);

// Checks a value for its field before anything is edited: a known status, a number in
// range, a real date. Returns an error message, or "" when the value is acceptable.
std::string validate_change(const FieldChange& change);

// The text with the changes applied to the activity `id` (matched ignoring case), or
// nothing with `error` set (no such activity in this file, no measure for `actual`, a
// value reached through an alias or shared by an anchor…). `path` names the file in
// messages. The edited text is parsed again before it is returned: it must read back as
// the same tree with only the named fields changed, to exactly the values given.
std::optional<std::string> apply_changes(const std::string& text, const YamlNode& root,
                                         const std::string& id,
                                         const std::vector<FieldChange>& changes,
                                         std::string& error, const std::string& path = "");

}  // namespace plan
