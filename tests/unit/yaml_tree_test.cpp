#include <doctest/doctest.h>

#include <string>

#include "helpers.hpp"
#include "load/encoding.hpp"
#include "load/yaml_tree.hpp"

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

TEST_CASE("an alias cannot nest its value past the depth limit") {
  // Each line nests the one before it a level deeper: 105 levels from a 2 KB file.
  std::string text = "x0: &x0 [a]\n";
  for (int i = 1; i <= 105; ++i)
    text += "x" + std::to_string(i) + ": &x" + std::to_string(i) + " [*x" + std::to_string(i - 1) +
            "]\n";
  Diagnostics d;
  CHECK_FALSE(parse_yaml(text, 1, d));
  CHECK(codes(d) == "too-deep@100:12");  // x99's alias would make 101 levels below the root
}

TEST_CASE("aliases copy a bounded number of bytes: 64 times the file, at least 1 MiB") {
  // A 100 KB value aliased 1,000 times would copy 100 MB.
  std::string text = "v: &v \"" + std::string(100000, 'x') + "\"\nl:\n";
  for (int i = 0; i < 1000; ++i) text += "  - *v\n";
  Diagnostics d;
  CHECK_FALSE(parse_yaml(text, 1, d));
  // 64 × 107,012 bytes allows 68 copies; the 69th, on line 71, is one too many.
  CHECK(codes(d) == "alias-limit@71:5");
  d.clear();
  YamlLimits generous;
  generous.alias_bytes_per_byte = 1000;
  generous.max_alias_bytes = std::size_t{1} << 30;
  CHECK(parse_yaml(text, 1, d, generous));
  CHECK(d.empty());
}

TEST_CASE("merge keys: explicit keys win, then earlier merged mappings") {
  Diagnostics d;
  auto root = parse_yaml(
      "a: &a {x: 1, y: 1, z: 1}\n"
      "b: &b {y: 2, w: 2}\n"
      "m:\n"
      "  <<: [*a, *b]\n"
      "  z: 3\n",
      1, d);
  REQUIRE(root);
  CHECK(d.empty());
  const YamlNode& m = root->value_at(2);
  REQUIRE(m.pair_count() == 4);
  std::string seen;
  for (std::size_t i = 0; i < m.pair_count(); ++i)
    seen += m.key(i).value + "=" + m.value_at(i).value + " ";
  CHECK(seen == "x=1 y=1 w=2 z=3 ");
  // A merged value keeps the place where it is written: in the anchored mapping.
  CHECK(m.value_at(0).line == 1);
  CHECK(m.value_at(3).line == 5);

  d.clear();
  root = parse_yaml("base: &base {id: A1, owner: Dana}\nact: {<<: *base, id: A2}\n", 1, d);
  REQUIRE(root);
  CHECK(d.empty());
  // Merged pairs take the place of the '<<' key; the explicit id wins over the merged one.
  REQUIRE(root->value_at(1).pair_count() == 2);
  CHECK(root->value_at(1).key(0).value == "owner");
  CHECK(root->value_at(1).value_at(0).value == "Dana");
  CHECK(root->value_at(1).key(1).value == "id");
  CHECK(root->value_at(1).value_at(1).value == "A2");

  // A quoted "<<" is an ordinary key; a merge of something that is not a mapping is an error.
  d.clear();
  root = parse_yaml("m: {\"<<\": 1}\nn: {<<: 5, k: v}\n", 1, d);
  REQUIRE(root);
  CHECK(root->value_at(0).key(0).value == "<<");
  CHECK(codes(d) == "wrong-type@2:9");
  CHECK(root->value_at(1).pair_count() == 1);
}

TEST_CASE("merge keys are bounded like aliases") {
  std::string bomb =
      "a: &a {a0: x, a1: x, a2: x, a3: x, a4: x, a5: x, a6: x, a7: x, a8: x, a9: x}\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i)
      bomb += std::string(i ? ", " : "") + "{<<: *" + static_cast<char>(c - 1) + "}";
    bomb += "]\n";
  }
  Diagnostics d;
  CHECK_FALSE(parse_yaml(bomb, 1, d));
  REQUIRE(d.size() == 1);
  CHECK(d[0].code == "alias-limit");
}

TEST_CASE("a NUL made by an escape is an error at its text, and never kept") {
  for (const char* escape : {"\\0", "\\x00", "\\u0000"}) {
    CAPTURE(escape);
    Diagnostics d;
    auto root = parse_yaml(std::string("a: 1\ntitle: \"Grow") + escape + "membership\"\n", 1, d);
    REQUIRE(root);
    CHECK(codes(d) == "nul-character@2:8");
    CHECK(root->value_at(1).value == "Grow\xEF\xBF\xBDmembership");
  }
}

TEST_CASE("decode_text: line breaks that editors do not count are errors, CRLF is fine") {
  Diagnostics d;
  CHECK(decode_text("a: 1\r\nb: 2\r\n", 1, d));
  CHECK(d.empty());
  // Located by LF alone, as editors count: line 2, column 8 (after "b: 'ab " in code points).
  const std::pair<const char*, const char*> cases[] = {
      {"a: 1\nb: 'אב \xE2\x80\xA8'\n", "\\L"},
      {"a: 1\nb: 'אב \xE2\x80\xA9'\n", "\\P"},
      {"a: 1\nb: 'אב \xC2\x85'\n", "\\N"},
      {"a: 1\r\nb: 'אב \r'\n", "carriage return"},
  };
  for (auto [text, hint] : cases) {
    CAPTURE(text);
    d.clear();
    CHECK_FALSE(decode_text(text, 1, d));
    CHECK(codes(d) == "line-break@2:8");
    CHECK(d[0].message.find(hint) != std::string::npos);
  }
  d.clear();
  CHECK_FALSE(decode_text("a: 1\rb: 2\r", 1, d));  // a file saved with CR line endings
  CHECK(codes(d) == "line-break@1:5");
}

TEST_CASE("syntax errors read the character at libyaml's mark after any line break it counts") {
  // The loader refuses these breaks before parsing; parse_yaml on its own still explains
  // the error at the right character (util/text_position counts lines as libyaml does).
  for (const char* kind : {"\n", "\r\n", "\r", "\xC2\x85", "\xE2\x80\xA8"}) {
    const std::string br = kind;
    CAPTURE(br.size());
    Diagnostics d;
    CHECK_FALSE(parse_yaml("a: 1" + br + "b: ]" + br, 1, d));
    REQUIRE(d.size() == 1);
    CHECK(d[0].message.find("this ']' closes nothing") != std::string::npos);
    CHECK(d[0].loc.line == 2);
  }
}
