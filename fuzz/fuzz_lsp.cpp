// libFuzzer target: the language server (plan::lsp::Server, in process, no I/O) fed random
// message sequences built from the test plans. The input is a program: each step opens a
// file with the text of a corpus plan (tests/corpus/*/, plan/) or bytes of the input, edits
// an open file with random ranges and text, closes or saves one, reports it changed on disk,
// sends a request among the server's methods at a random position, cancels one, or feeds
// raw bytes through MessageReader. Steps are handed over in batches, as the stream does.
// Asserted: no crash; every request sent gets exactly one response, with its id; every
// message out is a JSON-RPC 2.0 object that frames; the reader holds no more than its
// limits allow.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <system_error>
#include <vector>

#include "lsp/json_rpc.hpp"
#include "lsp/server.hpp"
#include "lsp/uri.hpp"
#include "util/date.hpp"

namespace {

namespace fs = std::filesystem;
using plan::lsp::json;

struct World {
  std::string root;                // a workspace whose plan/ is part of the shipped plan
  std::vector<std::string> paths;  // files a step may name: the plan's, new ones, outsiders
  std::vector<std::string> texts;  // every plan file of the tests
};

std::string read_all(const fs::path& p) {
  std::string out;
  if (FILE* f = std::fopen(p.c_str(), "rb")) {
    char buf[65536];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) out.append(buf, n);
    std::fclose(f);
  }
  return out;
}

const World& world() {
  static const World w = [] {
    World out;
    const fs::path src = PLAN_SOURCE_DIR;
    char tmpl[] = "/tmp/fuzz-lsp-XXXXXX";
    const char* dir = ::mkdtemp(tmpl);
    if (!dir) std::abort();
    out.root = dir;
    // The shipped plan's metadata, goals, targets and one file of activities: links across
    // files, and small enough to check again at every step.
    std::error_code ec;
    fs::create_directories(fs::path(out.root) / "plan" / "activities", ec);
    for (const char* f : {"plan.yaml", "goals.yaml", "targets.yaml", "activities/01-general.yaml"})
      fs::copy_file(src / "plan" / f, fs::path(out.root) / "plan" / f, ec);
    if (ec) std::abort();
    for (const auto& e : fs::recursive_directory_iterator(fs::path(out.root) / "plan"))
      if (e.is_regular_file()) out.paths.push_back(e.path().string());
    for (const char* extra : {"plan/activities/new.yaml", "plan/new.yml", "plan/.hidden.yaml",
                              "plan/notes.txt", "outside.yaml"})
      out.paths.push_back(out.root + "/" + extra);
    for (const char* folder : {"tests/corpus", "plan"})
      for (const auto& e : fs::recursive_directory_iterator(src / folder, ec))
        if (e.is_regular_file() &&
            (e.path().extension() == ".yaml" || e.path().extension() == ".yml"))
          out.texts.push_back(read_all(e.path()));
    if (out.texts.empty()) std::abort();
    // Removed at exit, after the World itself is gone: a copy of its path that lives on.
    static const std::string* const kRoot = new std::string(out.root);
    std::atexit([] {
      std::error_code ignored;
      fs::remove_all(*kRoot, ignored);
    });
    return out;
  }();
  return w;
}

// Text to insert: pieces a plan is made of, Hebrew and characters outside the BMP, line
// breaks of every kind, a slice of a corpus file, or the input's own bytes.
std::string some_text(FuzzedDataProvider& in, const World& w) {
  static const std::vector<std::string> kPieces{"\n",
                                                "\r\n",
                                                "\r",
                                                " ",
                                                "  ",
                                                "- ",
                                                "id: ",
                                                ": ",
                                                "[",
                                                "]",
                                                ", ",
                                                "{",
                                                "}",
                                                "#",
                                                "'",
                                                "\"",
                                                "T1",
                                                "G1",
                                                "T404",
                                                "A1.2",
                                                "targets: [T1, T2]",
                                                "goals: [G1]",
                                                "status: done",
                                                "- id: x1\n  title: t\n",
                                                "activities:\n",
                                                "שלום",
                                                "הַקְּבוּצָה",
                                                "😀",
                                                "\xE2\x80\xA8",
                                                "\xC2\x85",
                                                "\t",
                                                "&a *a",
                                                "!!str ",
                                                "---\n",
                                                "...\n",
                                                "\xFF",
                                                "\xD7",
                                                std::string(1, '\0')};
  switch (in.ConsumeIntegralInRange<int>(0, 3)) {
    case 0:
      return kPieces[in.ConsumeIntegralInRange<std::size_t>(0, kPieces.size() - 1)];
    case 1: {
      const std::string& t = w.texts[in.ConsumeIntegralInRange<std::size_t>(0, w.texts.size() - 1)];
      const std::size_t at = in.ConsumeIntegralInRange<std::size_t>(0, t.size());
      return t.substr(at, in.ConsumeIntegralInRange<std::size_t>(0, 400));
    }
    default:
      return in.ConsumeRandomLengthString(64);
  }
}

