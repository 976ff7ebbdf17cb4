// The loader's shape rules: known keys, types, required fields, merging files.
#include <doctest/doctest.h>

#include "helpers.hpp"

using namespace plan;
using plan::test::codes;
using plan::test::load;
using plan::test::load_one;

TEST_CASE("lists from several files are merged in order, with locations") {
  LoadResult r = load({{"plan/a.yaml", "goals:\n  - {id: G1, title: One}\n"},
                       {"plan/b.yaml", "goals:\n  - id: G2\n    title: Two\n"}});
  CHECK(r.diags.empty());
  REQUIRE(r.plan.goals.size() == 2);
  CHECK(r.plan.goals[1].id.value == "G2");
  CHECK(r.plan.goals[1].id.loc.file == 2);
  CHECK(r.plan.goals[1].id.loc.line == 2);
  CHECK(r.plan.goals[1].title.loc.line == 3);
  CHECK(r.plan.files == std::vector<std::string>{"plan/", "plan/a.yaml", "plan/b.yaml"});
}

TEST_CASE("activities: every field, nested activities and defaults") {
  LoadResult r = load_one(
      "sections:\n"
      "  - id: s\n"
      "    title: S\n"
      "    activities:\n"
      "      - id: a\n"
      "        title: A\n"
      "        targets: [T1, T2]\n"
      "        status: in-progress\n"
      "        owner: Dana\n"
      "        partners: [x, y]\n"
      "        due: 2009-05-01\n"
      "        measure: {unit: meetings, planned: 5-6, actual: 2}\n"
      "        weight: 2\n"
      "        activities:\n"
      "          - {id: a.1, title: Child, percent: 50}\n");
  CHECK(r.diags.empty());
  const Activity& a = r.plan.sections.at(0).activities.at(0);
  CHECK(a.targets.value.size() == 2);
  CHECK(a.status.value == Status::in_progress);
  CHECK(a.partners.value == std::vector<std::string>{"x", "y"});
  CHECK(a.due.value.valid);
  REQUIRE(a.measure);
  CHECK(a.measure->planned.value.low == 5);
  CHECK(a.measure->planned.value.high == 6);
  CHECK(a.measure->actual.value == 2);
  CHECK(a.weight.value == 2);
  const Activity& c = a.activities.at(0);
  CHECK_FALSE(c.targets.given());
  CHECK(c.status.value == Status::planned);  // the default
  CHECK(c.weight.value == 1);                // the default
  CHECK(c.percent.value == 50);
}

TEST_CASE("planned accepts a number, a range with a dash or en dash, and a pair") {
  for (const char* planned : {"5-6", "5 - 6", "\"5–6\"", "[5, 6]"}) {
    LoadResult r = load_one(std::string("sections:\n- id: s\n  title: S\n  activities:\n  - id: a\n"
                                        "    title: A\n    measure: {planned: ") +
                            planned + "}\n");
    CAPTURE(planned);
    CHECK(r.diags.empty());
    const Measure& m = *r.plan.sections.at(0).activities.at(0).measure;
    CHECK(m.planned.value.low == 5);
    CHECK(m.planned.value.high == 6);
    CHECK(m.actual.value == 0);
  }
}

TEST_CASE("unknown keys are errors with a suggestion") {
  LoadResult r = load_one("goal:\n  - {id: G1, title: x}\ngoals:\n  - {id: G2, titel: y}\n");
  // A misspelt title is reported once, as the unknown key, not again as a missing title.
  CHECK(codes(r.diags) == "unknown-key@1:1 unknown-key@4:14");
  CHECK(r.diags[0].message == "unknown key 'goal' at the top level; did you mean 'goals'?");
  CHECK(r.diags[1].message == "unknown key 'titel' in goal 'G2'; did you mean 'title'?");
  CHECK(r.diags[0].suggestion == "goals");
  CHECK(r.diags[1].suggestion == "title");
  LoadResult far = load_one("goals:\n  - {id: G2, title: y, zzzzzz: 1}\n");
  REQUIRE(codes(far.diags) == "unknown-key@2:24");
  CHECK(far.diags[0].suggestion.empty());
}

TEST_CASE("wrong types are located at the value") {
  LoadResult r = load_one(
      "targets:\n"
      "  - id: T1\n"
      "    title: [a, b]\n"
      "    goals: {G1: yes}\n"
      "sections:\n"
      "  - id: s\n"
      "    title: S\n"
      "    activities:\n"
      "      - id: a\n"
      "        title: A\n"
      "        percent: \"50\"\n"
      "        weight: heavy\n");
  CHECK(codes(r.diags) == "wrong-type@3:12 wrong-type@4:12 wrong-type@11:18 wrong-type@12:17");
    // A title of the wrong type is not also reported as missing.
  CHECK(r.diags[2].message ==
        "'percent' of activity 'a' should be a number from 0 to 100, not the text '50' (remove "
        "the quotes)");
}

TEST_CASE("a top level that is not a mapping, and list items that are not mappings") {
  CHECK(codes(load_one("- a\n- b\n").diags) == "wrong-type@1:1");
  CHECK(codes(load_one("goals: G1\n").diags) == "wrong-type@1:8");
  CHECK(codes(load_one("goals:\n  - G1\n").diags) == "wrong-type@2:5");
}

