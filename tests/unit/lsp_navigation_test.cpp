// The language server's navigation: definition, references, prepareRename and rename (and
// the id rename as byte edits, edit/rename_id), document and workspace symbols. Each test
// drives plan::lsp::Server with the JSON messages an editor sends.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "edit/rename_id.hpp"
#include "lsp/document.hpp"
#include "lsp/server.hpp"
#include "lsp/uri.hpp"
#include "lsp_client.hpp"
#include "pipeline/checked_plan.hpp"
#include "temp_dir.hpp"

namespace {

using plan::lsp::json;
using plan::lsp::uri_from_path;

// The lead's in-process client, started on a folder, with a request's result picked out.
struct Client : plan::test::LspClient {
  explicit Client(const std::string& root, const json& capabilities = json::object())
      : LspClient(config()) {
    start(root, capabilities);
  }

  static plan::lsp::SessionConfig config() {
    plan::lsp::SessionConfig c;
    c.as_of = plan::Date{2009, 6, 1, true, {}};
    return c;
  }

  json result(const std::string& method, const json& params) {
    const json r = request(method, params);
    REQUIRE_MESSAGE(r.contains("result"), r.dump());
    return r["result"];
  }

  using LspClient::open;
  // Opens a file with its text on disk.
  void open(const std::string& path, int version = 1) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    open(path, text.str(), version);
  }
};

constexpr auto at = &plan::test::LspClient::at;

json range(unsigned l1, unsigned c1, unsigned l2, unsigned c2) {
  return {{"start", {{"line", l1}, {"character", c1}}}, {"end", {{"line", l2}, {"character", c2}}}};
}

json location(const std::string& path, const json& r) {
  return {{"uri", uri_from_path(path)}, {"range", r}};
}

json edit(const json& r, const std::string& text) {
  return {{"range", r}, {"newText", text}};
}

// A small plan over three files: a quoted id, links in flow and block lists, a comment after
// a link, nested activities, Hebrew titles, and an id after Hebrew text on its line.
struct SmallPlan {
  plan::test::TempDir dir;
  std::string goals, targets, acts;
  SmallPlan() {
    dir.write("plan.yaml", "plan:\n  id: p\n  title: Test plan\n");
    dir.write("goals.yaml",
              "goals:\n"
              "  - id: G1\n"                    // 1
              "    title: Growth\n"             // 2
              "  - id: 'G2'\n"                  // 3
              "    title: טיפוח הרעיון\n"       // 4
              "  - {title: טיפוח, id: G3}\n");  // 5
    dir.write("targets.yaml",
              "targets:\n"
              "  - id: T1\n"                     // 1
              "    title: First target\n"        // 2
              "    goals: [G1, 'G2']  # both\n"  // 3
              "  - id: T2\n"                     // 4
              "    title: Second\n"              // 5
              "    goals:\n"                     // 6
              "      - G2 # the idea\n"          // 7
              "      - G3\n"                     // 8
              "      - G9\n");                   // 9
    dir.write("activities/a.yaml",
              "sections:\n"
              "  - id: general\n"              // 1
              "    title: כללי\n"              // 2
              "    activities:\n"              // 3
              "      - id: general.1\n"        // 4
              "        title: קורס\n"          // 5
              "        targets: [T1]\n"        // 6
              "        activities:\n"          // 7
              "          - id: general.1.1\n"  // 8
              "            title: sub\n"       // 9
              "            targets: [T2]\n"    // 10
              "\n"                             // 11
              "      # the second\n"           // 12
              "      - id: general.2\n"        // 13
              "        title: Two\n"           // 14
              "        targets: [T1, T2]\n");  // 15
    goals = (dir.path / "goals.yaml").string();
    targets = (dir.path / "targets.yaml").string();
    acts = (dir.path / "activities/a.yaml").string();
  }
};

}  // namespace

