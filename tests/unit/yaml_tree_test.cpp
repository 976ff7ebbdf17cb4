#include <doctest/doctest.h>

#include <string>

#include "load/encoding.hpp"
#include "load/yaml_tree.hpp"
#include "helpers.hpp"

using namespace plan;
using plan::test::codes;

TEST_CASE("nodes keep 1-based lines and columns counted in code points") {
  Diagnostics d;
  auto root = parse_yaml("a: 1\nשם: \"ערך\"\n", 1, d);
  REQUIRE(root);
  REQUIRE(root->is_mapping());
  CHECK(d.empty());
  CHECK(root->key(1).value == "שם");
  CHECK(root->key(1).line == 2);
  CHECK(root->value_at(1).col == 5);  // after "שם: ", four characters (eight bytes)
  CHECK_FALSE(root->value_at(1).plain);
  CHECK(root->value_at(0).plain);
}

TEST_CASE("duplicate keys are errors at the second key, with a note at the first") {
  Diagnostics d;
  auto root = parse_yaml("goals:\n  - id: G1\n    title: a\n    title: b\n", 1, d);
  CHECK(root);
  REQUIRE(d.size() == 1);
  CHECK(codes(d) == "duplicate-key@4:5");
  REQUIRE(d[0].notes.size() == 1);
  CHECK(d[0].notes[0].loc.line == 3);
}

TEST_CASE("a quote left open to the end of the file is an error at the quote") {
  Diagnostics d;
  CHECK_FALSE(parse_yaml("a: 1\nb: \"never closed\nc: 3\n", 1, d));
  CHECK(codes(d) == "unclosed-quote@2:4");
  d.clear();
  CHECK_FALSE(parse_yaml("b: 'it''s open\n", 1, d));
  CHECK(codes(d) == "unclosed-quote@1:4");
  d.clear();
  CHECK(parse_yaml("b: \"closed \\\" escaped\"\nc: 'it''s'\n", 1, d));
  CHECK(d.empty());
}

TEST_CASE("syntax errors are located and nothing is thrown") {
  Diagnostics d;
  CHECK_FALSE(parse_yaml("a: [1, 2\nb: 3\n", 1, d));
  REQUIRE(d.size() == 1);
  CHECK(d[0].code == "yaml-syntax");
  CHECK(d[0].message.find("YAML syntax error") == 0);
}

TEST_CASE("an empty file, a comment and a bare --- have no document") {
  for (const char* text : {"", "# only a comment\n", "---\n"}) {
    Diagnostics d;
    CHECK_FALSE(parse_yaml(text, 1, d));
    CHECK(d.empty());
  }
}

TEST_CASE("a second document is an error") {
  Diagnostics d;
  CHECK(parse_yaml("a: 1\n---\nb: 2\n", 1, d));
  CHECK(codes(d) == "multiple-documents@2:1");  // at its ---
}

TEST_CASE("aliases are expanded, within a bound") {
  Diagnostics d;
  auto root = parse_yaml("a: &x [1, 2]\nb: *x\n", 1, d);
  REQUIRE(root);
  CHECK(d.empty());
  CHECK(root->value_at(1).children.size() == 2);

  // "Billion laughs": each level doubles ten times; stopped long before it is built.
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + static_cast<char>(c - 1);
    bomb += "]\n";
  }
  d.clear();
  CHECK_FALSE(parse_yaml(bomb, 1, d));
  REQUIRE(d.size() == 1);
  CHECK(d[0].code == "alias-limit");
}

TEST_CASE("nesting deeper than the limit is an error, not a crash") {
  Diagnostics d;
  std::string deep(5000, '[');
  CHECK_FALSE(parse_yaml(deep, 1, d));
  REQUIRE(d.size() == 1);
  CHECK(d[0].code == "too-deep");
}

TEST_CASE("decode_text: byte-order marks, NUL bytes and invalid UTF-8") {
  Diagnostics d;
  auto text = decode_text("\xEF\xBB\xBFplan: {}\n", 1, d);
  REQUIRE(text);
  CHECK(*text == "plan: {}\n");
  CHECK(d.empty());

  CHECK_FALSE(decode_text(std::string("\xFF\xFEp\0", 4), 1, d));
  CHECK(codes(d) == "encoding@1:1");
  CHECK(d[0].message.find("UTF-16") != std::string::npos);

  d.clear();
  CHECK_FALSE(decode_text(std::string("a: 1\nb: \0\n", 10), 1, d));
  CHECK(codes(d) == "encoding@2:4");

  d.clear();
  CHECK_FALSE(decode_text("a: 1\nשם: ab\xff\n", 1, d));
  CHECK(codes(d) == "encoding@2:7");
}
