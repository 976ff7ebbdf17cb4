// plan set's text edits: only the value changes, or one line is added; every other byte
// stays. Each test states the exact text before and after.
#include <doctest/doctest.h>

#include <algorithm>

#include "edit/line_diff.hpp"
#include "edit/new_errors.hpp"
#include "edit/set_field.hpp"
#include "load/yaml_tree.hpp"

using namespace plan;

namespace {
std::string edit(const std::string& text, const std::string& id,
                 const std::vector<std::string>& args) {
  Diagnostics d;
  auto root = parse_yaml(text, 1, d);
  REQUIRE(root);
  std::vector<FieldChange> changes;
  for (const std::string& a : args) {
    Message error;
    auto c = parse_change(a, error);
    REQUIRE_MESSAGE(c, render_message(error));
    REQUIRE(validate_change(*c).empty());
    changes.push_back(*c);
  }
  Message error;
  auto out = apply_changes(text, *root, id, changes, error);
  REQUIRE_MESSAGE(out, render_message(error));
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
  // The comment keeps its column.
  expected.replace(expected.find("planned   # keep me"), 7, "done   ");
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
  std::string crlf =
      "sections:\r\n  - id: s\r\n    title: S\r\n    activities:\r\n      - id: a\r\n"
      "        title: A\r\n        status: planned\r\n";
  std::string out = edit(crlf, "a", {"status=blocked", "weight=2"});
  CHECK(out ==
        "sections:\r\n  - id: s\r\n    title: S\r\n    activities:\r\n      - id: a\r\n"
        "        title: A\r\n        status: blocked\r\n        weight: 2\r\n");
}

TEST_CASE("set quotes text that plain YAML would misread, and fills an empty value") {
  std::string text =
      "sections:\n  - id: s\n    title: S\n    activities:\n      - id: a\n        title: A\n      "
      "  owner:\n";
  CHECK(edit(text, "a", {"owner=Team: north"}) ==
        "sections:\n  - id: s\n    title: S\n    activities:\n      - id: a\n        title: A\n    "
        "    owner: \"Team: north\"\n");
  CHECK(edit(text, "a", {"owner=דנה"}) ==
        "sections:\n  - id: s\n    title: S\n    activities:\n      - id: a\n        title: A\n    "
        "    owner: דנה\n");
}

TEST_CASE("set refuses what it cannot do, with a reason") {
  Message error;
  CHECK_FALSE(parse_change("colour=red", error));
  CHECK(render_message(error).find("cannot be set") != std::string::npos);
  CHECK_FALSE(parse_change("status", error));
  CHECK(render_message(validate_change({"status", "finished", false})).find("not one of") !=
        std::string::npos);
  CHECK(!validate_change({"percent", "120", false}).empty());
  CHECK(render_message(validate_change({"due", "2009-02-30", false}))
            .find("February 2009 has 28 days") != std::string::npos);
  CHECK(!validate_change({"weight", "0", false}).empty());

  Diagnostics d;
  auto root = parse_yaml(kBlock, 1, d);
  REQUIRE(root);
  CHECK_FALSE(apply_changes(kBlock, *root, "nope", {{"status", "done", false}}, error));
  CHECK(render_message(error) == "no item 'nope' in this file");
  CHECK_FALSE(apply_changes(kBlock, *root, "b", {{"actual", "1", true}}, error));
  CHECK(render_message(error).find("has no measure") != std::string::npos);
}

TEST_CASE("line_diff shows the changed lines with context") {
  CHECK(line_diff("f.yaml", "a\nb\nc\n", "a\nB\nc\n") ==
        "--- f.yaml\n+++ f.yaml\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
  CHECK(line_diff("f.yaml", "same\n", "same\n") == "");
}

TEST_CASE("set adds a field to the activity whose block scalar ends it, not to the next one") {
  // notes: | as the last field: libyaml's end mark of the block lies on the next item's line.
  const std::string text =
      "sections:\n  - id: s\n    title: S\n    activities:\n"
      "      - id: A1\n        title: One\n        notes: |\n          first line\n\n          "
      "last line\n"
      "\n      # the next one\n"
      "      - id: A2\n        title: Two\n";
  const std::string out = edit(text, "A1", {"owner=Dana", "weight=3"});
  CHECK(out ==
        "sections:\n  - id: s\n    title: S\n    activities:\n"
        "      - id: A1\n        title: One\n        notes: |\n          first line\n\n          "
        "last line\n"
        "        owner: Dana\n        weight: 3\n"
        "\n      # the next one\n"
        "      - id: A2\n        title: Two\n");
  // A folded block without a line break at the end of the file.
  const std::string last =
      "sections:\n  - id: s\n    activities:\n      - id: A1\n        notes: >-\n          text";
  CHECK(edit(last, "A1", {"status=done"}) == last + "\n        status: done");
}

TEST_CASE("set adds a field after a keep-chomped block scalar's kept blank lines") {
  // `|+` keeps its trailing blank lines as text: the new line goes after them.
  const std::string text =
      "sections:\n  - id: s\n    activities:\n"
      "      - id: A1\n        notes: |+\n          kept\n\n   \n"
      "      # the next one\n"
      "      - id: A2\n        notes: >2+\n          end\n\n";
  const std::string out = edit(edit(text, "A1", {"owner=Dana"}), "A2", {"weight=3"});
  CHECK(out ==
        "sections:\n  - id: s\n    activities:\n"
        "      - id: A1\n        notes: |+\n          kept\n\n   \n        owner: Dana\n"
        "      # the next one\n"
        "      - id: A2\n        notes: >2+\n          end\n\n        weight: 3\n");
  Diagnostics d;
  auto root = parse_yaml(out, 1, d);
  REQUIRE(root);
  const YamlNode& acts = root->value_at(0).children[0].value_at(1);
  CHECK(acts.children[0].value_at(1).value == "kept\n\n\n");
  CHECK(acts.children[1].value_at(1).value == "end\n\n");
}

TEST_CASE("set adds a field after a block scalar that ends the file without a line break") {
  // Found by fuzz_set: the new line's break would become part of the text ("twd" to
  // "twd\n"), so the edit was refused as a bug. Chomping `-` says the same value.
  const std::string head = "sections:\n  - id: s\n    activities:\n      - id: A1\n";
  CHECK(edit(head + "        title: |\n          twd", "A1", {"due=2009-03-01"}) ==
        head + "        title: |-\n          twd\n        due: 2009-03-01");
  CHECK(edit(head + "        title: >+2\n          a\n\n          b", "A1", {"weight=2"}) ==
        head + "        title: >-2\n          a\n\n          b\n        weight: 2");
  // A literal's last line of spaces past the indentation is text: kept, under `-`.
  CHECK(edit(head + "        title: |\n          x\n             ", "A1", {"weight=2"}) ==
        head + "        title: |-\n          x\n             \n        weight: 2");
  // Kept line breaks before an unfinished blank last line: the new line goes before it.
  CHECK(edit(head + "        title: |+\n          x\n\n  ", "A1", {"weight=2"}) ==
        head + "        title: |+\n          x\n\n        weight: 2\n  ");
  // Found by fuzz_edit: two new fields there wrote the strip indicator twice (`|--`).
  CHECK(edit(head + "        title: |\n          twd", "A1", {"owner=x", "weight=2"}) ==
        head + "        title: |-\n          twd\n        owner: x\n        weight: 2");
}

TEST_CASE("set adds a field after a block mapping whose first key is in braces") {
  // Found by fuzz_set: `- {id: x}:` is a block mapping that starts with a bracket, not a flow
  // one; taken for flow, it seemed to end on the next item's line, and the line went there.
  const std::string text =
      "sections:\n  - id: s\n    activities:\n"
      "      - id: A1\n        partners:\n          - {id: B}:\n"
      "      - {id: A2, title: Two}\n";
  CHECK(edit(text, "A1", {"status=done"}) ==
        "sections:\n  - id: s\n    activities:\n"
        "      - id: A1\n        partners:\n          - {id: B}:\n        status: done\n"
        "      - {id: A2, title: Two}\n");
}

TEST_CASE("set fills an empty value in a flow mapping, with or without its colon") {
  // Found by fuzz_set: `{planned:  }` became `{planned:, actual: 3  }`, where `planned:,`
  // reads as the text "planned:".
  const std::string head = "sections:\n  - id: s\n    activities:\n      - id: A1\n";
  CHECK(edit(head + "        measure: {planned:  }\n", "A1", {"actual=3"}) ==
        head + "        measure: {planned: , actual: 3  }\n");
  // Found by fuzz_set too: a key standing alone in a flow mapping has an empty value, and no
  // colon to put the new one after (`status in-progress` would be one key).
  const std::string flow = "sections:\n  - id: s\n    activities:\n      - {id: A2, status}\n";
  CHECK(edit(flow, "A2", {"status=done"}) ==
        "sections:\n  - id: s\n    activities:\n      - {id: A2, status: done}\n");
}

TEST_CASE("set refuses a value that a merge key brought in, naming the anchor") {
  const std::string text =
      "sections:\n  - id: s\n    activities:\n"
      "      - &base\n        id: A1\n        owner: Dana\n"
      "      - id: A2\n        <<: *base\n";
  Diagnostics d;
  auto root = parse_yaml(text, 1, d);
  REQUIRE(root);
  Message error;
  CHECK_FALSE(apply_changes(text, *root, "A2", {{"owner", "Noa", false}}, error, "f.yaml"));
  CHECK(render_message(error).find(
            "comes through the merge key '<<' from the mapping &base at f.yaml:4") !=
        std::string::npos);
  // A field neither has goes into A2's own mapping, after its own last key.
  CHECK(edit(text, "A2", {"status=done"}) ==
        "sections:\n  - id: s\n    activities:\n"
        "      - &base\n        id: A1\n        owner: Dana\n"
        "      - id: A2\n        status: done\n        <<: *base\n");
}

TEST_CASE("set never writes a raw line break or control character into the file") {
  const std::string text =
      "sections:\n  - id: s\n    activities:\n      - id: a\n        owner: x\n"
      "      - {id: b, title: B}\n";
  for (const char* raw_value :
       {"Dana\xE2\x80\xA8        percent:\t100", "Dana\xC2\x85percent: 1", "Dana\xE2\x80\xA9x",
        "Dana\rpercent: 1", "Dana\nweight: 5", "a\x01\x7F\xC2\x80z"}) {
    const std::string v = raw_value;
    for (const char* id : {"a", "b"}) {
      CAPTURE(id);
      const std::string out = edit(text, id, {"owner=" + v});
      // Only LF ends lines in the result, and no C0/C1 control or LS/PS is left raw.
      for (const char* raw :
           {"\r", "\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9", "\x01", "\x7F", "\xC2\x80", "\t"})
        CHECK(out.find(raw) == std::string::npos);
      CHECK(std::count(out.begin(), out.end(), '\n') == std::count(text.begin(), text.end(), '\n'));
    }
  }
}

TEST_CASE("set in a flow mapping quotes commas and brackets, and keeps every character") {
  const std::string text = "sections:\n  - id: s\n    activities:\n      - {id: b, owner: x}\n";
  CHECK(edit(text, "b", {"owner=Smith, Bob"}) ==
        "sections:\n  - id: s\n    activities:\n      - {id: b, owner: \"Smith, Bob\"}\n");
  CHECK(edit(text, "b", {"owner=R&D,notes"}) ==
        "sections:\n  - id: s\n    activities:\n      - {id: b, owner: \"R&D,notes\"}\n");
  CHECK(edit(text, "b", {"owner=Dana\t# lead"}) ==
        "sections:\n  - id: s\n    activities:\n      - {id: b, owner: \"Dana\\t# lead\"}\n");
  CHECK(edit(text, "b", {"owner=Bob,weight:\t50"}) ==
        "sections:\n  - id: s\n    activities:\n      - {id: b, owner: \"Bob,weight:\\t50\"}\n");
  // An empty flow mapping, or one that ends in a comma, gets no stray comma.
  const std::string bare = "sections:\n  - id: s\n    activities:\n      - {id: c, }\n";
  CHECK(edit(bare, "c", {"status=done"}) ==
        "sections:\n  - id: s\n    activities:\n      - {id: c, status: done }\n");
}

TEST_CASE(
    "set refuses to edit through an alias or an anchor that aliases repeat, naming the anchor") {
  const std::string text =
      "sections:\n  - id: s\n    activities:\n"
      "      - id: A1\n        owner: &who Dana\n        measure: &m\n          planned: 5\n       "
      "   actual: 1\n"
      "      - id: A2\n        owner: *who\n        measure: *m\n";
  Diagnostics d;
  auto root = parse_yaml(text, 1, d);
  REQUIRE(root);
  Message error;
  CHECK_FALSE(apply_changes(text, *root, "A2", {{"actual", "1", true}}, error, "plan/x.yaml"));
  CHECK(render_message(error).find("alias of the anchor at plan/x.yaml:6") != std::string::npos);
  CHECK_FALSE(apply_changes(text, *root, "A2", {{"owner", "Noa", false}}, error, "plan/x.yaml"));
  CHECK(render_message(error).find("alias of the anchor at plan/x.yaml:5") != std::string::npos);
  CHECK_FALSE(apply_changes(text, *root, "A1", {{"actual", "1", true}}, error, "plan/x.yaml"));
  CHECK(render_message(error).find("inside the anchor &m at plan/x.yaml:6") != std::string::npos);
  CHECK_FALSE(apply_changes(text, *root, "A1", {{"owner", "Noa", false}}, error, "plan/x.yaml"));
  CHECK(render_message(error).find("&who") != std::string::npos);
  // Without a file's name, the place is a line.
  CHECK_FALSE(apply_changes(text, *root, "A2", {{"owner", "Noa", false}}, error));
  CHECK(render_message(error) ==
        "'owner' of activity 'A2' is an alias of the anchor at line 5; plan set edits one place "
        "only: write the value out, or edit the anchor by hand");
  // A field beside the alias is the activity's own: that one can change.
  CHECK(apply_changes(text, *root, "A2", {{"status", "done", false}}, error, "plan/x.yaml"));
}

TEST_CASE("result_message: what set and import print of a field, its values as plan text") {
  CHECK(render_message(result_message("A1", {"status", "planned", "done"}, "f.yaml")) ==
        "A1: status planned → done (f.yaml)");
  CHECK(render_message(result_message("A1", {"due", std::nullopt, "2009-06-30"}, "f.yaml")) ==
        "A1: due (not set) → 2009-06-30 (f.yaml)");
  CHECK(render_message(result_message("A1", {"owner", "Dana", std::nullopt}, "f.yaml")) ==
        "A1: owner Dana → (not set) (f.yaml)");
  CHECK(render_message(result_message("A1", {"owner", "Dana", "Dana"}, "f.yaml")) ==
        "A1: owner Dana (unchanged) (f.yaml)");
  // In a right-to-left sentence the id, the field, the values and the file are isolated;
  // "(not set)" is a word of the message, not plan text.
  CHECK(render_message(result_message("A1", {"due", std::nullopt, "2009-06-30"}, "f.yaml"), nullptr,
                       true) ==
        "\u2068A1\u2069: \u2068due\u2069 (not set) → \u20682009-06-30\u2069 (\u2068f.yaml\u2069)");
}

TEST_CASE("set's errors are messages: the item, the field and the value are plan text") {
  Message error;
  CHECK_FALSE(parse_change("stauts=done", error));
  CHECK(render_message(error).find("'stauts' cannot be set; the fields are 'title', 'targets'") ==
        0);
  CHECK(render_message(error).find("or 'contacts'; did you mean 'status'?") != std::string::npos);
  CHECK(render_message(error, nullptr, true).find("did you mean '\u2068status\u2069'?") !=
        std::string::npos);
  CHECK(render_message(validate_change({"status", "dnoe", false})) ==
        "status 'dnoe' is not one of 'planned', 'in-progress', 'done', 'blocked' or 'dropped'; did "
        "you mean 'done'?");
  CHECK(render_message(validate_change({"due", "2009-02-30", false})) ==
        "due is '2009-02-30', but February 2009 has 28 days");
  CHECK(render_message(validate_change({"measure", "x", false})) ==
        "'measure' is removed whole (--unset measure) or changed a field at a time (unit=, "
        "planned=, actual=)");
  CHECK(render_message(validate_change({"contacts", "x", false})) ==
        "'contacts' is removed whole (--unset contacts) or changed a field at a time");
  CHECK(render_message(validate_change({"title", std::string("a\0b", 3), false})) ==
        "the title holds a NUL character");
}

TEST_CASE("new_errors: only errors the edit added, whatever lines it shifted") {
  const std::vector<std::string> files{"plan/a.yaml", "plan/b.yaml"};
  Diagnostics before{make_error("unknown-key", {0, 4, 3}, "unknown key 'colour'"),
                     make_error("unknown-key", {1, 9, 3}, "unknown key 'colour'"),
                     make_warning("no-targets", {0, 2, 1}, "no targets")};
  Diagnostics after = before;
  after[0].loc.line = 5;  // shifted by an added line
  after.push_back(make_warning("due-outside-period", {0, 3, 1}, "late"));
  CHECK(new_errors(before, files, after, files).empty());
  // A second copy of an old error, or the same message in another file, is new.
  after.push_back(make_error("unknown-key", {0, 7, 3}, "unknown key 'colour'"));
  after.push_back(make_error("bad-weight", {1, 2, 3}, "weight 0"));
  const auto added = new_errors(before, files, after, files);
  REQUIRE(added.size() == 2);
  CHECK(added[0]->loc.line == 7);
  CHECK(added[1]->code == "bad-weight");
  // Files are compared by name: a file added to the plan renumbers the others.
  const std::vector<std::string> more{"plan/0.yaml", "plan/a.yaml", "plan/b.yaml"};
  Diagnostics renumbered = before;
  for (Diagnostic& d : renumbered) ++d.loc.file;
  CHECK(new_errors(before, files, renumbered, more).empty());
}