TEST_CASE("definition from a link in another file is the goal's id") {
  SmallPlan p;
  Client c(p.dir.path.string());
  c.open(p.targets);
  CHECK(c.result("textDocument/definition", at(p.targets, 3, 13)) ==
        location(p.goals, range(1, 8, 1, 10)));
  // On the quoted link: the definition's token, quotes and all.
  CHECK(c.result("textDocument/definition", at(p.targets, 3, 17)) ==
        location(p.goals, range(3, 8, 3, 12)));
  // On a definition: itself.
  CHECK(c.result("textDocument/definition", at(p.targets, 1, 8)) ==
        location(p.targets, range(1, 8, 1, 10)));
}

TEST_CASE("definition of an unknown link or off any id is null") {
  SmallPlan p;
  Client c(p.dir.path.string());
  c.open(p.targets);
  CHECK(c.result("textDocument/definition", at(p.targets, 9, 9)).is_null());        // G9
  CHECK_FALSE(c.result("textDocument/definition", at(p.targets, 8, 9)).is_null());  // G3
  CHECK(c.result("textDocument/definition", at(p.targets, 2, 6)).is_null());        // title
  CHECK(c.result("textDocument/definition", at(p.targets, 99, 0)).is_null());       // past the end
}

TEST_CASE("references find every link in every file and honour includeDeclaration") {
  SmallPlan p;
  Client c(p.dir.path.string());
  c.open(p.goals);
  json params = at(p.goals, 3, 9);
  params["context"] = {{"includeDeclaration", true}};
  CHECK(
      c.result("textDocument/references", params) ==
      json::array({location(p.goals, range(3, 8, 3, 12)), location(p.targets, range(3, 16, 3, 20)),
                   location(p.targets, range(7, 8, 7, 10))}));
  params["context"] = {{"includeDeclaration", false}};
  CHECK(c.result("textDocument/references", params).size() == 2);
  // From a link, the same item.
  json from_link = at(p.acts, 15, 23);  // T2 in general.2
  from_link["context"] = {{"includeDeclaration", true}};
  CHECK(
      c.result("textDocument/references", from_link) ==
      json::array({location(p.acts, range(10, 22, 10, 24)), location(p.acts, range(15, 22, 15, 24)),
                   location(p.targets, range(4, 8, 4, 10))}));
}

TEST_CASE("a link to the wrong kind of item still names it for references and rename") {
  plan::test::TempDir dir;
  dir.write("goals.yaml", "goals:\n  - id: G1\n");
  dir.write("targets.yaml", "targets:\n  - id: T1\n    goals: [G1]\n  - id: T2\n    goals: [T1]\n");
  const std::string targets = (dir.path / "targets.yaml").string();
  Client c(dir.path.string());
  json refs = at(targets, 4, 13);
  refs["context"] = {{"includeDeclaration", true}};
  CHECK(
      c.result("textDocument/references", refs) ==
      json::array({location(targets, range(1, 8, 1, 10)), location(targets, range(4, 12, 4, 14))}));
  json params = at(targets, 1, 8);
  params["newName"] = "T-one";
  CHECK(c.result("textDocument/rename", params) ==
        json{{"changes",
              {{uri_from_path(targets), json::array({edit(range(1, 8, 1, 10), "T-one"),
                                                     edit(range(4, 12, 4, 14), "T-one")})}}}});
}

TEST_CASE("rename changes the id text of the definition and every link, keeping quotes") {
  SmallPlan p;
  Client c(p.dir.path.string());
  c.open(p.targets);
  const json r = c.result("textDocument/rename", [&] {
    json j = at(p.targets, 7, 9);
    j["newName"] = "Goal-2";
    return j;
  }());
  CHECK(r ==
        json{{"changes",
              {{uri_from_path(p.goals), json::array({edit(range(3, 9, 3, 11), "Goal-2")})},
               {uri_from_path(p.targets), json::array({edit(range(3, 17, 3, 19), "Goal-2"),
                                                       edit(range(7, 8, 7, 10), "Goal-2")})}}}});
}

