// The language server's editing aids (completion, hover, inlay hints, code actions), driven
// through plan::lsp::Server with JSON messages as an editor sends them.
#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <vector>

#include "lsp/server.hpp"
#include "lsp/uri.hpp"
#include "temp_dir.hpp"
#include "util/date.hpp"

using plan::lsp::json;

namespace {

const char* kPlan =
    "plan:\n"
    "  title: תוכנית בדיקה\n"
    "  language: he\n"
    "  period: {start: 2009-01-01, end: 2009-12-31}\n"
    "  status: final\n";
const char* kGoals =
    "goals:\n"
    "  - id: G1\n"
    "    title: מטרה ראשונה\n"
    "  - id: G2\n"
    "    title: מטרה שנייה\n"
    "  - id: G10\n"
    "    title: מטרה עשירית\n";
const char* kTargets =
    "targets:\n"
    "  - id: T1\n"
    "    title: יעד אחד\n"
    "    goals:\n"
    "      - G1\n"
    "    owner: צוות הדרכה\n"
    "    partners: [אגף חברה]\n"
    "  - id: T2\n"
    "    title: יעד שני\n"
    "    goals: [G2]\n";
const char* kWork =
    "sections:\n"
    "  - id: s1\n"
    "    title: פרק\n"
    "    activities:\n"
    "      - id: a1\n"
    "        title: פעילות א\n"
    "        targets: [T1]\n"
    "        status: done\n"
    "        owner: רכז\n"
    "      - id: a2\n"
    "        title: פעילות ב\n"
    "        targets: [T1, T2]\n"
    "        partners: [אגף חברה, \"מחלקה: כלכלית\"]\n"
    "        activities:\n"
    "          - id: a2.1\n"
    "            title: תת פעילות\n"
    "            status: in-progress\n"
    "            percent: 40\n";

// A plan folder (plan/ below a temporary root) and a server started on the root.
struct Editor {
  plan::test::TempDir dir;
  plan::lsp::Server server{config()};
  int next_id = 1;

  static plan::lsp::SessionConfig config() {
    plan::lsp::SessionConfig c;
    c.as_of = plan::parse_date("2009-07-02");
    return c;
  }

  explicit Editor(json init_options = nullptr, bool utf8 = false, const char* locale = nullptr) {
    dir.write("plan/plan.yaml", kPlan);
    dir.write("plan/goals.yaml", kGoals);
    dir.write("plan/targets.yaml", kTargets);
    dir.write("plan/work.yaml", kWork);
    json params{{"processId", nullptr},
                {"rootUri", plan::lsp::uri_from_path(dir.path.string())},
                {"capabilities", json::object()}};
    if (utf8) params["capabilities"]["general"]["positionEncodings"] = {"utf-8", "utf-16"};
    if (!init_options.is_null()) params["initializationOptions"] = init_options;
    if (locale) params["locale"] = locale;
    request("initialize", params);
    server.handle(json{{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});
  }

  std::string uri(const std::string& file) const {
    return plan::lsp::uri_from_path((dir.path / "plan" / file).string());
  }

  json request(const std::string& method, const json& params) {
    const int id = next_id++;
    const auto out =
        server.handle(json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}});
    for (const json& m : out)
      if (m.contains("id") && m["id"] == id && !m.contains("method")) {
        REQUIRE_MESSAGE(!m.contains("error"), m.dump());
        return m.contains("result") ? m["result"] : json();
      }
    FAIL("no answer to " << method);
    return {};
  }

  void open(const std::string& file, const std::string& text) {
    server.handle(
        json{{"jsonrpc", "2.0"},
             {"method", "textDocument/didOpen"},
             {"params",
              {{"textDocument",
                {{"uri", uri(file)}, {"languageId", "yaml"}, {"version", 1}, {"text", text}}}}}});
  }

  void change(const std::string& file, const std::string& text, int version = 2) {
    server.handle(json{{"jsonrpc", "2.0"},
                       {"method", "textDocument/didChange"},
                       {"params",
                        {{"textDocument", {{"uri", uri(file)}, {"version", version}}},
                         {"contentChanges", {{{"text", text}}}}}}});
  }

