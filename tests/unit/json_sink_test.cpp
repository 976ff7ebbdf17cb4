#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include <cmath>

#include "helpers.hpp"
#include "render/json_sink.hpp"
#include "render/report.hpp"
#include "util/date.hpp"

using namespace plan;

namespace {
void sample(JsonSink& s) {
  s.begin_object();
  s.key("text");
  s.string("שלום \"quoted\" \\ \n\t\x01 end");
  s.key("numbers");
  s.begin_array();
  for (double v : {0.0, 1.0, 0.55, 1e-05, 123456789.125, -2.5, 1e21}) s.number(v);
  s.integer(42);
  s.end_array();
  s.key("empty_object");
  s.begin_object();
  s.end_object();
  s.key("empty_array");
  s.begin_array();
  s.end_array();
  s.key("nested");
  s.begin_array();
  s.begin_object();
  s.key("b");
  s.boolean(true);
  s.key("n");
  s.null();
  s.end_object();
  s.end_array();
  s.end_object();
}
}  // namespace

TEST_CASE("the stream sink prints exactly what nlohmann's dump(2) prints of the tree sink") {
  JsonTreeSink tree;
  sample(tree);
  std::FILE* f = std::tmpfile();
  REQUIRE(f);
  {
    JsonStreamSink stream(f);
    sample(stream);
  }
  std::rewind(f);
  std::string streamed;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) streamed.append(buf, n);
  std::fclose(f);
  CHECK(streamed == tree.result.dump(2) + "\n");
}

TEST_CASE("NaN and infinity are written as null, as nlohmann does, so the output is JSON") {
  auto numbers = [](JsonSink& s) {
    s.begin_array();
    for (double v : {std::nan(""), -std::nan(""), HUGE_VAL, -HUGE_VAL, 0.5}) s.number(v);
    s.end_array();
  };
  JsonTreeSink tree;
  numbers(tree);
  std::FILE* f = std::tmpfile();
  REQUIRE(f);
  {
    JsonStreamSink stream(f);
    numbers(stream);
  }
  std::rewind(f);
  std::string streamed;
  char buf[256];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) streamed.append(buf, n);
  std::fclose(f);
  CHECK(streamed == tree.result.dump(2) + "\n");
  const nlohmann::json parsed = nlohmann::json::parse(streamed);  // strict: throws on nan
  CHECK(parsed == nlohmann::json::parse("[null, null, null, null, 0.5]"));
}

TEST_CASE("the report of a plan with unread files names them and leaves the plan's figures null") {
  LoadResult r = plan::test::load(
      {{"plan/a.yaml", std::string(plan::test::kHeader) +
                           "sections:\n  - id: s\n    title: S\n    activities:\n"
                           "      - {id: a, title: A, targets: [T1], percent: 40}\n"},
       {"plan/b.yaml", "goals:\n\t- {id: G2, title: x}\n"},
       {"plan/c.yaml", "# nothing\n"}});
  const auto m = measure(check_loaded(std::move(r)), parse_date("2009-07-02"));
  const Json report = build_report(*m->checked->index, m->stats, {1, 0});
  CHECK(report["file_count"] == 3);
  CHECK(report["unread_files"] == Json::array({"plan/b.yaml"}));
  CHECK(report["completion"].is_null());
  CHECK(report["goals"][0]["completion"].is_null());
  CHECK(report["targets"][0]["completion"].is_null());
  CHECK(report["gaps"]["goals"].is_null());
  CHECK(report["gaps"]["targets"].is_null());
  CHECK(report["sections"][0]["completion"] == 0.4);
  CHECK(report["activities"][0]["completion"] == 0.4);
}

TEST_CASE("the report of a plan read whole has an empty list of unread files") {
  LoadResult r = plan::test::load_one(std::string(plan::test::kHeader));
  const auto m = measure(check_loaded(std::move(r)), parse_date("2009-07-02"));
  const Json report = build_report(*m->checked->index, m->stats, {});
  CHECK(report["file_count"] == 1);
  CHECK(report["unread_files"] == Json::array());
  CHECK(report["gaps"]["targets"] == Json::array({"T1"}));
}