TEST_CASE("navigation and rename read the open buffer, not the file on disk") {
  SmallPlan p;
  Client c(p.dir.path.string());
  // Unsaved: a comment line above, and G1 now quoted.
  c.open(p.goals, "# new\ngoals:\n  - id: \"G1\"\n  - id: 'G2'\n", 3);
  CHECK(c.result("textDocument/definition", at(p.targets, 3, 13)) ==
        location(p.goals, range(2, 8, 2, 12)));
  json params = at(p.goals, 2, 9);
  params["newName"] = "G10";
  CHECK(c.result("textDocument/rename", params)["changes"][uri_from_path(p.goals)] ==
        json::array({edit(range(2, 9, 2, 11), "G10")}));
}

TEST_CASE("definition finds an id on the first line of a file with a byte-order mark") {
  plan::test::TempDir dir;
  dir.write("goals.yaml", "\xEF\xBB\xBFgoals: [{id: G1}]\n");
  dir.write("targets.yaml", "targets:\n  - id: T1\n    goals: [G1]\n");
  Client c(dir.path.string());
  // The mark is a character of the file on disk (U+FEFF, one UTF-16 unit).
  CHECK(c.result("textDocument/definition", at((dir.path / "targets.yaml").string(), 2, 13)) ==
        location((dir.path / "goals.yaml").string(), range(0, 14, 0, 16)));
}

TEST_CASE("rename answers with versioned documentChanges when the client takes them") {
  SmallPlan p;
  Client c(p.dir.path.string(), {{"workspace", {{"workspaceEdit", {{"documentChanges", true}}}}}});
  c.open(p.targets, 7);
  json params = at(p.goals, 1, 8);
  params["newName"] = "growth";
  const json r = c.result("textDocument/rename", params);
  REQUIRE(r.contains("documentChanges"));
  CHECK_FALSE(r.contains("changes"));
  CHECK(r["documentChanges"] ==
        json::array({{{"textDocument", {{"uri", uri_from_path(p.goals)}, {"version", nullptr}}},
                      {"edits", json::array({edit(range(1, 8, 1, 10), "growth")})}},
                     {{"textDocument", {{"uri", uri_from_path(p.targets)}, {"version", 7}}},
                      {"edits", json::array({edit(range(3, 12, 3, 14), "growth")})}}}));
}

TEST_CASE("rename refuses an invalid or taken id and allows the same id in another case") {
  SmallPlan p;
  Client c(p.dir.path.string());
  const auto rename_to = [&](const std::string& name) {
    json params = at(p.goals, 1, 8);  // G1
    params["newName"] = name;
    return c.request("textDocument/rename", params);
  };
  for (const std::string& bad :
       std::vector<std::string>{"2G", "G 1", "", "ג1", "G1:x", std::string(65, 'g')}) {
    CAPTURE(bad);
    const json r = rename_to(bad);
    REQUIRE(r.contains("error"));
    CHECK(r["error"]["code"] == -32803);
  }
  CHECK(rename_to("2G")["error"]["message"] ==
        "'2G' is not a valid id: an id is an ASCII letter (A-Z, a-z), then ASCII letters, "
        "digits, '.', '_' or '-'");
  CHECK(rename_to(std::string(65, 'g'))["error"]["message"].get<std::string>().find(
            "65 characters long; an id is at most 64") != std::string::npos);
  const json taken = rename_to("t1");
  REQUIRE(taken.contains("error"));
  CHECK(taken["error"]["message"].get<std::string>().rfind(
            "'t1' is already the id of target 'T1' (", 0) == 0);
  CHECK(rename_to(std::string(64, 'g')).contains("result"));
  const json same = rename_to("g1");
  REQUIRE(same.contains("result"));
  CHECK(same["result"]["changes"][uri_from_path(p.goals)] ==
        json::array({edit(range(1, 8, 1, 10), "g1")}));
  // An unknown link has nothing to rename.
  json unknown = at(p.targets, 9, 8);
  unknown["newName"] = "G4";
  const json r = c.request("textDocument/rename", unknown);
  REQUIRE(r.contains("error"));
  CHECK(r["error"]["message"] ==
        "'G9' names no goal, so there is nothing to rename: correct the link instead");
}