  json at(const std::string& method, const std::string& file, unsigned line, unsigned character) {
    return request(method, {{"textDocument", {{"uri", uri(file)}}},
                            {"position", {{"line", line}, {"character", character}}}});
  }
};

json range(unsigned l1, unsigned c1, unsigned l2, unsigned c2) {
  return {{"start", {{"line", l1}, {"character", c1}}}, {"end", {{"line", l2}, {"character", c2}}}};
}

// "label|detail" of each item, in order.
std::vector<std::string> labels(const json& list) {
  std::vector<std::string> out;
  if (!list.is_object() || !list.contains("items")) return out;
  for (const json& item : list["items"])
    out.push_back(item.value("label", "") + "|" + item.value("detail", ""));
  return out;
}

// The one edit every item of a list makes (they all replace the same text).
json edit_range(const json& list) {
  REQUIRE(list.is_object());
  REQUIRE(!list["items"].empty());
  const json r = list["items"][0]["textEdit"]["range"];
  for (const json& item : list["items"]) CHECK(item["textEdit"]["range"] == r);
  return r;
}

}  // namespace

TEST_CASE("lsp completion: a target's block goals list offers the other goal ids with titles") {
  Editor e;
  std::string text = kTargets;
  text.replace(text.find("      - G1\n") + 11, 0, "      - \n");
  e.open("targets.yaml", text);
  const json list = e.at("textDocument/completion", "targets.yaml", 5, 8);
  CHECK(labels(list) == std::vector<std::string>{"G2|מטרה שנייה", "G10|מטרה עשירית"});
  CHECK(edit_range(list) == range(5, 8, 5, 8));
  CHECK(list["items"][0]["kind"] == 18);
  CHECK(list["items"][0]["textEdit"]["newText"] == "G2");
  // The plan's order survives a client's sort: G2 before G10.
  CHECK(list["items"][0]["sortText"] < list["items"][1]["sortText"]);

  // A partly typed id is replaced whole; the one being typed is not "already listed".
  text = kTargets;
  text.replace(text.find("      - G1\n"), 11, "      - G1\n      - g\n");
  e.change("targets.yaml", text);
  const json typed = e.at("textDocument/completion", "targets.yaml", 5, 9);
  CHECK(labels(typed) == std::vector<std::string>{"G2|מטרה שנייה", "G10|מטרה עשירית"});
  CHECK(edit_range(typed) == range(5, 8, 5, 9));
}

TEST_CASE("lsp completion: a target's flow goals list and the compact block style") {
  Editor e;
  std::string text = kTargets;
  text.replace(text.find("goals: [G2]"), 11, "goals: [G2, ]");
  e.open("targets.yaml", text);
  const json list = e.at("textDocument/completion", "targets.yaml", 9, 16);
  CHECK(labels(list) == std::vector<std::string>{"G1|מטרה ראשונה", "G10|מטרה עשירית"});
  CHECK(edit_range(list) == range(9, 16, 9, 16));
  // On G2 itself: G2 is what gets replaced, so it is offered too.
  const json first = e.at("textDocument/completion", "targets.yaml", 9, 12);
  CHECK(labels(first) ==
        std::vector<std::string>{"G1|מטרה ראשונה", "G2|מטרה שנייה", "G10|מטרה עשירית"});
  CHECK(edit_range(first) == range(9, 12, 9, 14));
  // Outside the brackets: nothing.
  CHECK(e.at("textDocument/completion", "targets.yaml", 9, 11).is_null());

  // "goals:" with its items at its own indentation, and a bare '-' just typed.
  e.change("targets.yaml", "targets:\n- id: T1\n  title: x\n  goals:\n  - G10\n  -\n  owner: y\n");
  const json compact = e.at("textDocument/completion", "targets.yaml", 5, 3);
  CHECK(labels(compact) == std::vector<std::string>{"G1|מטרה ראשונה", "G2|מטרה שנייה"});
  CHECK(compact["items"][0]["textEdit"]["newText"] == " G1");
  // The plan's top-level goals list is not a list of links.
  e.change("targets.yaml", "goals:\n  - \n");
  CHECK(e.at("textDocument/completion", "targets.yaml", 1, 4).is_null());
}

