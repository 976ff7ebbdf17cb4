// libFuzzer target: `plan set` on a random plan file with a random field and value. The
// edit may be refused; when it is made, the file must load again, and in the report only
// that field of that activity may differ, to exactly the value given.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "edit/set_field.hpp"
#include "load/loader.hpp"
#include "load/yaml_tree.hpp"
#include "pipeline/measured_plan.hpp"
#include "render/report.hpp"
#include "util/date.hpp"
#include "util/text.hpp"

namespace {

plan::Json activities_of(const std::string& text, bool& clean) {
  std::vector<plan::SourceText> files;
  files.push_back({"plan/fuzz.yaml", text, "", false});
  auto m =
      plan::measure(plan::check_sources("plan/", std::move(files)), plan::parse_date("2009-06-01"));
  clean = true;
  for (const plan::Diagnostic& d : m->checked->load.diags)
    if (d.severity == plan::Severity::error && d.code != "unknown-key" && d.code != "wrong-type" &&
        d.code != "missing-field")
      clean = false;  // a file the loader cannot read as a whole: nothing to compare
  plan::Json acts = plan::build_report(*m->checked->index, m->stats, {})["activities"];
  // Figures computed from the fields, and places, which an added line moves.
  for (plan::Json& a : acts)
    for (const char* k : {"completion", "overdue", "line"}) a.erase(k);
  return acts;
}

}  // namespace

// The input: a plan file, then (after a NUL, which no plan file holds) a field, an
// activity's position and the value. A plan file alone (the seeds) gets those from its size.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const char* const kFields[] = {"owner",   "owner",  "status", "due",
                                        "percent", "weight", "actual"};
  static const char* const kStatuses[] = {"planned", "in-progress", "done", "blocked", "dropped"};
  static const char* const kValues[] = {"Dana",
                                        "Smith, Bob",
                                        "R&D,notes",
                                        "Dana\t# lead",
                                        "a: b",
                                        "yes",
                                        "",
                                        "Dana\xE2\x80\xA8        percent:\t100",
                                        "x\xC2\x85y",
                                        "\"q\" 'q'",
                                        "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D",
                                        " lead",
                                        "#",
                                        "*a",
                                        "{x}"};
  const std::string all(reinterpret_cast<const char*>(data), size);
  const std::size_t nul = all.rfind('\0');
  std::string text = all, field, value;
  std::size_t which = 0;
  if (nul == std::string::npos || nul + 2 >= all.size()) {
    text = all.substr(0, nul);
    field = kFields[size % 7];
    which = size / 7;
    value = kValues[size % 15];
  } else {
    text = all.substr(0, nul);
    field = kFields[static_cast<unsigned char>(all[nul + 1]) % 7];
    which = static_cast<unsigned char>(all[nul + 2]);
    value = all.substr(nul + 3);
  }
  if (field == "status") value = kStatuses[value.size() % 5];
  if (field == "due")
    value =
        "2009-0" + std::to_string(1 + value.size() % 9) + "-1" + std::to_string(value.size() % 10);
  if (field == "percent" || field == "weight" || field == "actual")
    value = std::to_string(1 + (value.empty() ? 0 : static_cast<unsigned char>(value[0]) % 100));
  if (plan::find_invalid_utf8(text) != std::string::npos) return 0;

  plan::FieldChange change{field, value, false};
  if (!plan::validate_change(change).empty()) return 0;
  bool clean = false;
  const plan::Json before = activities_of(text, clean);
  if (!clean || before.empty()) return 0;
  const plan::Json& target = before[which % before.size()];
  const std::string id = target["id"].get<std::string>();
  int same_id = 0;
  for (const plan::Json& a : before)
    same_id += plan::ascii_lower(a["id"].get<std::string>()) == plan::ascii_lower(id);
  if (same_id != 1) return 0;

  plan::Diagnostics diags;
  auto root = plan::parse_yaml(text, 1, diags);
  if (!root) return 0;
  std::string error;
  auto out = plan::apply_changes(text, *root, id, {change}, error);
  if (!out) {
    if (error.find("would not read back") != std::string::npos) __builtin_trap();
    return 0;
  }
  bool clean_after = false;
  const plan::Json after = activities_of(*out, clean_after);
  if (!clean_after) __builtin_trap();  // the edit broke the file
  plan::Json expected = before;
  for (plan::Json& a : expected) {
    if (a["id"] != id) continue;
    if (field == "owner" || field == "status") a[field] = value;
    if (field == "due") a[field] = plan::parse_date(value).text();
    if (field == "percent" || field == "weight") a[field] = std::stod(value);
    // The report shows a measure only with a valid `planned`; a measure whose `planned` is
    // wrong-typed (an error the harness lets through) has no `actual` to compare.
    if (field == "actual" && a["measure"].is_object()) a["measure"]["actual"] = std::stod(value);
  }
  if (after != expected) __builtin_trap();
  return 0;
}