TEST_CASE("prepareRename gives the id text inside its quotes, null off an id") {
  SmallPlan p;
  Client c(p.dir.path.string());
  CHECK(c.result("textDocument/prepareRename", at(p.goals, 3, 10)) ==
        json{{"range", range(3, 9, 3, 11)}, {"placeholder", "G2"}});
  CHECK(c.result("textDocument/prepareRename", at(p.targets, 3, 20)) ==
        json{{"range", range(3, 17, 3, 19)}, {"placeholder", "G2"}});
  CHECK(c.result("textDocument/prepareRename", at(p.goals, 2, 5)).is_null());     // a key
  CHECK(c.result("textDocument/prepareRename", at(p.targets, 3, 24)).is_null());  // a comment
  const json unknown = c.request("textDocument/prepareRename", at(p.targets, 9, 8));
  REQUIRE(unknown.contains("error"));
  CHECK(unknown["error"]["code"] == -32803);
}

TEST_CASE("columns after Hebrew text count UTF-16 code units by default") {
  SmallPlan p;
  // "  - {title: טיפוח, id: G3}": G3 is the 24th character, the 29th byte.
  Client c(p.dir.path.string());
  CHECK(c.result("textDocument/definition", at(p.targets, 8, 8)) ==
        location(p.goals, range(5, 23, 5, 25)));
  CHECK(c.result("textDocument/prepareRename", at(p.goals, 5, 24)) ==
        json{{"range", range(5, 23, 5, 25)}, {"placeholder", "G3"}});
  CHECK(c.result("textDocument/prepareRename", at(p.goals, 5, 29)).is_null());  // past '}'
  json params = at(p.goals, 5, 23);
  params["newName"] = "G-three";
  CHECK(c.result("textDocument/rename", params)["changes"][uri_from_path(p.goals)] ==
        json::array({edit(range(5, 23, 5, 25), "G-three")}));
}

TEST_CASE("columns after Hebrew text count bytes when the client chose UTF-8") {
  SmallPlan p;
  Client c(p.dir.path.string(), {{"general", {{"positionEncodings", {"utf-8", "utf-16"}}}}});
  CHECK(c.result("textDocument/definition", at(p.targets, 8, 8)) ==
        location(p.goals, range(5, 28, 5, 30)));
  CHECK(c.result("textDocument/prepareRename", at(p.goals, 5, 29)) ==
        json{{"range", range(5, 28, 5, 30)}, {"placeholder", "G3"}});
  json params = at(p.goals, 5, 28);
  params["newName"] = "G-three";
  CHECK(c.result("textDocument/rename", params)["changes"][uri_from_path(p.goals)] ==
        json::array({edit(range(5, 28, 5, 30), "G-three")}));
  // Extents that end in Hebrew text end after its bytes.
  const json syms = c.result("textDocument/documentSymbol",
                             {{"textDocument", {{"uri", uri_from_path(p.goals)}}}});
  REQUIRE(syms.size() == 3);
  CHECK(syms[1]["location"] == location(p.goals, range(3, 4, 4, 34)));
  CHECK(syms[2]["location"] == location(p.goals, range(5, 4, 5, 31)));
}

