// The JSON Schema agrees with `plan check` on everything a schema can express: a real
// validator (valijson, from Debian) checks every file of the shipped plan and of the golden
// plans against `plan schema`, and its verdict is compared with plan check's, file by file.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <set>

#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "load/encoding.hpp"
#include "load/source_files.hpp"
#include "load/yaml_tree.hpp"
#include "run.hpp"
#include "util/read_file.hpp"

namespace fs = std::filesystem;
using namespace plan;
using namespace plan::test;

namespace {

// YAML → JSON with YAML 1.2 core typing: plain scalars are typed, quoted ones are text.
nlohmann::json to_json(const YamlNode& n) {
  switch (n.kind) {
    case YamlNode::Kind::null:
      return nullptr;
    case YamlNode::Kind::sequence: {
      nlohmann::json a = nlohmann::json::array();
      for (const YamlNode& c : n.children) a.push_back(to_json(c));
      return a;
    }
    case YamlNode::Kind::mapping: {
      nlohmann::json o = nlohmann::json::object();
      for (std::size_t i = 0; i < n.pair_count(); ++i)
        if (!o.contains(n.key(i).value)) o[n.key(i).value] = to_json(n.value_at(i));
      return o;
    }
    case YamlNode::Kind::scalar:
      break;
  }
  if (!n.plain) return n.value;
  if (n.value == "true" || n.value == "false") return n.value == "true";
  nlohmann::json number = nlohmann::json::parse(n.value, nullptr, false);
  if (!number.is_discarded() && number.is_number()) return number;
  return n.value;
}

// Diagnostics whose cause a schema can express; other problems (links, duplicates,
// calendar dates, reversed ranges) are plan check's alone.
bool schema_expressible(const nlohmann::json& d) {
  static const std::set<std::string> codes{
      "unknown-key",          "wrong-type",     "missing-field", "bad-id",
      "unknown-status",       "bad-percent",    "bad-weight",    "negative-actual",
      "target-without-goals", "bad-stale-after"};
  const std::string code = d.value("code", ""), message = d.value("message", "");
  if (d.value("severity", "") != "error") return false;
  if (codes.count(code)) return true;
  if (code == "bad-range") return message.find("must be above 0") != std::string::npos;
  if (code == "bad-date") return message.find("which is not a date") != std::string::npos;
  return false;
}

// Problems that make a file not comparable: it does not convert to one JSON document.
bool unreadable(const std::string& code) {
  return code == "yaml-syntax" || code == "encoding" || code == "unclosed-quote" ||
         code == "duplicate-key" || code == "multiple-documents" || code == "alias-limit" ||
         code == "too-deep" || code == "empty-file";
}

}  // namespace

TEST_CASE("schema: valijson's verdict on every test plan file agrees with plan check") {
  Run schema_run = run(plan_cmd("schema"));
  REQUIRE(schema_run.status == 0);
  const nlohmann::json schema_json = nlohmann::json::parse(schema_run.out);
  valijson::Schema schema;
  valijson::SchemaParser parser;
  valijson::adapters::NlohmannJsonAdapter schema_adapter(schema_json);
  parser.populateSchema(schema_adapter, schema);
  valijson::Validator validator;

  std::vector<fs::path> plans{source("plan")};
  for (const auto& e : fs::directory_iterator(source("tests/golden")))
    if (fs::is_directory(e.path() / "plan") && !fs::is_symlink(e.path() / "plan"))
      plans.push_back(e.path() / "plan");
  for (const auto& e : fs::directory_iterator(source("tests/golden/plans")))
    plans.push_back(e.path());

  std::size_t compared = 0, invalid = 0;
  for (const fs::path& dir : plans) {
    Run check = run(plan_cmd("--plan " + dir.string() + " check --format json 2>/dev/null"));
    const nlohmann::json diags = nlohmann::json::parse(check.out, nullptr, false);
    REQUIRE_MESSAGE(diags.is_array(), dir.string());
    std::map<std::string, bool> expect_invalid, skip;
    for (const nlohmann::json& d : diags) {
      const std::string file = fs::weakly_canonical(d.value("file", "")).string();
      if (unreadable(d.value("code", ""))) skip[file] = true;
      if (schema_expressible(d)) expect_invalid[file] = true;
    }
    for (const SourceEntry& e : find_plan_files(dir.string())) {
      if (!e.skip_reason.empty()) continue;
      const std::string file = fs::weakly_canonical(e.path).string();
      if (skip[file]) continue;
      std::string bytes, why;
      REQUIRE(read_regular_file(e.open_path, std::size_t{1} << 24, bytes, why));
      Diagnostics ignored;
      auto text = decode_text(bytes, 1, ignored);
      auto root = text ? parse_yaml(*text, 1, ignored) : std::nullopt;
      if (!root) continue;
      const nlohmann::json doc = to_json(*root);
      valijson::adapters::NlohmannJsonAdapter target(doc);
      valijson::ValidationResults results;
      const bool valid = validator.validate(schema, target, &results);
      std::string reasons;
      valijson::ValidationResults::Error err;
      while (results.popError(err)) {
        std::string where;
        for (const std::string& c : err.context) where += c;
        reasons += where + ": " + err.description + "\n";
      }
      CAPTURE(file);
      CAPTURE(reasons);
      CHECK(valid == !expect_invalid[file]);
      ++compared;
      invalid += valid ? 0 : 1;
    }
  }
  CHECK(compared > 50);
  CHECK(invalid > 10);  // the structural error cases really are rejected
}

TEST_CASE("schema --plan: goal and target references become the plan's own ids") {
  Run r = run(plan_cmd("--plan " + source("tests/golden/status-english/plan") + " schema --plan"));
  REQUIRE(r.status == 0);
  const nlohmann::json s = nlohmann::json::parse(r.out);
  const nlohmann::json& goals = s["$defs"]["goalRef"]["anyOf"];
  REQUIRE(goals.size() == 3);  // the two goals, and a goal of another unit (`hq:G2`)
  CHECK(goals[0]["const"] == "G1");
  CHECK(goals[0]["description"] == "Grow membership");
  CHECK(goals[2]["pattern"].get<std::string>().find(':') != std::string::npos);
  CHECK(s["$defs"]["targetRef"]["anyOf"].size() == 3);
}