TEST_CASE("lsp completion: an activity's targets, also in a buffer that does not parse") {
  Editor e;
  std::string text = kWork;
  text.replace(text.find("targets: [T1, T2]"), 17, "targets: [T1, t]");
  e.open("work.yaml", text);
  const json list = e.at("textDocument/completion", "work.yaml", 11, 23);
  CHECK(labels(list) == std::vector<std::string>{"T2|יעד שני"});
  CHECK(edit_range(list) == range(11, 22, 11, 23));

  // A block list in a sub-activity, while a line below breaks the YAML.
  text = kWork;
  text += "            targets:\n              - \n        title: [unclosed\n";
  e.change("work.yaml", text);
  const json block = e.at("textDocument/completion", "work.yaml", 19, 16);
  CHECK(labels(block) == std::vector<std::string>{"T1|יעד אחד", "T2|יעד שני"});
}

TEST_CASE("lsp completion: status values of an activity and of the plan") {
  Editor e;
  std::string text = kWork;
  text.replace(text.find("status: done"), 12, "status: d");
  e.open("work.yaml", text);
  const json list = e.at("textDocument/completion", "work.yaml", 7, 17);
  CHECK(labels(list) ==
        std::vector<std::string>{"planned|", "in-progress|", "done|", "blocked|", "dropped|"});
  CHECK(edit_range(list) == range(7, 16, 7, 17));
  CHECK(list["items"][2]["kind"] == 20);

  std::string plan = kPlan;
  plan.replace(plan.find("status: final"), 13, "status:");
  e.open("plan.yaml", plan);
  const json of_plan = e.at("textDocument/completion", "plan.yaml", 4, 9);
  CHECK(labels(of_plan) == std::vector<std::string>{"draft|", "final|"});
  // After a bare ':' the value needs its space.
  CHECK(of_plan["items"][1]["textEdit"]["newText"] == " final");
  CHECK(edit_range(of_plan) == range(4, 9, 4, 9));
}

TEST_CASE("lsp completion: owners and partners already used in the plan") {
  Editor e;
  std::string text = kWork;
  text.replace(text.find("owner: רכז"), std::string("owner: רכז").size(), "owner: ");
  e.open("work.yaml", text);
  // Byte order of the names; the one this buffer no longer has is gone.
  const json list = e.at("textDocument/completion", "work.yaml", 8, 15);
  CHECK(labels(list) ==
        std::vector<std::string>{"אגף חברה|partner", "מחלקה: כלכלית|partner", "צוות הדרכה|owner"});
  // A name that YAML would read as a key is quoted.
  CHECK(list["items"][1]["textEdit"]["newText"] == "\"מחלקה: כלכלית\"");

  // In a partners list: the names not listed there yet. Columns in UTF-16 code units: the
  // Hebrew name before the cursor is 8 units (16 bytes).
  e.open("targets.yaml",
         std::string(kTargets).replace(std::string(kTargets).find("[אגף חברה]"),
                                       std::string("[אגף חברה]").size(), "[אגף חברה, ]"));
  const json partners = e.at("textDocument/completion", "targets.yaml", 6, 25);
  // (רכז is gone: the open buffer of work.yaml no longer names that owner.)
  CHECK(labels(partners) == std::vector<std::string>{"מחלקה: כלכלית|partner", "צוות הדרכה|owner"});
  CHECK(edit_range(partners) == range(6, 25, 6, 25));
}

TEST_CASE("lsp completion: columns in UTF-8 when the client chose it") {
  Editor e(nullptr, true);
  const std::string line = "    partners: [אגף חברה, ]";
  std::string text = kTargets;
  text.replace(text.find("    partners: [אגף חברה]"),
               std::string("    partners: [אגף חברה]").size(), line);
  e.open("targets.yaml", text);
  const unsigned col = static_cast<unsigned>(line.size() - 1);  // before ']', in bytes
  const json list = e.at("textDocument/completion", "targets.yaml", 6, col);
  CHECK(edit_range(list) == range(6, col, 6, col));
  // The same column counted in UTF-16 units would fall inside the line's Hebrew: not here.
  CHECK(labels(list).size() == 3);
}

