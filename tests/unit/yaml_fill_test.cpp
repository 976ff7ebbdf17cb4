// plan init's starter files: placeholders filled inside their scalars, each scalar written
// again by yaml_scalar; a value can only ever be that value.
#include <doctest/doctest.h>

#include "edit/yaml_fill.hpp"
#include "load/yaml_fields.hpp"
#include "load/yaml_tree.hpp"

using namespace plan;

namespace {
std::string fill(std::string_view text, const std::map<std::string, std::string>& values) {
  Message error;
  auto out = fill_yaml(text, values, error);
  CAPTURE(render_message(error));
  REQUIRE(out);
  return *out;
}
}  // namespace

TEST_CASE("fill_yaml fills placeholders inside their scalars, keeping dates and text plain") {
  const std::map<std::string, std::string> v{{"year", "2026"}};
  CHECK(fill("title: Our work plan for {{year}}  # c\n", v) ==
        "title: Our work plan for 2026  # c\n");
  CHECK(fill("period: {start: {{year}}-01-01, end: {{year}}-12-31}\n", v) ==
        "period: {start: 2026-01-01, end: 2026-12-31}\n");
  CHECK(fill("due: {{year}}-06-30\n", v) == "due: 2026-06-30\n");
  CHECK(fill("t: '{{year}}'\n", v) == "t: '2026'\n");
  CHECK(fill("n: {{year}}\n", v) == "n: 2026\n");
  CHECK(fill("no placeholder: x\n", v) == "no placeholder: x\n");
}

TEST_CASE("fill_yaml writes a hostile value so that it reads back as itself and nothing else") {
  for (const char* hostile : {"x\ny: 1", "a: b", "a #b", "\"q\" 'q'", "x}, y: {", "- x", "", "null",
                              "\xE2\x80\xA8z: 1", "\xD7\xA6\xD7\x94\"\xD7\x9C"}) {
    CAPTURE(hostile);
    for (const char* t : {"env:\n  R: {{r}}\n  S: s\n", "env: {R: {{r}}, S: s}\n",
                          "env:\n  R: \"{{r}}\"\n  S: s\n", "env:\n  R: '{{r}}'\n  S: s\n"}) {
      CAPTURE(t);
      const std::string out = fill(t, {{"r", hostile}});
      Diagnostics diags;
      auto root = parse_yaml(out, 1, diags);
      REQUIRE(root);
      CHECK(diags.empty());
      const YamlNode& env = *find_value(*root, "env");
      CHECK(env.pair_count() == 2);
      REQUIRE(find_value(env, "R"));
      CHECK(find_value(env, "R")->is_scalar());
      CHECK(find_value(env, "R")->value == hostile);
      CHECK(find_value(env, "S")->value == "s");
    }
  }
}

TEST_CASE("fill_yaml refuses a placeholder with no value or outside a value") {
  Message error;
  CHECK_FALSE(fill_yaml("a: {{nope}}\n", {{"year", "1"}}, error));
  CHECK(render_message(error) == "the placeholder {{nope}} has no value");
  CHECK_FALSE(fill_yaml("a: 1  # made in {{year}}\n", {{"year", "1"}}, error));
  CHECK(render_message(error) == "a placeholder outside a value (in a comment)");
  CHECK_FALSE(fill_yaml("a: {{year\n", {{"year", "1"}}, error));
  CHECK(render_message(error) == "a '{{' without its '}}'");
}