TEST_CASE("document symbols nest activities under their section and parent") {
  SmallPlan p;
  Client c(p.dir.path.string(),
           {{"textDocument", {{"documentSymbol", {{"hierarchicalDocumentSymbolSupport", true}}}}}});
  const json doc = {{"textDocument", {{"uri", uri_from_path(p.acts)}}}};
  const json syms = c.result("textDocument/documentSymbol", doc);
  REQUIRE(syms.size() == 1);
  const json& section = syms[0];
  CHECK(section["name"] == "general");
  CHECK(section["detail"] == "כללי");
  CHECK(section["kind"] == 3);
  CHECK(section["range"] == range(1, 4, 15, 25));
  CHECK(section["selectionRange"] == range(1, 8, 1, 15));
  REQUIRE(section["children"].size() == 2);
  const json& first = section["children"][0];
  CHECK(first["name"] == "general.1");
  CHECK(first["detail"] == "קורס");
  CHECK(first["kind"] == 24);
  // Its extent ends at its child's last line, not at the blank and comment lines after it.
  CHECK(first["range"] == range(4, 8, 10, 25));
  REQUIRE(first["children"].size() == 1);
  CHECK(first["children"][0]["name"] == "general.1.1");
  CHECK(first["children"][0]["selectionRange"] == range(8, 16, 8, 27));
  CHECK_FALSE(first["children"][0].contains("children"));
  CHECK(section["children"][1]["name"] == "general.2");
  CHECK(section["children"][1]["range"] == range(13, 8, 15, 25));

  // Goals and targets in their files, Hebrew titles measured in UTF-16.
  const json goals = c.result("textDocument/documentSymbol",
                              {{"textDocument", {{"uri", uri_from_path(p.goals)}}}});
  REQUIRE(goals.size() == 3);
  CHECK(goals[1]["name"] == "G2");
  CHECK(goals[1]["kind"] == 2);
  CHECK(goals[1]["range"] == range(3, 4, 4, 23));
  CHECK(goals[2]["range"] == range(5, 4, 5, 26));
  CHECK(goals[2]["selectionRange"] == range(5, 23, 5, 25));
}

TEST_CASE("document symbols are a flat list for a client without hierarchical support") {
  SmallPlan p;
  Client c(p.dir.path.string());
  const json syms =
      c.result("textDocument/documentSymbol", {{"textDocument", {{"uri", uri_from_path(p.acts)}}}});
  REQUIRE(syms.size() == 4);
  CHECK(syms[0] == json{{"name", "general"},
                        {"kind", 3},
                        {"location", location(p.acts, range(1, 4, 15, 25))}});
  CHECK(syms[2]["name"] == "general.1.1");
  CHECK(syms[2]["containerName"] == "general.1");
  CHECK(syms[3]["containerName"] == "general");
  CHECK_FALSE(syms[3].contains("children"));
}

TEST_CASE("workspace symbols match an id or a Hebrew title, ignoring case, best first") {
  SmallPlan p;
  Client c(p.dir.path.string());
  const json hebrew = c.result("workspace/symbol", {{"query", "טיפוח"}});
  REQUIRE(hebrew.size() == 2);
  CHECK(hebrew[0]["name"] == "G2 טיפוח הרעיון");
  CHECK(hebrew[0]["kind"] == 2);
  CHECK(hebrew[0]["location"] == location(p.goals, range(3, 8, 3, 12)));
  CHECK(hebrew[1]["name"] == "G3 טיפוח");
  const json ids = c.result("workspace/symbol", {{"query", "GENERAL.1"}});
  REQUIRE(ids.size() == 2);
  CHECK(ids[0]["name"] == "general.1 קורס");
  CHECK(ids[0]["containerName"] == "general");
  CHECK(ids[1]["name"] == "general.1.1 sub");
  CHECK(ids[1]["containerName"] == "general.1");
  CHECK(c.result("workspace/symbol", {{"query", "t1"}}).size() == 1);
  const json all = c.result("workspace/symbol", {{"query", ""}});
  CHECK(all.size() == 9);  // 3 goals, 2 targets, a section, 3 activities
}

TEST_CASE("workspace symbols stop at 200") {
  plan::test::TempDir dir;
  std::string text = "goals:\n";
  for (int i = 0; i < 250; ++i) text += "  - id: G" + std::to_string(i) + "\n    title: x\n";
  dir.write("goals.yaml", text);
  Client c(dir.path.string());
  CHECK(c.result("workspace/symbol", {{"query", "g"}}).size() == 200);
  // The exact id is among them even when it comes last in the plan.
  CHECK(c.result("workspace/symbol", {{"query", "g249"}})[0]["name"] == "G249 x");
}