TEST_CASE("lsp hover: a goal id, where defined and where a target links to it") {
  Editor e;
  e.open("goals.yaml", kGoals);
  const json on_definition = e.at("textDocument/hover", "goals.yaml", 1, 9);
  const std::string expected =
      "**goal `G1`**: מטרה ראשונה\n\n"
      "completion: 70% · pace: 49% (ahead)\n\n"
      "activities: 1 planned, 1 done\n\n"
      "targets:\n"
      "- `T1` 70% יעד אחד";
  CHECK(on_definition["contents"]["kind"] == "markdown");
  CHECK(on_definition["contents"]["value"] == expected);
  CHECK(on_definition["range"] == range(1, 8, 1, 10));

  e.open("targets.yaml", kTargets);
  const json on_link = e.at("textDocument/hover", "targets.yaml", 4, 9);
  CHECK(on_link["contents"]["value"] == expected);
  CHECK(on_link["range"] == range(4, 8, 4, 10));
}

TEST_CASE("lsp hover: a target, an activity and an unknown link") {
  Editor e;
  e.open("targets.yaml", kTargets);
  CHECK(e.at("textDocument/hover", "targets.yaml", 7, 8)["contents"]["value"] ==
        "**target `T2`**: יעד שני\n\n"
        "completion: 40% · pace: 49% (behind)\n\n"
        "activities: 1 planned\n\n"
        "goals:\n"
        "- `G2` 40% מטרה שנייה");
  e.open("work.yaml", kWork);
  CHECK(e.at("textDocument/hover", "work.yaml", 9, 14)["contents"]["value"] ==
        "**activity `a2`**: פעילות ב\n\n"
        "status: planned\n\n"
        "completion: 40% · pace: 49% (behind)\n\n"
        "sub-activities: 1 in-progress\n\n"
        "targets:\n"
        "- `T1` 70% יעד אחד\n"
        "- `T2` 40% יעד שני");
  CHECK(e.at("textDocument/hover", "work.yaml", 14, 16)["contents"]["value"] ==
        "**activity `a2.1`**: תת פעילות\n\n"
        "status: in-progress\n\n"
        "completion: 40% · pace: 49% (behind)\n\n"
        "targets (from its parent):\n"
        "- `T1` 70% יעד אחד\n"
        "- `T2` 40% יעד שני");
  std::string text = kWork;
  text.replace(text.find("targets: [T1]"), 13, "targets: [T9]");
  e.change("work.yaml", text);
  const json unknown = e.at("textDocument/hover", "work.yaml", 6, 19);
  CHECK(unknown["contents"]["value"] == "**target `T9`**: not in the plan");
  CHECK(unknown["range"] == range(6, 18, 6, 20));
}

TEST_CASE("lsp hover: a key's description from the schema, in the plan's language") {
  Editor e;
  e.open("work.yaml", kWork);
  const json status = e.at("textDocument/hover", "work.yaml", 7, 10);  // an activity's
  CHECK(status["contents"]["value"] == "**status**: מצב הפעילות; ברירת המחדל planned (מתוכננת).");
  CHECK(status["range"] == range(7, 8, 7, 14));
  // The same word under `plan:` is the plan's status.
  e.open("plan.yaml", kPlan);
  CHECK(e.at("textDocument/hover", "plan.yaml", 4, 3)["contents"]["value"] ==
        "**status**: מצב מסמך התוכנית.");
  // A key inside a flow mapping, and `title` of a target (not of an activity).
  CHECK(e.at("textDocument/hover", "plan.yaml", 3, 12)["contents"]["value"] ==
        "**start**: היום הראשון בתקופת התוכנית.");
  e.open("targets.yaml", kTargets);
  CHECK(e.at("textDocument/hover", "targets.yaml", 2, 5)["contents"]["value"] ==
        "**title**: כותרת היעד, כפי שתופיע בדוחות.");
  // On a value that is no id: nothing.
  CHECK(e.at("textDocument/hover", "targets.yaml", 2, 14).is_null());

  // A plan in English gets the English part.
  std::string english = kPlan;
  english.replace(english.find("language: he"), 12, "language: en");
  e.change("plan.yaml", english);
  CHECK(e.at("textDocument/hover", "plan.yaml", 4, 3)["contents"]["value"] ==
        "**status**: The status of the plan document.");
}

