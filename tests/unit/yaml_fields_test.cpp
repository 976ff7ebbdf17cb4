// The typed readers over the YAML tree (load/yaml_fields), apart from the plan format:
// what build.cpp and `plan set` read fields with.
#include <doctest/doctest.h>

#include <string>

#include "load/yaml_fields.hpp"

using namespace plan;

namespace {
YamlNode tree(const std::string& text) {
  Diagnostics d;
  auto root = parse_yaml(text, 3, d);
  REQUIRE(d.empty());
  REQUIRE(root);
  return *root;
}
}  // namespace

TEST_CASE("value lookups find the first key of a mapping, and nothing in other nodes") {
  const YamlNode root = tree("a: 1\nb: [x, y]\nc:\n");
  CHECK(value_index(root, "a") == 1);
  CHECK(value_index(root, "b") == 3);
  REQUIRE(find_value(root, "c"));
  CHECK(find_value(root, "c")->is_null());
  CHECK_FALSE(find_value(root, "d"));
  // A list is no mapping, even though it has children in pairs.
  const YamlNode& list = *find_value(root, "b");
  CHECK(value_index(list, "x") == std::string::npos);
  CHECK_FALSE(find_value(list, "x"));
}

TEST_CASE("plain_number and describe tell a number from text that looks like one") {
  const YamlNode root = tree("n: 2.5\nq: \"2.5\"\nt: two\nl: []\nm: {}\ne:\n");
  CHECK(plain_number(*find_value(root, "n")) == 2.5);
  CHECK_FALSE(plain_number(*find_value(root, "q")));
  CHECK_FALSE(plain_number(*find_value(root, "l")));
  CHECK(describe(*find_value(root, "n")) == "the number 2.5");
  CHECK(describe(*find_value(root, "q")) == "the text '2.5'");
  CHECK(describe(*find_value(root, "t")) == "the text 'two'");
  CHECK(describe(*find_value(root, "l")) == "a list");
  CHECK(describe(*find_value(root, "m")) == "a mapping");
  CHECK(describe(*find_value(root, "e")) == "empty");
  CHECK(describe(tree("t: " + std::string(50, 'x') + "\n").value_at(0)) ==
        "the text '" + std::string(37, 'x') + "...'");
}

TEST_CASE("FieldReader reads typed values with their places, and locates wrong types") {
  const YamlNode root = tree(
      "name: Dana\ncount: 3\nquoted: \"4\"\nday: 2009-02-30\nids: [G1, G2]\n"
      "names: [a, {b: c}]\nodd: ~\nextra: 1\n");
  Diagnostics d;
  FieldReader r(3, d);
  const Fields f = r.collect(root, {"name", "count", "quoted", "day", "ids", "names", "odd"},
                             message("in the test"));
  REQUIRE(d.size() == 1);  // 'extra'
  CHECK(d[0].code == "unknown-key");
  CHECK(d[0].loc.line == 8);
  d.clear();

  const Message it = message("it");
  Located<std::string> name;
  CHECK(r.text(f, "name", it, name));
  CHECK(name.value == "Dana");
  CHECK(name.loc.file == 3);
  CHECK(name.loc.line == 1);
  CHECK(name.loc.col == 7);

  Located<double> count, quoted, absent;
  CHECK(r.number(f, "count", it, count));
  CHECK(count.value == 3);
  CHECK_FALSE(r.number(f, "quoted", it, quoted, message("a number from 0 to 100")));
  CHECK_FALSE(r.number(f, "odd", it, absent));  // empty: not given, no error
  REQUIRE(d.size() == 1);
  CHECK(d[0].message ==
        "'quoted' of it should be a number from 0 to 100, not the text '4' (remove the quotes)");
  CHECK(d[0].loc.line == 3);
  d.clear();

  Located<Date> day;
  r.date(f, "day", it, day);
  CHECK(day.given());
  CHECK_FALSE(day.value.valid);  // kept for the checks to explain

  Located<std::vector<Ref>> ids;
  r.refs(f, "ids", message("goal"), it, ids);
  REQUIRE(ids.value.size() == 2);
  CHECK(ids.value[1].id == "G2");
  CHECK(ids.value[1].loc.col == 11);

  Located<std::vector<std::string>> names;
  r.texts(f, "names", it, names);
  CHECK(names.value == std::vector<std::string>{"a"});
  REQUIRE(d.size() == 1);
  CHECK(d[0].message == "each of the 'names' of it should be text, not a mapping");
}