json position(FuzzedDataProvider& in) {
  // Mostly near the text; sometimes far past it, negative or not a number at all.
  switch (in.ConsumeIntegralInRange<int>(0, 9)) {
    case 0:
      return {{"line", in.ConsumeIntegral<std::uint32_t>()},
              {"character", in.ConsumeIntegral<std::uint32_t>()}};
    case 1:
      return {{"line", -1}, {"character", in.ConsumeIntegral<std::int8_t>()}};
    case 2:
      return {{"line", "3"}, {"character", 1.5}};
    default:
      return {{"line", in.ConsumeIntegralInRange<int>(0, 200)},
              {"character", in.ConsumeIntegralInRange<int>(0, 120)}};
  }
}

json range(FuzzedDataProvider& in) {
  return {{"start", position(in)}, {"end", position(in)}};
}

const char* const kRequests[] = {"textDocument/hover",
                                 "textDocument/completion",
                                 "textDocument/definition",
                                 "textDocument/references",
                                 "textDocument/prepareRename",
                                 "textDocument/rename",
                                 "textDocument/documentSymbol",
                                 "workspace/symbol",
                                 "textDocument/codeAction",
                                 "textDocument/inlayHint",
                                 "initialize",
                                 "shutdown",
                                 "textDocument/unheardOf"};

struct Program {
  plan::lsp::Server server;
  plan::lsp::FrameLimits limits{std::size_t{1} << 16, 1024};
  plan::lsp::MessageReader reader{limits};
  std::int64_t next_id = 1;
  std::map<std::string, std::int64_t> versions;  // uri → version, of what is open
  // Requests of this batch that must be answered once (by id's JSON text).
  std::map<std::string, int> expected;
  std::vector<plan::lsp::MessageReader::Frame> batch;
  bool raw = false;  // the batch holds raw frames: ids may repeat, so not counted

  explicit Program(plan::lsp::SessionConfig c) : server(std::move(c), "fuzz") {}