TEST_CASE("lsp hover: a plan that names no language gets the client's locale, else English") {
  std::string plan = kPlan;
  plan.erase(plan.find("  language: he\n"), 15);
  Editor hebrew(nullptr, false, "he-IL");
  hebrew.open("plan.yaml", plan);
  CHECK(hebrew.at("textDocument/hover", "plan.yaml", 3, 3)["contents"]["value"] ==
        "**status**: מצב מסמך התוכנית.");
  Editor none;
  none.open("plan.yaml", plan);
  CHECK(none.at("textDocument/hover", "plan.yaml", 3, 3)["contents"]["value"] ==
        "**status**: The status of the plan document.");
  // The plan's language wins over the client's.
  Editor english(nullptr, false, "en-US");
  english.open("plan.yaml", kPlan);
  CHECK(english.at("textDocument/hover", "plan.yaml", 4, 3)["contents"]["value"] ==
        "**status**: מצב מסמך התוכנית.");
}

TEST_CASE("lsp inlay hints: completion after each id line, within the range") {
  Editor e;
  e.open("work.yaml", kWork);
  const json all =
      e.request("textDocument/inlayHint",
                {{"textDocument", {{"uri", e.uri("work.yaml")}}}, {"range", range(0, 0, 18, 0)}});
  REQUIRE(all.is_array());
  std::vector<std::string> got;
  for (const json& h : all)
    got.push_back(std::to_string(h["position"]["line"].get<int>()) + ":" +
                  std::to_string(h["position"]["character"].get<int>()) +
                  h["label"].get<std::string>());
  CHECK(got == std::vector<std::string>{"4:14 100%", "9:14 40%", "14:20 40%"});
  CHECK(all[0]["tooltip"] == "activity a1: 100% complete");
  // Only the lines asked for.
  const json some =
      e.request("textDocument/inlayHint",
                {{"textDocument", {{"uri", e.uri("work.yaml")}}}, {"range", range(5, 0, 14, 0)}});
  REQUIRE(some.size() == 1);
  CHECK(some[0]["label"] == " 40%");
  CHECK(some[0]["position"] == json{{"line", 9}, {"character", 14}});
  // A Hebrew line is measured in UTF-16 units: 32 here (43 bytes).
  e.open("goals.yaml",
         "goals:\n  - {id: G1, title: מטרה ראשונה}\n  - {id: G2, title: מטרה שנייה}\n"
         "  - {id: G10, title: מטרה עשירית}\n");
  const json goals =
      e.request("textDocument/inlayHint",
                {{"textDocument", {{"uri", e.uri("goals.yaml")}}}, {"range", range(0, 0, 9, 0)}});
  REQUIRE(goals.size() == 2);  // G10 has no target: nothing to measure, no hint
  CHECK(goals[0]["label"] == " 70%");
  CHECK(goals[0]["position"] == json{{"line", 1}, {"character", 32}});
}

TEST_CASE("lsp inlay hints: none when the client turned them off") {
  Editor off(json{{"inlayHints", false}});
  off.open("work.yaml", kWork);
  CHECK(off.request("textDocument/inlayHint", {{"textDocument", {{"uri", off.uri("work.yaml")}}},
                                               {"range", range(0, 0, 18, 0)}}) == json::array());
}

namespace {
// The quick fixes offered on one line of a file.
json fixes(Editor& e, const std::string& file, unsigned line) {
  return e.request("textDocument/codeAction", {{"textDocument", {{"uri", e.uri(file)}}},
                                               {"range", range(line, 0, line, 0)},
                                               {"context", {{"diagnostics", json::array()}}}});
}

// The one action's edit, as "file line:col-line:col newText".
std::string edit_of(const Editor& e, const json& action, const std::string& file) {
  const json& changes = action["edit"]["changes"];
  REQUIRE(changes.size() == 1);
  REQUIRE(changes.contains(e.uri(file)));
  const json& edits = changes[e.uri(file)];
  REQUIRE(edits.size() == 1);
  const json& r = edits[0]["range"];
  return std::to_string(r["start"]["line"].get<int>()) + ":" +
         std::to_string(r["start"]["character"].get<int>()) + "-" +
         std::to_string(r["end"]["line"].get<int>()) + ":" +
         std::to_string(r["end"]["character"].get<int>()) + " " +
         edits[0]["newText"].get<std::string>();
}
}  // namespace

