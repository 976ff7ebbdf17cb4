// Surgical edits of a plan file's text: change, add or remove fields of one item (the
// plan's metadata, a goal, a target, a section or an activity), leaving every other byte
// (comments, quoting, order, line endings) as it was. The edit stage sits beside load:
// text in, text out, problems as messages.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.hpp"
#include "load/yaml_tree.hpp"
#include "message.hpp"

namespace plan {

// The id that names the plan's own metadata (the `plan:` block) in `plan set` and import:
// `plan set plan title=...`. An item whose id is `plan` is not reachable by set.
inline constexpr std::string_view kPlanMetaId = "plan";

// One change of one field, as the command line or a CSV row gives it. `field` is a field
// of the item's kind (measure fields by their own name: unit, planned, actual; the plan's
// period by start and end; `measure.actual` and `period.start` are accepted too).
struct FieldChange {
  std::string field;
  std::string value;
  bool add = false;       // FIELD+=V: a number added, or list items added (not twice)
  bool subtract = false;  // FIELD-=V: a number subtracted, or list items removed
  bool unset = false;     // --unset FIELD, or FIELD= with no value: the field is removed
};

// What one field was and became, each as YAML writes it; nothing when not set.
struct FieldResult {
  std::string field;
  std::optional<std::string> before, after;
};

// Parses "status=done", "actual+=2", "targets-=T4", "owner=" (removes the owner) or "+2"
// (one more of the measure's actual count).
std::optional<FieldChange> parse_change(const std::string& arg, Message& error);
// The change `--unset FIELD` makes.
std::optional<FieldChange> parse_unset(const std::string& field, Message& error);

// Checks a value for its field before anything is edited: a known status, a number in
// range, a real date, a list without empty items. Returns why not, or no message when the
// value is acceptable for the field of some kind (apply_changes checks it against the
// item's own kind: the plan's status is draft or final).
Message validate_change(const FieldChange& change);

// The text with the changes applied, in order, to the item `id` (matched ignoring case;
// kPlanMetaId for the plan's metadata), or nothing with `error` set (no such item in this
// file, a field its kind does not have, no measure for `+1`, a value reached through an
// alias or shared by an anchor…). Changes of one field compose (`actual=5 +1` gives 6).
// `path` names the file in messages. The edited text is parsed again before it is returned:
// it must read back as the same tree with only the named fields changed, to exactly the
// values given. `results`, when given, receives each field's before and after.
std::optional<std::string> apply_changes(const std::string& text, const YamlNode& root,
                                         const std::string& id,
                                         const std::vector<FieldChange>& changes, Message& error,
                                         const std::string& path = "",
                                         std::vector<FieldResult>* results = nullptr);

// What set and import report of one field of the item `id` in the file `path`: "A1: status
// planned → done (plan/a.yaml)", "(not set)" for no value, "(unchanged)".
Message result_message(const std::string& id, const FieldResult& result, const std::string& path);

// The kind of item `id` names in this file's tree: "plan" (the metadata), "goal",
// "target", "section", "activity"; or "" when the file has no such item.
std::string item_kind_in(const YamlNode& root, const std::string& id);

// The fields an item of `kind` can be given by set, in the order help shows them.
std::vector<std::string> settable_fields(const std::string& kind);

}  // namespace plan
