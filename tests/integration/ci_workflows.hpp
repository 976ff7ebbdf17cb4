// What the tests of examples/ci/, action.yml and the pre-commit hooks share: files read and
// written, a workflow's YAML, git in a clone, and the GitHub Action run step by step as a
// runner runs it (ActionRun).
#pragma once

#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "load/yaml_tree.hpp"
#include "run.hpp"

namespace plan::test::ci {

namespace fs = std::filesystem;

inline std::string slurp(const fs::path& p) {
  std::stringstream text;
  text << std::ifstream(p, std::ios::binary).rdbuf();
  return text.str();
}

inline void spill(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

// A shell word that stands for exactly `s`.
inline std::string sq(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

inline plan::YamlNode parse_file(const fs::path& p) {
  plan::Diagnostics diags;
  auto root = plan::parse_yaml(slurp(p), 1, diags);
  CHECK(diags.empty());
  REQUIRE(root);
  return *root;
}

inline const plan::YamlNode* get(const plan::YamlNode& m, const std::string& key) {
  if (!m.is_mapping()) return nullptr;
  for (std::size_t i = 0; i < m.pair_count(); ++i)
    if (m.key(i).value == key) return &m.value_at(i);
  return nullptr;
}

inline std::string text_of(const plan::YamlNode& m, const std::string& key) {
  const plan::YamlNode* v = get(m, key);
  return v && v->is_scalar() ? v->value : std::string();
}

// Runs every `plan …` command line of the workflow `name` in `repo`, with the CI's variables
// given local values; each must succeed. Returns how many there were.
inline std::size_t run_workflow_commands(const std::string& name, const fs::path& repo) {
  CAPTURE(name);
  const std::string s = slurp(source("examples/ci/" + name));
  CHECK(parse_file(source("examples/ci/" + name)).is_mapping());
  std::size_t commands = 0;
  std::regex command(
      R"((?:^|[\s;&|(])(plan (?:check|status|render|diff|history|list|show|trace)[^\n|>;)]*))");
  for (std::sregex_iterator it(s.begin(), s.end(), command), end; it != end; ++it) {
    std::string cmd = (*it)[1];
    cmd = std::regex_replace(cmd, std::regex(R"("\$BASE")"), "HEAD~1");
    cmd = std::regex_replace(cmd, std::regex(R"(\s+$)"), "");
    cmd = std::regex_replace(cmd, std::regex(R"(\|\|.*)"), "");
    CAPTURE(cmd);
    fs::create_directories(repo / "site");
    fs::create_directories(repo / "public");
    Run r = run("cd " + repo.string() + " && " + plan_cmd(cmd.substr(5) + " > /dev/null 2>&1"));
    CHECK(r.status == 0);
    ++commands;
  }
  return commands;
}

// `plan ARGS` with the as-of date of a commit (its time as SOURCE_DATE_EPOCH), as the action runs
// it.
inline std::string plan_as_of(const std::string& epoch, const std::string& args) {
  return "env -u NO_COLOR -u PLAN_DIR -u PLAN_WORKSPACE SOURCE_DATE_EPOCH=" + epoch + " " +
         PLAN_BINARY + " " + args;
}

inline fs::path temp_dir(const char* stem) {
  std::string t = (fs::temp_directory_path() / (std::string(stem) + "-XXXXXX")).string();
  return ::mkdtemp(t.data());
}

inline std::string git(const fs::path& repo, const std::string& args) {
  const Run r = run("git -C " + sq(repo.string()) + " " + args + " 2>&1");
  CAPTURE(args);
  CAPTURE(r.out);
  CHECK(r.status == 0);
  return std::regex_replace(r.out, std::regex(R"(\s+$)"), "");
}

// One run of action.yml as GitHub's runner does it: `run:` steps through bash -eo pipefail
// with the runner's files and variables, in the workspace; the `uses:` steps stood in for.
struct ActionRun {
  // What the test sets.
  fs::path workspace;
  std::map<std::string, std::string> with;  // the workflow's `with:` (the action's inputs)
  std::string event = "push";
  std::string base;                      // github.event.pull_request.base.sha
  bool cached = true;                    // actions/cache finds the key (the binary is this build's)
  std::string existing_comments = "[]";  // what GitHub's API lists on the pull request

  // What the run leaves.
  fs::path temp;                                                      // RUNNER_TEMP
  std::map<std::string, std::map<std::string, std::string>> outputs;  // per step id
  std::vector<std::string> ran;                                       // names of the steps that ran
  std::string failed;                      // the step that failed, if one did
  std::map<std::string, std::string> log;  // each step's output
  std::string summary;                     // GITHUB_STEP_SUMMARY at the end
  std::string cache_key;
  bool saved = false;  // the save step ran and found the installed plan
  nlohmann::json api_calls = nlohmann::json::array();  // the comment step's calls
  std::string uploaded_sarif;

  // Every step's output, for a failure's message.
  std::string logs() const {
    std::string all;
    for (const auto& [step, out] : log) all += "--- " + step + ":\n" + out;
    return all;
  }

  void go() {
    const plan::YamlNode action = parse_file(source("action.yml"));
    const plan::YamlNode* inputs = get(action, "inputs");
    REQUIRE(inputs);
    for (const auto& [k, v] : with) {
      CAPTURE(k);
      CHECK(get(*inputs, k));  // an input the action declares
    }
    const plan::YamlNode* runs = get(action, "runs");
    REQUIRE(runs);
    CHECK(text_of(*runs, "using") == "composite");
    const plan::YamlNode* steps = get(*runs, "steps");
    REQUIRE(steps);
    REQUIRE(steps->is_sequence());

    temp = temp_dir("plan-action-temp");
    const fs::path home = temp / "home", files = temp / "runner";
    fs::create_directories(home);
    fs::create_directories(files);
    spill(files / "summary.md", "");
    spill(files / "path", "");
    spill(files / "env", "");
    if (cached) {  // actions/cache restores the prefix that an earlier run installed into
      fs::create_directories(temp / "plan-tool" / "bin");
      fs::create_symlink(PLAN_BINARY, temp / "plan-tool" / "bin" / "plan");
    }

    const auto input = [&](const std::string& name) -> std::string {
      const plan::YamlNode* decl = get(*inputs, name);
      CAPTURE(name);
      REQUIRE(decl);  // an input the action declares
      if (auto it = with.find(name); it != with.end()) return it->second;
      const std::string d = text_of(*decl, "default");
      return d == "${{ github.token }}" ? "test-token" : d;
    };
    const auto value = [&](std::string e) -> std::string {
      e = std::regex_replace(e, std::regex(R"(^\s+|\s+$)"), "");
      std::smatch m;
      if (std::regex_match(e, m, std::regex(R"(inputs\.([\w-]+))"))) return input(m[1]);
      if (std::regex_match(e, m, std::regex(R"(steps\.([\w-]+)\.outputs\.([\w-]+))")))
        return outputs[m[1]][m[2]];
      if (e == "github.event_name") return event;
      if (e == "github.event.pull_request.base.sha") return base;
      if (e == "github.token") return "test-token";
      FAIL_CHECK("an expression this runner does not know: " << e);
      return "";
    };
    const auto expand = [&](const std::string& s) {
      std::string out;
      std::size_t at = 0;
      for (std::size_t open; (open = s.find("${{", at)) != std::string::npos;) {
        const std::size_t close = s.find("}}", open);
        REQUIRE(close != std::string::npos);
        out += s.substr(at, open - at) + value(s.substr(open + 3, close - open - 3));
        at = close + 2;
      }
      return out + s.substr(at);
    };
    // `if:` conditions: terms `X == 'text'` or `X != 'text'` joined by &&.
    const auto holds = [&](std::string cond) {
      cond = std::regex_replace(cond, std::regex(R"(^\s*\$\{\{|\}\}\s*$)"), "");
      bool all = true;
      std::regex term(R"(\s*([\w.-]+)\s*(==|!=)\s*'([^']*)'\s*)");
      std::size_t at = 0;
      while (at <= cond.size()) {
        std::size_t amp = cond.find("&&", at);
        if (amp == std::string::npos) amp = cond.size();
        const std::string t = cond.substr(at, amp - at);
        std::smatch m;
        if (!std::regex_match(t, m, term)) {
          FAIL_CHECK("a condition this runner does not know: " << t);
          return false;
        }
        all = all && ((value(m[1]) == m[3].str()) == (m[2] == "=="));
        at = amp + 2;
      }
      return all;
    };

    std::string path_prefix;
    for (std::size_t n = 0; n < steps->children.size(); ++n) {
      const plan::YamlNode& step = steps->children[n];
      const std::string name = text_of(step, "name");
      CAPTURE(name);
      if (const plan::YamlNode* c = get(step, "if"); c && !holds(c->value)) continue;
      ran.push_back(name);
      const std::string id = text_of(step, "id");
      std::vector<std::pair<std::string, std::string>> env;
      if (const plan::YamlNode* e = get(step, "env"))
        for (std::size_t i = 0; i < e->pair_count(); ++i)
          env.emplace_back(e->key(i).value, expand(e->value_at(i).value));
      std::map<std::string, std::string> w;
      if (const plan::YamlNode* e = get(step, "with"))
        for (std::size_t i = 0; i < e->pair_count(); ++i)
          w[e->key(i).value] = expand(e->value_at(i).value);

      if (get(step, "run")) {
        CHECK(text_of(step, "shell") == "bash");
        const fs::path script = temp / ("step-" + std::to_string(n) + ".sh");
        const fs::path out_file = files / ("output-" + std::to_string(n));
        spill(script, expand(text_of(step, "run")));
        spill(out_file, "");
        std::string cmd = "cd " + sq(workspace.string()) + " && env -i";
        for (const auto& [k, v] : std::vector<std::pair<std::string, std::string>>{
                 {"HOME", home.string()},
                 {"PATH",
                  path_prefix + "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"},
                 {"CI", "true"},
                 {"GITHUB_ACTIONS", "true"},
                 {"GITHUB_ACTION_PATH", source("")},
                 {"GITHUB_WORKSPACE", workspace.string()},
                 {"GITHUB_SERVER_URL", "https://github.com"},
                 {"RUNNER_TEMP", temp.string()},
                 {"GITHUB_OUTPUT", out_file.string()},
                 {"GITHUB_PATH", (files / "path").string()},
                 {"GITHUB_ENV", (files / "env").string()},
                 {"GITHUB_STEP_SUMMARY", (files / "summary.md").string()}})
          cmd += " " + k + "=" + sq(v);
        for (const auto& [k, v] : env) cmd += " " + k + "=" + sq(v);
        cmd += " bash --noprofile --norc -eo pipefail " + sq(script.string()) + " 2>&1";
        const Run r = run(cmd);
        log[name] = r.out;
        std::istringstream lines(slurp(out_file));
        for (std::string line; std::getline(lines, line);)
          if (auto eq = line.find('='); eq != std::string::npos)
            outputs[id][line.substr(0, eq)] = line.substr(eq + 1);
        // GITHUB_PATH: what a step adds comes first on the PATH of the steps after it.
        path_prefix.clear();
        std::istringstream paths(slurp(files / "path"));
        for (std::string line; std::getline(paths, line);) path_prefix = line + ":" + path_prefix;
        if (r.status != 0) {
          failed = name;
          break;
        }
        continue;
      }

      const std::string uses = text_of(step, "uses");
      CAPTURE(uses);
      if (uses == "actions/cache/restore@v4") {
        CHECK(w["path"] == (temp / "plan-tool").string());
        cache_key = w["key"];
        CHECK(!cache_key.empty());
        outputs[id]["cache-hit"] = cached ? "true" : "false";
        if (!cached) fs::remove_all(temp / "plan-tool");
      } else if (uses == "actions/cache/save@v4") {
        // What the install step left, under the key it was restored with.
        CHECK(w["path"] == (temp / "plan-tool").string());
        CHECK(w["key"] == cache_key);
        saved = fs::exists(w["path"] + "/bin/plan");
      } else if (uses == "actions/github-script@v7") {
        // The script, as github-script runs it (an async function of github, context, core
        // and require), against a stub of the API that records every call.
        const fs::path harness = temp / "github-script.js";
        spill(temp / "script.js", w["script"]);
        spill(harness, R"JS(
const fs = require('fs');
const calls = [];
const existing = JSON.parse(process.env.EXISTING_COMMENTS);
const github = {
  paginate: async (method, params) => (await method(params)).data,
  rest: { issues: {
    listComments: async (p) => { calls.push({call: 'list', ...p}); return {data: existing}; },
    createComment: async (p) => { calls.push({call: 'create', ...p}); return {data: {}}; },
    updateComment: async (p) => { calls.push({call: 'update', ...p}); return {data: {}}; },
  } },
};
const context = { repo: {owner: 'owner', repo: 'repo'}, issue: {owner: 'owner', repo: 'repo', number: 17} };
const core = { warning: (m) => calls.push({call: 'warning', message: m}) };
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
new AsyncFunction('github', 'context', 'core', 'require', fs.readFileSync(process.argv[2], 'utf8'))(
  github, context, core, require).then(() => console.log(JSON.stringify(calls)),
  (e) => { console.error(e); process.exit(1); });
)JS");
        CHECK(w["github-token"] == "test-token");
        std::string cmd =
            "env -i PATH=/usr/local/bin:/usr/bin:/bin EXISTING_COMMENTS=" + sq(existing_comments);
        for (const auto& [k, v] : env) cmd += " " + k + "=" + sq(v);
        const Run r =
            run(cmd + " node " + sq(harness.string()) + " " + sq((temp / "script.js").string()));
        log[name] = r.out;
        CAPTURE(r.out);
        REQUIRE(r.status == 0);
        api_calls = nlohmann::json::parse(r.out);
      } else if (uses == "github/codeql-action/upload-sarif@v3") {
        CHECK(w["category"] == "plan");
        uploaded_sarif = w["sarif_file"];
        CHECK(fs::is_regular_file(uploaded_sarif));
      } else {
        FAIL_CHECK("an action this runner does not stand in for: " << uses);
      }
    }
    summary = slurp(files / "summary.md");
  }

  ~ActionRun() {
    if (!temp.empty()) fs::remove_all(temp);
  }
};

const std::string known_test_packages[] = {
    // scripts/debian-packages.txt's packages that only the tests, the benchmark or the
    // editors' checks need: the action does not install them on a user's runner.
    "doctest-dev",      "tmux",
    "libfribidi-bin",   "tidy",
    "cmark-gfm",        "chromium",
    "neovim",           "libvalijson-dev",
    "python3-openpyxl", "python3-icalendar",
    "pre-commit"};

}  // namespace plan::test::ci
