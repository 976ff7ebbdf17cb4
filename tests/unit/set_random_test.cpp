// plan set with random changes of random fields of random items, on block, flow and CRLF
// files: every edit either is refused with a reason, or reads back as the same tree with
// only the named fields changed (apply_changes checks that itself, and says "a bug" when
// it does not hold); no edit is ever refused as a bug.
#include <doctest/doctest.h>

#include <random>

#include "edit/set_field.hpp"
#include "load/yaml_tree.hpp"

using namespace plan;

namespace {
const char* kFiles[] = {
    "plan:\n  title: P   # name\n  period:\n    start: 2009-01-01\n    end: 2009-12-31\n"
    "goals:\n  - id: G1\n    title: Goal\n    description: |\n      long\n      text\n"
    "targets:\n  - id: T1\n    title: T\n    goals:\n      - G1   # first\n      - G2\n"
    "    partners: [a, 'b c']\n"
    "sections:\n  - id: S1\n    title: S\n    activities:\n"
    "      - id: A1\n        title: One\n        owner: 'Dana'   # lead\n"
    "        activities:\n          - id: A1.1\n            title: Child\n"
    "            measure: {planned: 3, actual: 1}\n"
    "      - id: A2\n        title: Two\n        notes: >-\n          folded\n"
    "        measure:\n          unit: x\n          planned: 5-6\n          actual: 2\n",
    "plan: {title: P, period: {start: 2009-01-01, end: 2009-12-31}}\n"
    "goals: [{id: G1, title: Goal}]\n"
    "targets: [{id: T1, title: T, goals: [G1,G2], partners: []}]\n"
    "sections:\n  - {id: S1, title: S, activities: [{id: A1, title: One, owner: Dana}, "
    "{id: A2, title: Two, measure: {planned: 4}}]}\n",
    "plan:\r\n  title: P\r\nsections:\r\n  - id: S1\r\n    title: S\r\n    activities:\r\n"
    "      - id: A1\r\n        title: One\r\n        targets:\r\n          - T1\r\n"
    "        notes: |\r\n          a\r\n",
};
const char* kIds[] = {"plan", "G1", "T1", "S1", "A1", "A1.1", "A2"};
const char* kFields[] = {"title",  "description", "targets", "goals",    "partners",
                         "owner",  "notes",       "start",   "due",      "status",
                         "weight", "percent",     "unit",    "planned",  "actual",
                         "end",    "measure",     "period",  "language", "organization"};
const char* kValues[] = {"x",          "דנה: ראש", "5",      "2009-03-01",   "done",
                         "final",      "T1,T2",    "G1",     "a, b",         "3-4",
                         "1.5",        "yes",      " lead ", "#x",           "[a]",
                         "line\nnext", "50",       "G2",     "אגף \"חברה\"", "{y}"};
const char* kOps[] = {"=", "+=", "-=", "="};
}  // namespace

TEST_CASE("set applies thousands of random changes, each refused with a reason or read back") {
  std::mt19937 rng(16);
  const auto pick = [&](std::size_t n) {
    return static_cast<std::size_t>(std::uniform_int_distribution<std::size_t>(0, n - 1)(rng));
  };
  std::size_t applied = 0;
  for (int round = 0; round < 3000; ++round) {
    const std::string text = kFiles[pick(std::size(kFiles))];
    Diagnostics d;
    auto root = parse_yaml(text, 1, d);
    REQUIRE(root);
    std::vector<FieldChange> changes;
    const std::size_t n = 1 + pick(3);
    for (std::size_t i = 0; i < n; ++i) {
      Message error;
      const std::string field = kFields[pick(std::size(kFields))];
      auto c =
          pick(8) == 0
              ? parse_unset(field, error)
              : parse_change(
                    field + kOps[pick(std::size(kOps))] + kValues[pick(std::size(kValues))], error);
      if (c && validate_change(*c).empty()) changes.push_back(*c);
    }
    if (changes.empty()) continue;
    const std::string id = kIds[pick(std::size(kIds))];
    Message error;
    auto out = apply_changes(text, *root, id, changes, error, "f.yaml");
    CAPTURE(text);
    CAPTURE(id);
    CAPTURE(changes.front().field);
    CHECK(render_message(error).find("a bug") == std::string::npos);
    if (out) {
      ++applied;
      Diagnostics again;
      CHECK(parse_yaml(*out, 1, again));
    }
  }
  CHECK(applied > 300);  // 389 with this seed: most random changes are refused
}