TEST_CASE("navigation on the shipped plan across its files") {
  const std::string root = PLAN_SOURCE_DIR;
  const std::string targets = root + "/plan/targets.yaml";
  const std::string general = root + "/plan/activities/01-general.yaml";
  Client c(root);
  c.open(general);
  // The line of "  - id: T8" in targets.yaml, read from the file.
  std::ifstream in(targets);
  unsigned line = 0, t8 = 0;
  for (std::string l; std::getline(in, l); ++line)
    if (l == "  - id: T8") t8 = line;
  REQUIRE(t8 > 0);
  // general.1's `targets: [T8]` is line 10.
  CHECK(c.result("textDocument/definition", at(general, 10, 19)) ==
        location(targets, range(t8, 8, t8, 10)));
  json refs = at(targets, t8, 9);
  refs["context"] = {{"includeDeclaration", false}};
  const json found = c.result("textDocument/references", refs);
  CHECK(found.size() >= 1);
  for (const json& l : found) CHECK(l["uri"] != uri_from_path(targets));
  const json sym = c.result("workspace/symbol", {{"query", "הברית השיתופית"}});
  REQUIRE(sym.size() >= 1);
  CHECK(sym[0]["name"].get<std::string>().rfind("T3 ", 0) == 0);
}

// edit/rename_id over texts held in memory.
namespace {
using Files = std::vector<std::pair<std::string, std::string>>;
struct Loaded {
  std::vector<std::string> texts;
  std::unique_ptr<plan::CheckedPlan> c;
  explicit Loaded(Files files) {
    std::vector<plan::SourceText> sources;
    texts.emplace_back();
    for (auto& [path, text] : files) {
      texts.push_back(text);
      sources.push_back({path, text, "", false, false});
    }
    c = plan::check_sources("p", std::move(sources));
  }
  std::vector<std::string_view> views() const {
    return std::vector<std::string_view>(texts.begin(), texts.end());
  }
};
}  // namespace

TEST_CASE("rename_id edits an aliased link once and quotes an id that would read as null") {
  Loaded l(
      Files{{"p/goals.yaml", "goals:\n  - id: &g1 G1\n  - id: G2\n"},
            {"p/targets.yaml",
             "targets:\n  - id: T1\n    goals: &both [G1, G2]\n  - id: T2\n    goals: *both\n"}});
  const plan::ItemRef* g1 = l.c->index->find("G1");
  REQUIRE(g1);
  plan::Message error;
  const auto edits = plan::rename_id(*l.c->index, *g1, "null", l.views(), error);
  REQUIRE_MESSAGE(edits, plan::render_message(error));
  REQUIRE(edits->size() == 2);
  CHECK((*edits)[0].file == 1);
  CHECK(l.texts[1].substr((*edits)[0].begin, (*edits)[0].end - (*edits)[0].begin) == "G1");
  CHECK((*edits)[0].text == "'null'");
  CHECK((*edits)[1].file == 2);
  CHECK((*edits)[1].begin == l.texts[2].find("G1"));
}

TEST_CASE("rename_id refuses an id written as a block scalar") {
  Loaded l(Files{{"p/goals.yaml", "goals:\n  - id: |-\n      G1\n"},
                 {"p/targets.yaml", "targets:\n  - id: T1\n    goals: [G1]\n"}});
  const plan::ItemRef* g1 = l.c->index->find("G1");
  REQUIRE(g1);
  plan::Message error;
  CHECK_FALSE(plan::rename_id(*l.c->index, *g1, "G5", l.views(), error));
  CHECK(plan::render_message(error).find("block scalar") != std::string::npos);
}