  void add(const json& m) {
    plan::lsp::MessageReader::Frame f;
    f.kind = plan::lsp::MessageReader::Frame::Kind::message;
    f.body = m.dump(-1, ' ', false, json::error_handler_t::replace);
    batch.push_back(std::move(f));
  }
  void request(const std::string& method, json params) {
    const std::int64_t id = next_id++;
    expected[json(id).dump()] = 0;
    add({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
  }
  void notify(const std::string& method, json params) {
    add({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }

  void flush() {
    if (batch.empty()) return;
    const std::vector<json> out = server.handle(batch);
    for (const json& m : out) {
      if (!m.is_object() || m.value("jsonrpc", "") != "2.0") __builtin_trap();
      (void)plan::lsp::frame(m);  // every answer can be written
      const bool is_response = m.contains("id") && !m.contains("method");
      if (!is_response) continue;
      if (m.contains("result") == m.contains("error")) __builtin_trap();
      const std::string key = m["id"].dump();
      auto it = expected.find(key);
      if (it != expected.end()) ++it->second;
    }
    // Each request answered exactly once, unless the batch asked the server to exit
    // (nothing after `exit` is answered) or held raw frames that may reuse an id.
    if (!server.exited() && !raw)
      for (const auto& [id, n] : expected)
        if (n != 1) __builtin_trap();
    expected.clear();
    batch.clear();
    raw = false;
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const World& w = world();
  FuzzedDataProvider in(data, size);
  plan::lsp::SessionConfig config;
  config.as_of = plan::parse_date("2009-06-01");
  config.docs_url = "https://example.org/README.md#diagnostics";
  Program p(std::move(config));

  // Mostly a session that starts as a client starts it; sometimes not (requests before
  // initialize), with capabilities chosen by the input.
  if (in.ConsumeIntegralInRange<int>(0, 15) != 0) {
    json caps = json::object();
    if (in.ConsumeBool()) caps["general"]["positionEncodings"] = {"utf-8"};
    if (in.ConsumeBool()) caps["workspace"]["didChangeWatchedFiles"]["dynamicRegistration"] = true;
    json options = {{"inlayHints", in.ConsumeBool()}, {"yamlLanguageServer", in.ConsumeBool()}};
    p.request("initialize", {{"rootUri", plan::lsp::uri_from_path(w.root)},
                             {"capabilities", caps},
                             {"initializationOptions", options}});
    p.notify("initialized", json::object());
    p.flush();
  }

  for (int steps = 0; steps < 48 && in.remaining_bytes() > 0 && !p.server.exited(); ++steps) {
    const std::string& path =
        w.paths[in.ConsumeIntegralInRange<std::size_t>(0, w.paths.size() - 1)];
    const std::string uri = plan::lsp::uri_from_path(path);
    switch (in.ConsumeIntegralInRange<int>(0, 11)) {
      case 0:
      case 1: {  // open, with a corpus plan's text or the input's bytes
        std::string text =
            in.ConsumeBool()
                ? w.texts[in.ConsumeIntegralInRange<std::size_t>(0, w.texts.size() - 1)]
                : in.ConsumeRandomLengthString(4096);
        p.versions[uri] = 1;
        p.notify("textDocument/didOpen",
                 {{"textDocument",
                   {{"uri", uri}, {"languageId", "yaml"}, {"version", 1}, {"text", text}}}});
        break;
      }
      case 2:
      case 3:
      case 4: {  // several edits in one change, to an open file (or any, sometimes)
        auto it = p.versions.empty() ? p.versions.end() : p.versions.begin();
        if (it != p.versions.end())
          std::advance(it, in.ConsumeIntegralInRange<std::size_t>(0, p.versions.size() - 1));
        const std::string target =
            it != p.versions.end() && in.ConsumeIntegralInRange<int>(0, 7) ? it->first : uri;
        json changes = json::array();
        for (int n = in.ConsumeIntegralInRange<int>(1, 4); n > 0; --n) {
          if (in.ConsumeIntegralInRange<int>(0, 15) == 0)
            changes.push_back({{"text", some_text(in, w)}});
          else
            changes.push_back({{"range", range(in)}, {"text", some_text(in, w)}});
        }
        p.notify("textDocument/didChange",
                 {{"textDocument", {{"uri", target}, {"version", ++p.versions[target]}}},
                  {"contentChanges", changes}});
        break;
      }
      case 5:
        p.versions.erase(uri);
        p.notify("textDocument/didClose", {{"textDocument", {{"uri", uri}}}});
        break;
      case 6:
        p.notify(in.ConsumeBool() ? "textDocument/didSave" : "workspace/didChangeWatchedFiles",
                 {{"textDocument", {{"uri", uri}}},
                  {"changes", {{{"uri", uri}, {"type", in.ConsumeIntegralInRange<int>(1, 3)}}}}});
        break;
      case 7:
      case 8:
      case 9: {  // a request at a random place
        const char* method =
            kRequests[in.ConsumeIntegralInRange<std::size_t>(0, std::size(kRequests) - 1)];
        json params = {{"textDocument", {{"uri", uri}}},
                       {"position", position(in)},
                       {"range", range(in)},
                       {"context",
                        {{"includeDeclaration", in.ConsumeBool()},
                         {"diagnostics", json::array()},
                         {"triggerKind", 1}}},
                       {"newName", some_text(in, w)},
                       {"query", some_text(in, w)}};
        if (in.ConsumeIntegralInRange<int>(0, 15) == 0) params = in.ConsumeRandomLengthString(16);
        p.request(method, std::move(params));
        break;
      }
      case 10: {  // cancel a recent request (maybe of this batch, maybe answered)
        const std::int64_t id = p.next_id - in.ConsumeIntegralInRange<std::int64_t>(0, 3);
        p.notify("$/cancelRequest", {{"id", id}});
        break;
      }
      default: {  // raw bytes through the reader: whatever frames come out are handled
        std::string bytes = in.ConsumeRandomLengthString(512);
        if (in.ConsumeBool())
          bytes = "Content-Length: " + std::to_string(in.ConsumeIntegralInRange<int>(0, 600)) +
                  "\r\n\r\n" + bytes;
        p.reader.feed(bytes);
        for (auto f = p.reader.next(); f.kind != plan::lsp::MessageReader::Frame::Kind::none;
             f = p.reader.next())
          p.batch.push_back(std::move(f));
        p.raw = true;
        if (p.reader.buffered() > p.limits.max_header + p.limits.max_body + bytes.size() + 64)
          __builtin_trap();
        break;
      }
    }
    if (in.ConsumeIntegralInRange<int>(0, 3) == 0) p.flush();  // the stream's batches
  }
  p.flush();
  if (in.ConsumeBool()) {
    p.request("shutdown", nullptr);
    p.notify("exit", nullptr);
    p.flush();
  }
  return 0;
}
