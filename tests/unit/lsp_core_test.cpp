// The language server's core (src/lsp/): framing, positions, URIs, the lifecycle, and the
// diagnostics it publishes as files are opened, edited, closed and changed on disk.
#include <doctest/doctest.h>

#include <string>

#include "lsp/document.hpp"
#include "lsp/json_rpc.hpp"
#include "lsp/uri.hpp"
#include "lsp_client.hpp"
#include "temp_dir.hpp"

using namespace plan;
using namespace plan::lsp;
using plan::test::LspClient;
using plan::test::TempDir;

namespace {

std::string framed(const std::string& body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

using Kind = MessageReader::Frame::Kind;

const char* kPlanYaml =
    "plan: {title: P, period: {start: 2009-01-01, end: 2009-12-31}}\n"
    "goals: [{id: G1, title: מטרה}]\n"
    "targets:\n  - id: T1\n    title: יעד\n    goals: [G1]\n";
const char* kActivities =
    "sections:\n  - id: S\n    title: פרק\n    activities:\n"
    "      - {id: A1, title: פעילות, targets: [T1], status: done}\n";

struct Workspace {
  TempDir dir;
  std::string plan, targets, acts;
  Workspace() {
    dir.write("plan/plan.yaml", kPlanYaml);
    dir.write("plan/work.yaml", kActivities);
    plan = (dir.path / "plan").string();
    targets = plan + "/plan.yaml";
    acts = plan + "/work.yaml";
  }
};

std::vector<std::string> codes_of(const json& diags) {
  std::vector<std::string> out;
  if (diags.is_array())
    for (const json& d : diags) out.push_back(d.value("code", ""));
  return out;
}

}  // namespace

TEST_CASE("MessageReader takes whole frames as they arrive in pieces") {
  MessageReader r;
  const std::string a = framed(R"({"jsonrpc":"2.0","method":"x"})");
  const std::string b = framed(R"({"n":"שלום"})");
  const std::string both = a + b;
  r.feed(both.substr(0, 10));
  CHECK(r.next().kind == Kind::none);
  r.feed(both.substr(10, a.size()));  // the rest of a, and the first bytes of b
  auto f = r.next();
  REQUIRE(f.kind == Kind::message);
  CHECK(f.body == R"({"jsonrpc":"2.0","method":"x"})");
  CHECK(r.next().kind == Kind::none);
  r.feed(both.substr(10 + a.size()));
  f = r.next();
  REQUIRE(f.kind == Kind::message);
  CHECK(f.body == R"({"n":"שלום"})");
}

TEST_CASE("MessageReader accepts a Content-Type header and any case of the length's name") {
  MessageReader r;
  r.feed("content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}");
  const auto f = r.next();
  REQUIRE(f.kind == Kind::message);
  CHECK(f.body == "{}");
}

TEST_CASE("MessageReader reports a frame without a valid length and finds the next one") {
  for (const std::string bad : {"Content-Type: x\r\n\r\n{}", "Content-Length: 1x\r\n\r\n{}",
                                "Content-Length: -4\r\n\r\n{}", "garbage\r\n\r\n"}) {
    CAPTURE(bad);
    MessageReader r;
    r.feed(bad + framed("{}"));
    CHECK(r.next().kind == Kind::error);
    const auto f = r.next();
    REQUIRE(f.kind == Kind::message);
    CHECK(f.body == "{}");
  }
}

TEST_CASE("MessageReader finds the next message after a Content-Length that was too short") {
  MessageReader r;
  // The first frame says 2 bytes of a 9-byte body: its rest runs into the next header.
  r.feed("Content-Length: 2\r\n\r\n{\"a\":[1]}" + framed(R"({"b":2})"));
  auto f = r.next();
  REQUIRE(f.kind == Kind::message);
  CHECK(f.body == "{\"");
  CHECK(r.next().kind == Kind::error);  // the rest: a header block without a length
  f = r.next();
  REQUIRE(f.kind == Kind::message);
  CHECK(f.body == R"({"b":2})");
}

TEST_CASE("MessageReader skips a body over the limit without holding it") {
  MessageReader r(FrameLimits{100, 64});
  r.feed("Content-Length: 1000\r\n\r\n");
  const auto f = r.next();
  REQUIRE(f.kind == Kind::error);
  CHECK(f.error.find("over the limit") != std::string::npos);
  for (int i = 0; i < 10; ++i) {
    r.feed(std::string(100, 'x'));
    CHECK(r.buffered() == 0);
  }
  r.feed(framed("{}"));
  const auto g = r.next();
  REQUIRE(g.kind == Kind::message);
  CHECK(g.body == "{}");
}

TEST_CASE("MessageReader drops a header that never ends, within its limit") {
  MessageReader r(FrameLimits{100, 64});
  r.feed(std::string(1000, 'h'));
  CHECK(r.next().kind == Kind::error);
  CHECK(r.buffered() <= 64);
  r.feed(framed("[]"));
  auto f = r.next();
  while (f.kind == Kind::error) f = r.next();
  REQUIRE(f.kind == Kind::message);
  CHECK(f.body == "[]");
}

TEST_CASE("Document counts columns in UTF-16 code units or in bytes") {
  // "א" is 2 bytes and 1 UTF-16 unit; "😀" is 4 bytes and 2 units (a surrogate pair).
  Document d("title: א😀b\nx\r\ny\rz");
  CHECK(d.line_count() == 4);
  const std::size_t b = std::string("title: א😀").size();
  CHECK(d.position_at(b, Encoding::utf16) == Position{0, 10});
  CHECK(d.position_at(b, Encoding::utf8) == Position{0, 13});
  CHECK(d.offset_at({0, 10}, Encoding::utf16) == b);
  CHECK(d.offset_at({0, 13}, Encoding::utf8) == b);
  // Inside the surrogate pair: the character's start.
  CHECK(d.offset_at({0, 9}, Encoding::utf16) == std::string("title: א").size());
  // Past the line's end: the line's end (before its break), also after CRLF and CR.
  CHECK(d.offset_at({0, 99}, Encoding::utf16) == std::string("title: א😀b").size());
  CHECK(d.offset_at({1, 5}, Encoding::utf16) == d.text().find("x\r\n") + 1);
  CHECK(d.offset_at({3, 0}, Encoding::utf16) == d.text().size() - 1);
  // Past the last line: the end.
  CHECK(d.offset_at({40, 0}, Encoding::utf16) == d.text().size());
}

TEST_CASE("Document applies an incremental change in the client's encoding") {
  Document d("goals: [G1, G2]\nשם: א😀ב\n");
  d.replace({{1, 5}, {1, 7}}, "x", Encoding::utf16);  // the emoji, 2 units
  CHECK(d.text() == "goals: [G1, G2]\nשם: אxב\n");
  d.replace({{0, 12}, {0, 14}}, "T9", Encoding::utf16);
  CHECK(d.text() == "goals: [G1, T9]\nשם: אxב\n");
  d.replace({{0, 99}, {1, 0}}, "", Encoding::utf16);  // joins the lines
  CHECK(d.text() == "goals: [G1, T9]שם: אxב\n");
  d.replace({{5, 0}, {0, 0}}, "", Encoding::utf8);  // backwards and past the end: in order
  CHECK(d.text().empty());
}

TEST_CASE("Document gives the whole token a loader place points at") {
  Document d(
      "- id: general.3   # comment\n"
      "  title: \"ציטוט: \\\"כן\\\"\"\n"
      "  targets: [T1, 'T 2', T3]\n"
      "  owner: דנה כהן\n"
      "  titel: x\n");
  auto text_of = [&](Loc loc) {
    const auto [a, b] = d.token_span(d.offset_of(loc));
    return d.text().substr(a, b - a);
  };
  CHECK(text_of({1, 1, 7}) == "general.3");
  CHECK(text_of({1, 2, 10}) == "\"ציטוט: \\\"כן\\\"\"");
  CHECK(text_of({1, 3, 13}) == "T1");
  CHECK(text_of({1, 3, 17}) == "'T 2'");
  CHECK(text_of({1, 3, 12}) == "[T1, 'T 2', T3]");
  CHECK(text_of({1, 4, 10}) == "דנה כהן");
  CHECK(text_of({1, 5, 3}) == "titel");
  // Columns are code points in the loader: the Hebrew owner's range in UTF-16 units.
  const lsp::Range r = d.token_range({1, 4, 10}, Encoding::utf16);
  CHECK(r.start == Position{3, 9});
  CHECK(r.end == Position{3, 16});
  // A whole-file place: the first line.
  CHECK(d.token_range({1, 0, 0}, Encoding::utf16).end == Position{0, 27});
}

TEST_CASE("file URIs round-trip paths with spaces and Hebrew, and refuse what is not a file") {
  const std::string p = "/tmp/תוכנית עבודה/plan #1.yaml";
  const std::string uri = uri_from_path(p);
  CHECK(uri.find(' ') == std::string::npos);
  CHECK(uri.rfind("file:///tmp/%D7%AA", 0) == 0);
  CHECK(path_from_uri(uri) == p);
  CHECK(path_from_uri("file://localhost/a/b.yaml") == "/a/b.yaml");
  CHECK(path_from_uri("FILE:///a%2fb") == "/a/b");
  CHECK_FALSE(path_from_uri("https://example.com/a.yaml"));
  CHECK_FALSE(path_from_uri("file://server/share/a.yaml"));
  CHECK_FALSE(path_from_uri("file:///a%00b"));
  CHECK(path_from_uri("file:///a%zz") == "/a%zz");
}

TEST_CASE("the server refuses requests before initialize and unknown methods after it") {
  Workspace w;
  LspClient c;
  json r = c.request("textDocument/hover", LspClient::at(w.acts, 0, 0));
  CHECK(r["error"]["code"] == kServerNotInitialized);
  // Notifications before initialize are dropped, not answered.
  CHECK(c.notify("textDocument/didOpen", json::object()).empty());
  r = c.start(w.plan);
  CHECK(r["result"]["capabilities"]["positionEncoding"] == "utf-16");
  CHECK(r["result"]["capabilities"]["textDocumentSync"]["change"] == 2);
  r = c.request("initialize", json::object());
  CHECK(r["error"]["code"] == kInvalidRequest);
  r = c.request("textDocument/teleport", json::object());
  CHECK(r["error"]["code"] == kMethodNotFound);
  r = c.request("textDocument/hover", json::array());
  CHECK(r["error"]["code"] == kInvalidParams);
  // Not a request at all.
  auto out = c.send(json::array({1, 2}));
  REQUIRE(out.size() == 1);
  CHECK(out[0]["error"]["code"] == kInvalidRequest);
  CHECK(out[0]["id"].is_null());
  out = c.send({{"jsonrpc", "2.0"}, {"id", json::object()}, {"method", "shutdown"}});
  REQUIRE(out.size() == 1);
  CHECK(out[0]["error"]["code"] == kInvalidRequest);
}

TEST_CASE("initialize takes options and capabilities of the wrong type as not given") {
  Workspace w;
  LspClient c;
  json r = c.start(w.plan,
                   {{"workspace", {{"didChangeWatchedFiles", {{"dynamicRegistration", "yes"}}}}},
                    {"general", {{"positionEncodings", "utf-8"}}}},
                   {{"inlayHints", 0}, {"yamlLanguageServer", "true"}});
  REQUIRE(r.contains("result"));
  CHECK(c.server.session().inlay_hints);
  CHECK_FALSE(c.server.session().yaml_language_server);
  CHECK(c.server.session().encoding == Encoding::utf16);
}

TEST_CASE("the server chooses UTF-8 positions when the client offers them") {
  Workspace w;
  LspClient c;
  json r = c.start(w.plan, {{"general", {{"positionEncodings", {"utf-16", "utf-8"}}}}});
  CHECK(r["result"]["capabilities"]["positionEncoding"] == "utf-8");
  CHECK(c.server.session().encoding == Encoding::utf8);
}

TEST_CASE("exit after shutdown is 0, without it 1, and nothing is answered after shutdown") {
  Workspace w;
  {
    LspClient c;
    c.start(w.plan);
    CHECK(c.request("shutdown", nullptr)["result"].is_null());
    CHECK(c.request("textDocument/hover", LspClient::at(w.acts, 0, 0))["error"]["code"] ==
          kInvalidRequest);
    c.notify("exit", nullptr);
    CHECK(c.server.exited());
    CHECK(c.server.exit_code() == 0);
  }
  LspClient c;
  c.start(w.plan);
  c.notify("exit", nullptr);
  CHECK(c.server.exited());
  CHECK(c.server.exit_code() == 1);
}

TEST_CASE("a request cancelled in the same batch is answered RequestCancelled, once") {
  Workspace w;
  LspClient c;
  c.start(w.plan);
  auto frame_of = [](const json& m) {
    MessageReader::Frame f;
    f.kind = MessageReader::Frame::Kind::message;
    f.body = m.dump();
    return f;
  };
  std::vector<MessageReader::Frame> batch{
      frame_of({{"jsonrpc", "2.0"},
                {"id", 7},
                {"method", "workspace/symbol"},
                {"params", {{"query", ""}}}}),
      frame_of({{"jsonrpc", "2.0"},
                {"id", 8},
                {"method", "workspace/symbol"},
                {"params", {{"query", ""}}}}),
      frame_of({{"jsonrpc", "2.0"}, {"method", "$/cancelRequest"}, {"params", {{"id", 7}}}}),
  };
  const auto out = c.server.handle(batch);
  REQUIRE(out.size() == 2);
  CHECK(out[0]["id"] == 7);
  CHECK(out[0]["error"]["code"] == kRequestCancelled);
  CHECK(out[1]["id"] == 8);
  CHECK_FALSE(out[1].contains("error"));
}

TEST_CASE("a frame that is not JSON gets a parse error and the server goes on") {
  Workspace w;
  LspClient c;
  c.start(w.plan);
  MessageReader::Frame bad;
  bad.kind = MessageReader::Frame::Kind::message;
  bad.body = "{\"jsonrpc\": \"2.0\", \"id\": 3,";
  MessageReader::Frame framing;
  framing.kind = MessageReader::Frame::Kind::error;
  framing.error = "a message without a valid Content-Length";
  const auto out = c.server.handle(std::vector<MessageReader::Frame>{bad, framing});
  REQUIRE(out.size() == 2);
  CHECK(out[0]["error"]["code"] == kParseError);
  CHECK(out[0]["id"].is_null());
  CHECK(out[1]["error"]["message"] == "a message without a valid Content-Length");
  CHECK(c.request("shutdown", nullptr)["result"].is_null());
}

TEST_CASE("diagnostics follow the open buffer, reach files that are not open, and clear") {
  Workspace w;
  LspClient c;
  c.start(w.plan);
  // A clean plan: nothing is published for files that never had a problem.
  CHECK(c.diagnostics(w.acts).is_null());
  // The buffer of plan.yaml renames T1: work.yaml (not open) now links to nothing.
  std::string edited = kPlanYaml;
  edited.replace(edited.find("id: T1"), 6, "id: T2");
  c.open(w.targets, edited);
  json d = c.diagnostics(w.acts);
  REQUIRE(d.is_array());
  REQUIRE(d.size() == 1);
  CHECK(d[0]["code"] == "unknown-target");
  CHECK(d[0]["severity"] == 1);
  CHECK(d[0]["source"] == "plan");
  // The whole token T1 inside `targets: [T1]` on line 5, after Hebrew text.
  const std::string line = "      - {id: A1, title: פעילות, targets: [";
  const auto col = static_cast<unsigned>(units(line, Encoding::utf16));
  CHECK(d[0]["range"]["start"] == json({{"line", 4}, {"character", col}}));
  CHECK(d[0]["range"]["end"] == json({{"line", 4}, {"character", col + 2}}));
  // The unserved-target warning lands on the open buffer, with its version.
  json td = c.diagnostics(w.targets);
  REQUIRE(td.is_array());
  CHECK(codes_of(td) == std::vector<std::string>{"unserved-target"});
  // An incremental change puts T1 back: both files' lists become empty.
  const auto pos = static_cast<unsigned>(std::string("  - id: ").size());
  c.notify("textDocument/didChange",
           {{"textDocument", {{"uri", uri_from_path(w.targets)}, {"version", 2}}},
            {"contentChanges",
             {{{"range",
                {{"start", {{"line", 3}, {"character", pos}}},
                 {"end", {{"line", 3}, {"character", pos + 2}}}}},
               {"text", "T1"}}}}});
  CHECK(c.diagnostics(w.acts) == json::array());
  CHECK(c.diagnostics(w.targets) == json::array());
  // Publishing again with nothing changed sends nothing.
  CHECK(c.notify("textDocument/didSave", {{"textDocument", {{"uri", uri_from_path(w.targets)}}}})
            .empty());
}

TEST_CASE("a duplicate id's note is related information in the other file") {
  Workspace w;
  LspClient c;
  c.start(w.plan);
  c.open(w.acts, std::string(kActivities) + "      - {id: t1, title: שוב, targets: [T1]}\n");
  const json d = c.diagnostics(w.acts);
  REQUIRE(d.is_array());
  const auto it =
      std::find_if(d.begin(), d.end(), [](const json& x) { return x["code"] == "duplicate-id"; });
  REQUIRE(it != d.end());
  REQUIRE((*it)["relatedInformation"].size() == 1);
  CHECK((*it)["relatedInformation"][0]["location"]["uri"] == uri_from_path(w.targets));
  CHECK((*it)["relatedInformation"][0]["location"]["range"]["start"]["line"] == 3);
}

TEST_CASE("closing a buffer goes back to the file on disk, and a change on disk is seen") {
  Workspace w;
  LspClient c;
  c.start(w.plan);
  c.open(w.acts, "sections: [");
  CHECK(codes_of(c.diagnostics(w.acts)) == std::vector<std::string>{"yaml-syntax"});
  c.notify("textDocument/didClose", {{"textDocument", {{"uri", uri_from_path(w.acts)}}}});
  CHECK(c.diagnostics(w.acts) == json::array());
  // On disk (a `git pull`): the activity now links to T5.
  std::string changed = kActivities;
  changed.replace(changed.find("[T1]"), 4, "[T5]");
  w.dir.write("plan/work.yaml", changed);
  c.notify("workspace/didChangeWatchedFiles",
           {{"changes", {{{"uri", uri_from_path(w.acts)}, {"type", 2}}}}});
  CHECK(codes_of(c.diagnostics(w.acts)) == std::vector<std::string>{"unknown-target"});
  // Deleted on disk: its list is cleared and the plan goes on without it.
  std::filesystem::remove(w.acts);
  c.notify("workspace/didChangeWatchedFiles",
           {{"changes", {{{"uri", uri_from_path(w.acts)}, {"type", 3}}}}});
  CHECK(c.diagnostics(w.acts) == json::array());
  CHECK(codes_of(c.diagnostics(w.targets)) == std::vector<std::string>{"unserved-target"});
}

TEST_CASE("files outside the plan folder are not served") {
  Workspace w;
  w.dir.write("notes.yaml", "a: b\n");
  w.dir.write("plan/.hidden/x.yaml", "goals: [\n");
  LspClient c;
  c.start(w.dir.path.string());  // the workspace root; plan/ is found below it
  CHECK(c.server.session().plan_root() == w.plan);
  c.open((w.dir.path / "notes.yaml").string(), "goals: [\n");
  c.open(w.plan + "/.hidden/x.yaml", "goals: [\n");
  for (const json& m : c.received)
    CHECK(m.value("method", "") != "textDocument/publishDiagnostics");
}

TEST_CASE("with yamlLanguageServer the schema's diagnostics are left to it") {
  Workspace w;
  LspClient c;
  c.start(w.plan, json::object(), {{"yamlLanguageServer", true}});
  c.open(w.acts, std::string(kActivities) + "      - {id: A2, titel: x, targets: [T9]}\n");
  // unknown-key and missing-field are yaml-language-server's; the broken link is ours.
  CHECK(codes_of(c.diagnostics(w.acts)) == std::vector<std::string>{"unknown-target"});
  // A second document is not an error to yaml-language-server: it stays ours.
  c.open(w.acts, std::string(kActivities) + "---\ngoals: []\n", 2);
  CHECK(codes_of(c.diagnostics(w.acts)) == std::vector<std::string>{"multiple-documents"});
}

TEST_CASE("a burst of changes is checked once, and only the changed file is parsed again") {
  Workspace w;
  LspClient c;
  c.start(w.plan);
  c.open(w.acts, kActivities);
  const std::size_t checks = c.server.session().checks();
  std::vector<MessageReader::Frame> batch;
  for (int v = 2; v < 12; ++v) {
    MessageReader::Frame f;
    f.kind = MessageReader::Frame::Kind::message;
    f.body = json{{"jsonrpc", "2.0"},
                  {"method", "textDocument/didChange"},
                  {"params",
                   {{"textDocument", {{"uri", uri_from_path(w.acts)}, {"version", v}}},
                    {"contentChanges", {{{"text", kActivities}}}}}}}
                 .dump();
    batch.push_back(f);
  }
  c.server.handle(batch);
  CHECK(c.server.session().checks() == checks + 1);
}