TEST_CASE("rename_id counts columns after a byte-order mark") {
  Loaded l(Files{{"p/goals.yaml", "\xEF\xBB\xBFgoals: [{id: G1}]\n"}});
  const plan::ItemRef* g1 = l.c->index->find("G1");
  REQUIRE(g1);
  plan::Message error;
  const auto edits = plan::rename_id(*l.c->index, *g1, "G7", l.views(), error);
  REQUIRE_MESSAGE(edits, plan::render_message(error));
  REQUIRE(edits->size() == 1);
  CHECK((*edits)[0].begin == l.texts[1].find("G1"));
}

TEST_CASE("rename_id refuses while a file of the plan cannot be read") {
  Loaded l(Files{{"p/goals.yaml", "goals:\n  - id: G1\n"},
                 {"p/targets.yaml", "targets:\n  - id: T1\n    goals: [G1\n"}});
  const plan::ItemRef* g1 = l.c->index->find("G1");
  REQUIRE(g1);
  plan::Message error;
  CHECK_FALSE(plan::rename_id(*l.c->index, *g1, "G5", l.views(), error));
  CHECK(plan::render_message(error) ==
        "p/targets.yaml could not be read (see its errors), so links to the id there would be "
        "missed; correct it first");
}

TEST_CASE("a rename of the shipped plan applied to its files checks as before, with the new id") {
  const std::string root = PLAN_SOURCE_DIR;
  const std::string targets = root + "/plan/targets.yaml";
  Client c(root);
  std::ifstream in(targets);
  unsigned line = 0, t8 = 0;
  for (std::string l; std::getline(in, l); ++line)
    if (l == "  - id: T8") t8 = line;
  REQUIRE(t8 > 0);
  json params = at(targets, t8, 8);
  params["newName"] = "Target-8";
  const json changes = c.result("textDocument/rename", params)["changes"];
  REQUIRE(changes.size() >= 2);

  // Every file of the plan, as it is and with the edits applied (from the end backwards).
  std::vector<plan::SourceText> before, after;
  std::vector<std::string> paths;
  for (const auto& e : std::filesystem::recursive_directory_iterator(root + "/plan"))
    if (e.path().extension() == ".yaml") paths.push_back(e.path().string());
  std::sort(paths.begin(), paths.end());
  std::size_t edited = 0;
  for (const std::string& path : paths) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream text;
    text << f.rdbuf();
    before.push_back({path, text.str(), "", false, false});
    plan::lsp::Document doc(text.str());
    const std::string uri = uri_from_path(path);
    if (changes.contains(uri)) {
      std::vector<json> edits(changes[uri].begin(), changes[uri].end());
      std::reverse(edits.begin(), edits.end());
      for (const json& e : edits) {
        const auto a =
            doc.offset_at({e["range"]["start"]["line"], e["range"]["start"]["character"]},
                          plan::lsp::Encoding::utf16);
        const auto b = doc.offset_at({e["range"]["end"]["line"], e["range"]["end"]["character"]},
                                     plan::lsp::Encoding::utf16);
        CHECK(doc.text().substr(a, b - a) == "T8");
        std::string t = doc.text();
        t.replace(a, b - a, e["newText"].get<std::string>());
        doc.set_text(t);
        ++edited;
      }
    }
    after.push_back({path, doc.text(), "", false, false});
  }
  const auto old_plan = plan::check_sources("plan", std::move(before));
  const auto new_plan = plan::check_sources("plan", std::move(after));
  CHECK(new_plan->errors == old_plan->errors);
  CHECK(new_plan->warnings == old_plan->warnings);
  CHECK(new_plan->diags.size() == old_plan->diags.size());
  REQUIRE(new_plan->index->find("Target-8"));
  CHECK_FALSE(new_plan->index->find("T8"));
  // Every link to T8 was edited: the definition and the links are the edits.
  std::size_t links = 0;
  for (const auto& e : old_plan->index->activities())
    for (const plan::Ref& r : e.activity->targets.value) links += r.id == "T8";
  CHECK(edited == links + 1);
}
