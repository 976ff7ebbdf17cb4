// Every reason plan set and plan import give for an edit they refuse is a message a
// translation reaches: each text in it has its Hebrew in po/he.po, and the Hebrew is not the
// English. The reasons are made here as the commands make them (a change parsed, checked,
// applied to a file's tree; a CSV read).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "edit/csv_rows.hpp"
#include "edit/set_field.hpp"
#include "load/yaml_tree.hpp"
#include "po_catalog.hpp"

using namespace plan;

namespace {

const std::string kText =
    "plan:\n"
    "  title: Old\n"
    "  period: {start: 2009-01-01, end: 2009-12-31}\n"
    "goals:\n"
    "  - {id: G1, title: Goal}\n"
    "targets:\n"
    "  - {id: T1, title: Target, goals: [G1]}\n"
    "sections:\n"
    "  - id: S1\n"
    "    activities:\n"
    "      - title: First key on the dash line\n"
    "        id: A0\n"
    "      - &base\n"
    "        id: A1\n"
    "        owner: &who Dana\n"
    "        percent: 10\n"
    "        weight: 1\n"
    "        measure:\n"
    "          planned: 5\n"
    "          actual: 1\n"
    "      - id: A2\n"
    "        <<: *base\n"
    "      - id: A3\n"
    "        owner: *who\n"
    "        notes: [a, b]\n"
    "      - id: A4\n"
    "        percent: lots\n"
    "        measure: 5\n"
    "      - id: A5\n"
    "        <<: {owner: Dana}\n";

// Why applying `changes` to the item `id` of kText (or `text`) fails.
Message refusal(const std::string& id, const std::vector<std::string>& changes,
                const std::string& path = "plan/a.yaml", const std::string& text = kText) {
  Diagnostics d;
  auto root = parse_yaml(text, 1, d);
  REQUIRE(root);
  std::vector<FieldChange> parsed;
  for (const std::string& c : changes) {
    Message error;
    auto change =
        c.rfind("--unset ", 0) == 0 ? parse_unset(c.substr(8), error) : parse_change(c, error);
    REQUIRE_MESSAGE(change, render_message(error));
    parsed.push_back(*change);
  }
  Message error;
  CHECK_FALSE(apply_changes(text, *root, id, parsed, error, path));
  return error;
}

Message parse_error(const std::string& arg) {
  Message error;
  CHECK_FALSE(parse_change(arg, error));
  return error;
}

Message csv_error(const std::string& bytes) {
  CsvError error;
  CHECK_FALSE(read_csv(bytes, error));
  return error.why;
}

// What is wrong with `m` as a message for a Hebrew reader, or "".
std::string problem(const Message& m) {
  if (m.empty()) return "no message";
  std::vector<std::string> ids;
  test::ids_of(m, ids);
  for (const std::string& id : ids) {
    if (id.find_first_not_of("{}abcdefghijklmnopqrstuvwxyz_") == std::string::npos)
      continue;  // "{items}": no words of its own
    const auto it = test::hebrew().entries.find(id);
    if (it == test::hebrew().entries.end() || it->second.empty() || it->second.front().empty())
      return "no Hebrew for: " + id;
  }
  const std::string he = render_message(m, test::po_translate, true);
  if (he == render_message(m)) return "its Hebrew is the English";
  return "";
}

}  // namespace

TEST_CASE("every reason set and import give for a refused edit has its Hebrew") {
  Message unset_error;
  CHECK_FALSE(parse_unset("colour", unset_error));
  const std::vector<Message> reasons{
      parse_error("status"),
      parse_error("stauts=done"),
      parse_error("status+=done"),
      unset_error,
      validate_change({"status", "dnoe", false}),
      validate_change({"percent", "120", false}),
      validate_change({"percent", "x", false}),
      validate_change({"weight", "0", false}),
      validate_change({"actual", "-1", false}),
      validate_change({"stale_after", "2.5", false}),
      validate_change({"planned", "5-x", false}),
      validate_change({"due", "2009-02-30", false}),
      validate_change({"measure", "x", false}),
      validate_change({"contacts", "x", false}),
      validate_change({"targets", "T1,,T2", false}),
      validate_change({"title", "\xFF", false}),
      validate_change({"title", std::string("a\0b", 3), false}),
      refusal("A9", {"status=done"}),
      refusal("plan", {"status=done"}, "", "goals: []\n"),
      refusal("A1", {"id=A7"}),
      refusal("G1", {"owner=Dana"}),
      refusal("plan", {"status=done"}),
      refusal("S1", {"+1"}),
      refusal("T1", {"goals-=G7"}),
      refusal("A1", {"actual=1", "actual-=2"}),
      refusal("A1", {"percent+=100"}),
      refusal("A1", {"weight-=1"}),
      refusal("A1", {"--unset measure", "actual=2"}),
      refusal("A0", {"--unset title"}),
      refusal("A2", {"owner=Noa"}),
      refusal("A3", {"owner=Noa"}),
      refusal("A3", {"owner=Noa"}, ""),
      refusal("A1", {"owner=Noa"}),
      refusal("A3", {"notes=x"}),
      refusal("A4", {"percent+=1"}),
      refusal("A4", {"actual=1"}),
      refusal("A5", {"owner=Noa"}),
      refusal("plan", {"--unset title", "--unset period"}, "",
              "plan:\n  title: x\n  period: {start: 2009-01-01, end: 2009-12-31}\n"),
      csv_error(std::string("\xFF\xFE") + "id"),
      csv_error("id,field,value\nA1,owner,\xFF\n"),
      csv_error("id,field,value\nA1,owner,Da\"na\n"),
      csv_error("id,field,value\nA1,owner,\"Dana\n"),
  };
  std::string bad;
  for (const Message& m : reasons)
    if (std::string p = problem(m); !p.empty()) bad += render_message(m) + ": " + p + "\n";
  CHECK_MESSAGE(bad.empty(), bad);
}

TEST_CASE("a Hebrew reason keeps the ids and values as plan text, isolated") {
  const std::string he =
      render_message(validate_change({"status", "dnoe", false}), test::po_translate, true);
  CHECK(he.find("'\u2068dnoe\u2069'") != std::string::npos);
  CHECK(he.find("'\u2068done\u2069'?") != std::string::npos);  // the "did you mean"
  CHECK(he.find("status '") == std::string::npos);             // no English left
  const std::string who = render_message(refusal("S1", {"+1"}), test::po_translate, true);
  CHECK(who.find("\u2068S1\u2069") != std::string::npos);
}