TEST_CASE("lsp code actions: a quick fix for an unknown goal and an unknown target") {
  Editor e;
  std::string targets = kTargets;
  targets.replace(targets.find("goals: [G2]"), 11, "goals: ['G3']");
  e.open("targets.yaml", targets);
  const json goal = fixes(e, "targets.yaml", 9);
  REQUIRE(goal.size() == 1);
  CHECK(goal[0]["title"] == "Change to 'G1'");
  CHECK(goal[0]["kind"] == "quickfix");
  CHECK(goal[0]["isPreferred"] == true);
  CHECK(goal[0]["diagnostics"][0]["code"] == "unknown-goal");
  CHECK(goal[0]["diagnostics"][0]["range"] == range(9, 12, 9, 16));
  // Inside the quotes: they stay.
  CHECK(edit_of(e, goal[0], "targets.yaml") == "9:13-9:15 G1");
  // Another line: nothing.
  CHECK(fixes(e, "targets.yaml", 8) == json::array());

  std::string work = kWork;
  work.replace(work.find("targets: [T1, T2]"), 17, "targets: [T1, T3]");
  e.open("work.yaml", work);
  const json target = fixes(e, "work.yaml", 11);
  REQUIRE(target.size() == 1);
  CHECK(target[0]["diagnostics"][0]["code"] == "unknown-target");
  CHECK(edit_of(e, target[0], "work.yaml") == "11:22-11:24 T1");
}

TEST_CASE("lsp code actions: a quick fix for an unknown key and an unknown status") {
  // With yaml-language-server beside it, unknown-key is not published by plan, yet its fix
  // is still offered: the actions come from the server's own diagnostics.
  Editor e(json{{"yamlLanguageServer", true}});
  std::string work = kWork;
  work.replace(work.find("        status: done"), 20, "        statsu: done");
  work.replace(work.find("status: in-progress"), 19, "status: in progres");
  e.open("work.yaml", work);
  const json key = fixes(e, "work.yaml", 7);
  REQUIRE(key.size() == 1);
  CHECK(key[0]["diagnostics"][0]["code"] == "unknown-key");
  CHECK(key[0]["title"] == "Change to 'status'");
  CHECK(edit_of(e, key[0], "work.yaml") == "7:8-7:14 status");
  const json status = fixes(e, "work.yaml", 16);
  REQUIRE(status.size() == 1);
  CHECK(status[0]["diagnostics"][0]["code"] == "unknown-status");
  CHECK(edit_of(e, status[0], "work.yaml") == "16:20-16:30 in-progress");
  // A client that wants only refactorings gets none.
  CHECK(e.request("textDocument/codeAction",
                  {{"textDocument", {{"uri", e.uri("work.yaml")}}},
                   {"range", range(7, 0, 7, 0)},
                   {"context", {{"diagnostics", json::array()}, {"only", {"refactor"}}}}}) ==
        json::array());
}