TEST_CASE("empty files are warnings, and broken files are remembered as unread") {
  LoadResult r = load({{"plan/a.yaml", ""}, {"plan/b.yaml", "a: [\n"}, {"plan/c.yaml", "# hi\n"}});
  CHECK(codes(r.diags) == "empty-file@0:0 yaml-syntax@1:4 empty-file@0:0");
  CHECK(r.plan.unread_files == std::vector<std::uint32_t>{2});
}

TEST_CASE("plan metadata, period and nested contacts") {
  LoadResult r = load_one(
      "plan:\n"
      "  id: p\n"
      "  title: P\n"
      "  language: he\n"
      "  period: {start: 2009-01-01, end: 2009-12-31}\n"
      "  published: 2008-10-19\n"
      "  status: final\n"
      "  contacts: {phone: \"03-6925418\", office: {email: a@b.c}}\n");
  CHECK(r.diags.empty());
  const Meta* m = r.plan.meta();
  REQUIRE(m);
  CHECK(m->end.value.text() == "2009-12-31");
  CHECK(m->contacts == std::vector<std::pair<std::string, std::string>>{
                           {"phone", "03-6925418"}, {"office.email", "a@b.c"}});
}

TEST_CASE("numbers out of range are located errors and never reach the model") {
  auto one = [](const std::string& fields) {
    return load_one(
        "sections:\n  - id: s\n    title: S\n    activities:\n      - id: a\n        title: A\n" +
        fields);
  };
  // Two weights of 1e308 summed to infinity, and infinity over infinity is NaN.
  LoadResult r = one("        weight: 1e308\n        percent: 100\n");
  CHECK(codes(r.diags) == "bad-weight@7:17");
  REQUIRE(r.plan.sections.size() == 1);
  CHECK(r.plan.sections[0].activities[0].weight.value == 1);  // the default, not 1e308
  CHECK(r.plan.sections[0].activities[0].percent.value == 100);

  const std::pair<const char*, const char*> cases[] = {
      {"        weight: 0\n", "bad-weight@7:17"},
      {"        weight: 1000001\n", "bad-weight@7:17"},
      {"        weight: 1000000\n", ""},
      {"        percent: 100.5\n", "bad-percent@7:18"},
      {"        percent: -1\n", "bad-percent@7:18"},
      {"        measure: {planned: 1e12, actual: 1e12}\n", ""},
      {"        measure: {planned: 2e12, actual: 0}\n", "bad-range@7:28"},
      {"        measure: {planned: 1-2e12}\n", "bad-range@7:28"},
      {"        measure: {planned: 0}\n", "bad-range@7:28"},
      {"        measure: {planned: 5, actual: 1.5e12}\n", "bad-actual@7:39"},
      {"        measure: {planned: 5, actual: -1}\n", "negative-actual@7:39"},
      // Non-finite YAML numbers are not numbers here at all.
      {"        weight: .inf\n", "wrong-type@7:17"},
      {"        percent: .nan\n", "wrong-type@7:18"},
      {"        measure: {planned: -.inf}\n", "wrong-type@7:28"},
      {"        measure: {planned: 5, actual: .NaN}\n", "wrong-type@7:39"},
  };
  for (auto [fields, expected] : cases) {
    CAPTURE(fields);
    r = one(fields);
    CHECK(codes(r.diags) == expected);
    const Activity& a = r.plan.sections[0].activities[0];
    CHECK((a.weight.value > 0 && a.weight.value <= 1e6));
    CHECK((a.percent.value >= 0 && a.percent.value <= 100));
    if (a.measure) {
      CHECK((a.measure->planned.value.low > 0 && a.measure->planned.value.high <= 1e12));
      CHECK((a.measure->actual.value >= 0 && a.measure->actual.value <= 1e12));
    }
  }
}

TEST_CASE("the plan's language is a BCP 47 tag, never a path") {
  auto lang = [](const std::string& value) {
    return load_one("plan:\n  title: P\n  language: " + value + "\n");
  };
  for (const char* ok : {"he", "en", "en-GB", "zh-Hant-TW", "sr-Latn", "es-419"}) {
    CAPTURE(ok);
    LoadResult r = lang(ok);
    CHECK(r.diags.empty());
    CHECK(r.plan.metas[0].language.value == ok);
  }
  for (const char* bad : {"../../../../tmp/x", "he_IL", "e", "englishlanguage", "he-", "-he", "h1",
                          "he/x", "\"he \"", "\"\""}) {
    CAPTURE(bad);
    LoadResult r = lang(bad);
    CHECK(codes(r.diags) == "bad-language@3:13");
    CHECK_FALSE(r.plan.metas[0].language.given());  // not kept: nothing can use it as a path
    CHECK(r.plan.metas[0].language.value.empty());
  }
  CHECK(lang("he_IL").diags[0].message.find("did you mean 'he-IL'?") != std::string::npos);
}

TEST_CASE("merge keys build activities, explicit fields winning") {
  LoadResult r = load_one(
      "sections:\n"
      "  - id: s\n"
      "    title: S\n"
      "    activities:\n"
      "      - &base {id: a, title: A, owner: Dana, weight: 2}\n"
      "      - <<: *base\n"
      "        id: b\n"
      "        title: B\n");
  CHECK(codes(r.diags) == "");
  REQUIRE(r.plan.sections[0].activities.size() == 2);
  const Activity& b = r.plan.sections[0].activities[1];
  CHECK(b.id.value == "b");
  CHECK(b.owner.value == "Dana");
  CHECK(b.weight.value == 2);
  CHECK(b.owner.loc.line == 5);  // where the merged value is written
}
