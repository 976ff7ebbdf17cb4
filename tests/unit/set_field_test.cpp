// plan set's text edits: only the value changes, or one line is added; every other byte
// stays. Each test states the exact text before and after.
#include <doctest/doctest.h>

#include "edit/set_field.hpp"
#include "load/yaml_tree.hpp"

using namespace plan;

namespace {
std::string edit(const std::string& text, const std::string& id, const std::vector<std::string>& args) {
  Diagnostics d;
  auto root = parse_yaml(text, 1, d);
  REQUIRE(root);
  std::vector<FieldChange> changes;
  for (const std::string& a : args) {
    std::string error;
    auto c = parse_change(a, error);
    REQUIRE_MESSAGE(c, error);
    REQUIRE(validate_change(*c) == "");
    changes.push_back(*c);
  }
  std::string error;
  auto out = apply_changes(text, *root, id, changes, error);
  REQUIRE_MESSAGE(out, error);
  return *out;
}

const std::string kBlock =
    "# the plan's activities\n"
    "sections:\n"
    "  - id: s\n"
    "    title: S   # a comment after the title\n"
    "    activities:\n"
    "      - id: a\n"
    "        title: \"Quoted title\"\n"
    "        status: planned   # keep me\n"
    "        owner: 'Dana'\n"
    "        measure:\n"
    "          planned: 5-6\n"
    "          actual: 2\n"
    "\n"
    "      # the next one\n"
    "      - {id: b, title: Flow, status: planned}\n";
}  // namespace

TEST_CASE("set replaces only the value, keeping comments and quoting") {
  std::string out = edit(kBlock, "a", {"status=done", "owner=Noa"});
  std::string expected = kBlock;
  expected.replace(expected.find("planned   # keep me"), 7, "done");
  expected.replace(expected.find("'Dana'"), 6, "'Noa'");
  CHECK(out == expected);
}

TEST_CASE("set adds to a count, and adds a missing field on a line of its own") {
  std::string out = edit(kBlock, "A", {"+1", "due=2009-05-01"});
  std::string expected = kBlock;
  expected.replace(expected.find("actual: 2"), 9, "actual: 3");
  expected.insert(expected.find("\n\n      # the next one") + 1, "        due: 2009-05-01\n");
  CHECK(out == expected);
}

TEST_CASE("set in a flow mapping: replace in place, or add before the closing brace") {
  std::string out = edit(kBlock, "b", {"status=in-progress", "percent=40"});
  std::string expected = kBlock;
  expected.replace(expected.find("status: planned}"), 16, "status: in-progress, percent: 40}");
  CHECK(out == expected);
}

TEST_CASE("set keeps CRLF line endings, also on an added line") {
  std::string crlf = "sections:\r\n  - id: s\r\n    title: S\r\n    activities:\r\n      - id: a\r\n"
                     "        title: A\r\n        status: planned\r\n";
  std::string out = edit(crlf, "a", {"status=blocked", "weight=2"});
  CHECK(out == "sections:\r\n  - id: s\r\n    title: S\r\n    activities:\r\n      - id: a\r\n"
               "        title: A\r\n        status: blocked\r\n        weight: 2\r\n");
}

TEST_CASE("set quotes text that plain YAML would misread, and fills an empty value") {
  std::string text = "sections:\n  - id: s\n    title: S\n    activities:\n      - id: a\n        title: A\n        owner:\n";
  CHECK(edit(text, "a", {"owner=Team: north"}) ==
        "sections:\n  - id: s\n    title: S\n    activities:\n      - id: a\n        title: A\n        owner: \"Team: north\"\n");
  CHECK(edit(text, "a", {"owner=דנה"}) ==
        "sections:\n  - id: s\n    title: S\n    activities:\n      - id: a\n        title: A\n        owner: דנה\n");
}

TEST_CASE("set refuses what it cannot do, with a reason") {
  std::string error;
  CHECK_FALSE(parse_change("colour=red", error));
  CHECK(error.find("cannot be set") != std::string::npos);
  CHECK_FALSE(parse_change("status", error));
  CHECK(validate_change({"status", "finished", false}).find("not one of") != std::string::npos);
  CHECK(validate_change({"percent", "120", false}) != "");
  CHECK(validate_change({"due", "2009-02-30", false}).find("February 2009 has 28 days") != std::string::npos);
  CHECK(validate_change({"weight", "0", false}) != "");

  Diagnostics d;
  auto root = parse_yaml(kBlock, 1, d);
  REQUIRE(root);
  CHECK_FALSE(apply_changes(kBlock, *root, "nope", {{"status", "done", false}}, error));
  CHECK(error == "no activity 'nope' in this file");
  CHECK_FALSE(apply_changes(kBlock, *root, "b", {{"actual", "1", true}}, error));
  CHECK(error.find("has no measure") != std::string::npos);
}

TEST_CASE("line_diff shows the changed lines with context") {
  CHECK(line_diff("f.yaml", "a\nb\nc\n", "a\nB\nc\n") == "--- f.yaml\n+++ f.yaml\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
  CHECK(line_diff("f.yaml", "same\n", "same\n") == "");
}
