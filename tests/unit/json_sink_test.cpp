#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "render/json_sink.hpp"

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