TEST_CASE("lsp aids: odd params get an empty answer, never an error") {
  Editor e;
  e.open("work.yaml", kWork);
  const std::string uri = e.uri("work.yaml");
  for (const char* method : {"textDocument/completion", "textDocument/hover",
                             "textDocument/inlayHint", "textDocument/codeAction"}) {
    CAPTURE(method);
    // A position far past the end, a missing position, a wrong type, an unknown file.
    const json far = e.request(method, {{"textDocument", {{"uri", uri}}},
                                        {"position", {{"line", 99999}, {"character", 99999}}},
                                        {"range", range(99999, 0, 99999, 5)}});
    CHECK((far.is_null() || far == json::array()));
    // No position or range: no error (an inlay hint request without a range gets the file's).
    e.request(method, {{"textDocument", {{"uri", uri}}}});
    const json wrong = e.request(method, {{"textDocument", 5}, {"position", "x"}, {"range", 3}});
    CHECK((wrong.is_null() || wrong == json::array()));
    const json other = e.request(method, {{"textDocument", {{"uri", "file:///nowhere/x.yaml"}}},
                                          {"position", {{"line", 0}, {"character", 0}}},
                                          {"range", range(0, 0, 1, 0)}});
    CHECK((other.is_null() || other == json::array()));
  }
  // A line of 200,000 nested brackets or mappings: read to a bounded depth, no crash.
  for (const char* open : {"[", "{a: ", "[{a: "}) {
    std::string deep = "targets:\n  - id: T1\n    goals: ";
    for (int i = 0; i < 200000; ++i) deep += open;
    e.open("targets.yaml", deep);
    for (unsigned c : {0u, 11u, 12u, 5000u, 400000u, 2000000u}) {
      CHECK(e.at("textDocument/completion", "targets.yaml", 2, c).is_null());
      e.at("textDocument/hover", "targets.yaml", 2, c);
    }
  }
  // Past the end of a line, on a line with a key: the key's value, not a crash.
  const json past = e.at("textDocument/completion", "work.yaml", 7, 500);
  CHECK(labels(past).size() == 5);
}

TEST_CASE("lsp aids on the shipped plan: Hebrew titles, and every position answered") {
  plan::lsp::SessionConfig config;
  config.as_of = plan::parse_date("2009-07-02");
  plan::lsp::Server server(config);
  int id = 0;
  const auto ask = [&](const std::string& method, const json& params) {
    const auto out = server.handle(
        json{{"jsonrpc", "2.0"}, {"id", ++id}, {"method", method}, {"params", params}});
    for (const json& m : out)
      if (m.contains("id") && m["id"] == id && !m.contains("method")) {
        REQUIRE_MESSAGE(!m.contains("error"), method << " " << params.dump() << " " << m.dump());
        return m.value("result", json());
      }
    FAIL("no answer");
    return json();
  };
  ask("initialize",
      {{"rootUri", plan::lsp::uri_from_path(PLAN_SOURCE_DIR)}, {"capabilities", json::object()}});
  server.handle(json{{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});
  const std::string targets = plan::lsp::uri_from_path(PLAN_SOURCE_DIR "/plan/targets.yaml");
  // T1's goals: [G2, G5] on line 7; at the end of G5 (which a choice replaces), every goal
  // but G2.
  const json list =
      ask("textDocument/completion",
          {{"textDocument", {{"uri", targets}}}, {"position", {{"line", 6}, {"character", 18}}}});
  CHECK(labels(list) == std::vector<std::string>{"G1|טיפוח הרעיון השיתופי בתנועה הקיבוצית",
                                                 "G3|חיזוק הקשר עם הקבוצות השיתופיות",
                                                 "G4|טיפוח חדשנות שיתופית",
                                                 "G5|העמקת ההדרכה והליווי השיתופי",
                                                 "G6|ייצוג האינטרסים השיתופיים בתנועה ובחוץ",
                                                 "G7|השתתפות במאבק על אופייה של החברה בישראל"});
  const json hover = ask("textDocument/hover", {{"textDocument", {{"uri", targets}}},
                                                {"position", {{"line", 6}, {"character", 13}}}});
  CHECK(hover["contents"]["value"].get<std::string>().rfind(
            "**goal `G2`**: חיזוק הקיבוצים השיתופיים\n\n", 0) == 0);
  // Every position of every file (and one past each line's end): an answer, never an error.
  std::size_t answered = 0;
  for (const char* file :
       {"plan.yaml", "goals.yaml", "targets.yaml", "activities/01-general.yaml"}) {
    const std::string path = std::string(PLAN_SOURCE_DIR "/plan/") + file;
    const std::string uri = plan::lsp::uri_from_path(path);
    std::ifstream in(path);
    std::string line;
    for (unsigned n = 0; std::getline(in, line); ++n)
      for (unsigned c = 0; c <= line.size() + 1; c += 3) {
        const json at{{"textDocument", {{"uri", uri}}},
                      {"position", {{"line", n}, {"character", c}}}};
        if (!ask("textDocument/completion", at).is_null()) ++answered;
        if (!ask("textDocument/hover", at).is_null()) ++answered;
      }
  }
  CHECK(answered > 100);
}
