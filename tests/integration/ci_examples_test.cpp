// The CI workflows under examples/ci/: valid YAML, and every `plan` command they run
// succeeds on the shipped plan, run here with the same arguments in a clone of this
// repository (diff and history need its git history); the workspace workflow's, in the
// example movement's repository (examples/federation/make-history.sh).
// The GitHub Action (action.yml): every step run as a runner runs it, in a clone, with the
// runner's files (GITHUB_OUTPUT, GITHUB_PATH, GITHUB_STEP_SUMMARY) and its `uses:` steps
// stood in for (the cache, the comment through a stub of GitHub's API in node, the upload).
// The pre-commit hooks (.pre-commit-hooks.yaml): through the real framework, offline.
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

namespace fs = std::filesystem;
using namespace plan::test;

namespace {

std::string slurp(const fs::path& p) {
  std::stringstream text;
  text << std::ifstream(p, std::ios::binary).rdbuf();
  return text.str();
}

void spill(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

// A shell word that stands for exactly `s`.
std::string sq(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

plan::YamlNode parse_file(const fs::path& p) {
  plan::Diagnostics diags;
  auto root = plan::parse_yaml(slurp(p), 1, diags);
  CHECK(diags.empty());
  REQUIRE(root);
  return *root;
}

const plan::YamlNode* get(const plan::YamlNode& m, const std::string& key) {
  if (!m.is_mapping()) return nullptr;
  for (std::size_t i = 0; i < m.pair_count(); ++i)
    if (m.key(i).value == key) return &m.value_at(i);
  return nullptr;
}

std::string text_of(const plan::YamlNode& m, const std::string& key) {
  const plan::YamlNode* v = get(m, key);
  return v && v->is_scalar() ? v->value : std::string();
}

// Runs every `plan …` command line of the workflow `name` in `repo`, with the CI's variables
// given local values; each must succeed. Returns how many there were.
std::size_t run_workflow_commands(const std::string& name, const fs::path& repo) {
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
std::string plan_as_of(const std::string& epoch, const std::string& args) {
  return "env -u NO_COLOR -u PLAN_DIR -u PLAN_WORKSPACE SOURCE_DATE_EPOCH=" + epoch + " " +
         PLAN_BINARY + " " + args;
}

fs::path temp_dir(const char* stem) {
  std::string t = (fs::temp_directory_path() / (std::string(stem) + "-XXXXXX")).string();
  return ::mkdtemp(t.data());
}

std::string git(const fs::path& repo, const std::string& args) {
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
    "doctest-dev",
    "tmux",
    "tidy",
    "cmark-gfm",
    "chromium",
    "neovim",
    "libvalijson-dev",
    "python3-openpyxl",
    "python3-icalendar",
    "pre-commit"};

}  // namespace

TEST_CASE("examples/ci: the workflows parse and the plan commands in them succeed") {
  const fs::path clone = temp_dir("plan-ci");
  REQUIRE(run("git clone -q " + source("") + " " + clone.string() + " 2>&1").status == 0);
  // github-actions.yml: the HTML summary after the action; gitlab-ci.yml: check, two
  // summaries and the diff.
  CHECK(run_workflow_commands("github-actions.yml", clone) >= 1);
  CHECK(run_workflow_commands("gitlab-ci.yml", clone) >= 4);
  fs::remove_all(clone);
}

TEST_CASE("examples/ci: the GitHub workflow uses the action with inputs it declares") {
  const plan::YamlNode workflow = parse_file(source("examples/ci/github-actions.yml"));
  const plan::YamlNode action = parse_file(source("action.yml"));
  const plan::YamlNode* inputs = get(action, "inputs");
  REQUIRE(inputs);
  const plan::YamlNode* jobs = get(workflow, "jobs");
  REQUIRE(jobs);
  std::size_t uses_action = 0;
  for (std::size_t j = 0; j < jobs->pair_count(); ++j)
    if (const plan::YamlNode* steps = get(jobs->value_at(j), "steps"))
      for (const plan::YamlNode& step : steps->children) {
        if (text_of(step, "uses") != "./") continue;  // this repository's action.yml
        ++uses_action;
        if (const plan::YamlNode* w = get(step, "with"))
          for (std::size_t i = 0; i < w->pair_count(); ++i) {
            CAPTURE(w->key(i).value);
            CHECK(get(*inputs, w->key(i).value));
          }
      }
  CHECK(uses_action == 1);
}

TEST_CASE("examples/ci: the workspace workflow's plan commands succeed on the example movement") {
  const fs::path dir = temp_dir("plan-ci-ws");
  const fs::path repo = dir / "movement";
  const Run made =
      run(std::string("PLAN=") + PLAN_BINARY + " " + source("examples/federation/make-history.sh") +
          " " + repo.string() + " 2>&1");
  CAPTURE(made.out);
  REQUIRE(made.status == 0);
  // check, the Markdown roll-up and the pages.
  CHECK(run_workflow_commands("workspace-github-actions.yml", repo) == 3);
  // The pages: the roll-up and a summary per unit beside it.
  CHECK(fs::is_regular_file(repo / "site" / "index.html"));
  std::size_t pages = 0;
  for (const auto& e : fs::directory_iterator(repo / "site"))
    pages += e.path().extension() == ".html";
  CHECK(pages >= 8);  // index.html and the seven units'

  // The action there, given the workspace: every unit checked, the roll-up in the summary.
  ActionRun a;
  a.workspace = repo;
  a.with["workspace"] = "plans.yaml";
  a.go();
  const std::string logs = a.logs();
  CAPTURE(logs);
  CHECK(a.failed.empty());
  CHECK(a.outputs["check"]["status"] == "0");
  const Run md = run(
      "cd " + repo.string() + " && " +
      plan_as_of(git(repo, "log -1 --format=%ct"), "--workspace plans.yaml render --format md"));
  REQUIRE(md.status == 0);
  CHECK(!md.out.empty());
  CHECK(a.summary == md.out);
  fs::remove_all(dir);
}

TEST_CASE("action.yml installs what building plan needs, every package one that setup.sh knows") {
  const std::string text = slurp(source("action.yml"));
  std::smatch m;
  REQUIRE(std::regex_search(text, m, std::regex(R"(packages=\(([^)]*)\))")));
  std::set<std::string> action_packages;
  std::istringstream words(m[1].str());
  for (std::string w; words >> w;) action_packages.insert(w);
  std::set<std::string> listed;
  std::istringstream lines(slurp(source("scripts/debian-packages.txt")));
  for (std::string line; std::getline(lines, line);)
    if (!line.empty() && line[0] != '#') listed.insert(line);
  for (const std::string& p : action_packages) {
    CAPTURE(p);
    CHECK(listed.count(p) == 1);  // a name Debian 12 has (setup.sh installs it here)
  }
  // A build dependency added to scripts/debian-packages.txt must be added to the action too
  // (or named here as the tests' own).
  for (const std::string& p : listed) {
    CAPTURE(p);
    CHECK((action_packages.count(p) == 1 ||
           std::find(std::begin(known_test_packages), std::end(known_test_packages), p) !=
               std::end(known_test_packages)));
  }
}

TEST_CASE("action.yml splices no expression into a script, so no input can inject code") {
  const plan::YamlNode action = parse_file(source("action.yml"));
  const plan::YamlNode* runs = get(action, "runs");
  REQUIRE(runs);
  const plan::YamlNode* steps = get(*runs, "steps");
  REQUIRE(steps);
  std::size_t scripts = 0;
  for (const plan::YamlNode& step : steps->children) {
    CAPTURE(text_of(step, "name"));
    std::string script = text_of(step, "run");
    if (const plan::YamlNode* w = get(step, "with")) script += text_of(*w, "script");
    scripts += !script.empty();
    CHECK(script.find("${{") == std::string::npos);  // values come in through env:
  }
  CHECK(scripts >= 7);
}

TEST_CASE("action.yml on a push: installs plan, checks the plan, writes the job summary") {
  const fs::path clone = temp_dir("plan-action");
  REQUIRE(run("git clone -q " + source("") + " " + (clone / "repo").string() + " 2>&1").status ==
          0);
  ActionRun a;
  a.workspace = clone / "repo";
  a.go();
  CAPTURE(a.failed);
  const std::string logs = a.logs();
  CAPTURE(logs);
  CHECK(a.failed.empty());
  CHECK(a.outputs["check"]["status"] == "0");
  CHECK(a.log["Check the plan"].find("::error") == std::string::npos);
  // No pull request: no diff, no comment; sarif is off by default.
  CHECK(std::find(a.ran.begin(), a.ran.end(), "Diff") == a.ran.end());
  CHECK(a.api_calls.empty());
  CHECK(a.uploaded_sarif.empty());
  // The plan installed is on the PATH of the steps after the install.
  CHECK(a.log["Install plan"].find("plan ") != std::string::npos);
  // The job summary is the Markdown summary as of the commit's date: run it ourselves.
  const std::string epoch = git(a.workspace, "log -1 --format=%ct");
  const Run md =
      run("cd " + a.workspace.string() + " && " + plan_as_of(epoch, "render --format md"));
  REQUIRE(md.status == 0);
  CHECK(!md.out.empty());
  CHECK(a.summary == md.out);
  // The cache key names the system and the source's content; a hit is not saved again.
  CHECK(a.cache_key.rfind("plan-", 0) == 0);
  CHECK(std::find(a.ran.begin(), a.ran.end(), "Save plan") == a.ran.end());
  CHECK(!a.saved);
  fs::remove_all(clone);
}

TEST_CASE("action.yml on a pull request: annotations, one diff comment kept up to date, failure") {
  const fs::path dir = temp_dir("plan-action-pr");
  const fs::path origin = dir / "origin", ws = dir / "ws";
  REQUIRE(run("git clone -q " + source("") + " " + origin.string() + " 2>&1").status == 0);
  git(origin, "config user.email ci@example.org");
  git(origin, "config user.name CI");
  const std::string base = git(origin, "rev-parse HEAD");
  // The pull request: an activity in progress, and a link to a target that does not exist.
  const Run report = run("cd " + origin.string() + " && " + plan_cmd("status --json"));
  const std::string first = nlohmann::json::parse(report.out)["activities"][0]["id"];
  REQUIRE(run("cd " + origin.string() + " && " + plan_cmd("set " + first + " status=in-progress"))
              .status == 0);
  spill(origin / "plan" / "zz-broken.yaml",
        "sections:\n  - id: broken\n    title: broken\n    activities:\n"
        "      - id: broken.1\n        title: a link to nothing\n        targets: "
        "[no-such-target]\n");
  git(origin, "add -A");
  git(origin, "commit -q -m 'the pull request'");
  // actions/checkout's default: one commit, without the base.
  REQUIRE(run("git clone -q --depth 1 file://" + origin.string() + " " + ws.string() + " 2>&1")
              .status == 0);

  ActionRun a;
  a.workspace = ws;
  a.event = "pull_request";
  a.base = base;
  a.with["sarif"] = "true";
  a.go();
  const std::string logs = a.logs();
  CAPTURE(logs);
  // The errors fail the job in the last step, after the summary and the comment.
  CHECK(a.failed == "Fail when the plan has errors");
  CHECK(a.outputs["check"]["status"] == "1");
  CHECK(a.log["Check the plan"].find("::error file=plan/zz-broken.yaml,line=7") !=
        std::string::npos);
  // The job summary: the check's list of problems, then the Markdown summary (which lists
  // them too: exit 1).
  const Run md = run("cd " + ws.string() + " && " +
                     plan_as_of(git(ws, "log -1 --format=%ct"), "render --format md"));
  CHECK(md.status == 1);
  REQUIRE(!md.out.empty());
  REQUIRE(a.summary.size() > md.out.size());
  CHECK(a.summary.substr(a.summary.size() - md.out.size()) == md.out);
  CHECK(a.summary.find("no-such-target") < a.summary.size() - md.out.size());
  // The diff, fetched base and all, is what plan diff says; it is commented once.
  const std::string diff = slurp(a.outputs["diff"]["file"]);
  const Run expected =
      run("cd " + origin.string() + " && " +
          plan_as_of(git(origin, "log -1 --format=%ct"), "diff " + base + " HEAD --format md"));
  CHECK(diff == expected.out);
  CHECK(diff.find(first) != std::string::npos);
  REQUIRE(a.api_calls.size() == 2);
  CHECK(a.api_calls[0]["call"] == "list");
  CHECK(a.api_calls[1]["call"] == "create");
  CHECK(a.api_calls[1]["issue_number"] == 17);
  const std::string body = a.api_calls[1]["body"];
  CHECK(body == "<!-- plan diff -->\n" + diff);

  // SARIF for code scanning, the file the upload step is given.
  REQUIRE(!a.uploaded_sarif.empty());
  CHECK(a.uploaded_sarif == a.outputs["sarif"]["file"]);
  const nlohmann::json sarif = nlohmann::json::parse(slurp(a.uploaded_sarif));
  CHECK(sarif["version"] == "2.1.0");
  bool located = false;
  for (const auto& result : sarif["runs"][0]["results"])
    if (result["ruleId"] == "unknown-target") {
      const auto& where = result["locations"][0]["physicalLocation"];
      located = where["artifactLocation"]["uri"] == "plan/zz-broken.yaml" &&
                where["region"]["startLine"] == 7;
    }
  CHECK(located);

  // The next push edits that comment instead of adding one.
  ActionRun again;
  again.workspace = ws;
  again.event = "pull_request";
  again.base = base;
  again.with["summary"] = "false";
  again.existing_comments =
      R"([{"id": 5, "user": {"type": "User"}, "body": "<!-- plan diff -->\nquoted by a person"},
          {"id": 9, "user": {"type": "Bot"}, "body": )" +
      nlohmann::json(body).dump() + "}]";
  again.go();
  CHECK(again.summary + md.out == a.summary);  // the check's list only, no Markdown summary
  REQUIRE(again.api_calls.size() == 2);
  CHECK(again.api_calls[1]["call"] == "update");
  CHECK(again.api_calls[1]["comment_id"] == 9);
  CHECK(again.api_calls[1]["body"] == body);

  // comment: false leaves the pull request alone.
  ActionRun quiet;
  quiet.workspace = ws;
  quiet.event = "pull_request";
  quiet.base = base;
  quiet.with["comment"] = "false";
  quiet.go();
  CHECK(quiet.api_calls.empty());
  CHECK(quiet.failed == "Fail when the plan has errors");
  fs::remove_all(dir);
}

TEST_CASE("action.yml with a plan folder of another name, and without the input that names it") {
  const fs::path dir = temp_dir("plan-action-dir");
  const fs::path ws = dir / "ws";
  REQUIRE(run("git clone -q " + source("") + " " + ws.string() + " 2>&1").status == 0);
  fs::create_directories(ws / "work");
  fs::rename(ws / "plan", ws / "work" / "plan-2009");

  ActionRun named;
  named.workspace = ws;
  named.with["plan"] = "work/plan-2009";
  named.go();
  const std::string logs = named.logs();
  CAPTURE(logs);
  CHECK(named.failed.empty());
  CHECK(named.outputs["check"]["status"] == "0");
  const Run md =
      run("cd " + ws.string() + " && " +
          plan_as_of(git(ws, "log -1 --format=%ct"), "--plan work/plan-2009 render --format md"));
  REQUIRE(md.status == 0);
  CHECK(named.summary == md.out);

  // Not found: exit 2, which fails the job in the last step.
  ActionRun unnamed;
  unnamed.workspace = ws;
  unnamed.go();
  CHECK(unnamed.outputs["check"]["status"] == "2");
  CHECK(unnamed.log["Check the plan"].find("no plan/ folder") != std::string::npos);
  CHECK(unnamed.failed == "Fail when the plan has errors");
  CHECK(unnamed.log["Fail when the plan has errors"].find("::error title=plan::") !=
        std::string::npos);
  CHECK(unnamed.summary.empty());  // nothing to sum up
  fs::remove_all(dir);
}

TEST_CASE("action.yml with version builds that revision, under a cache key of its own") {
  const fs::path dir = temp_dir("plan-action-version");
  const fs::path tool = dir / "tool", ws = dir / "ws";
  REQUIRE(run("git clone -q " + source("") + " " + tool.string() + " 2>&1").status == 0);
  REQUIRE(run("git clone -q " + source("") + " " + ws.string() + " 2>&1").status == 0);
  git(tool, "config user.email ci@example.org");
  git(tool, "config user.name CI");
  // A release whose source differs from the action's own checkout.
  spill(tool / "src" / "main.cpp", slurp(tool / "src" / "main.cpp") + "// a later release\n");
  git(tool, "commit -q -a -m 'a later release'");
  git(tool, "tag v-test");

  ActionRun own;
  own.workspace = ws;
  own.go();
  ActionRun pinned;
  pinned.workspace = ws;
  pinned.with["version"] = "v-test";
  pinned.with["repository"] = tool.string();
  pinned.go();
  const std::string logs = pinned.logs();
  CAPTURE(logs);
  CHECK(pinned.failed.empty());
  const fs::path fetched = pinned.outputs["setup"]["source"];
  CHECK(fetched == pinned.temp / "plan-source");
  CHECK(git(fetched, "rev-parse HEAD") == git(tool, "rev-parse v-test"));
  CHECK(own.outputs["setup"]["source"] == source(""));
  CHECK(!own.cache_key.empty());
  CHECK(pinned.cache_key != own.cache_key);
  fs::remove_all(dir);
}

TEST_CASE("pre-commit: the hooks check the plan and keep the plan's schema fresh") {
  REQUIRE(have("pre-commit"));
  const fs::path dir = temp_dir("plan-pre-commit");
  const fs::path hooks = dir / "hooks", repo = dir / "repo", home = dir / "cache";
  // The hooks' repository: this tree's .pre-commit-hooks.yaml, committed (try-repo reads
  // a commit).
  fs::create_directories(hooks);
  fs::copy_file(source(".pre-commit-hooks.yaml"), hooks / ".pre-commit-hooks.yaml");
  const std::string id = " -c user.email=ci@example.org -c user.name=CI";
  REQUIRE(run("cd " + hooks.string() + " && git init -q && git add -A && git" + id +
              " commit -q -m hooks 2>&1")
              .status == 0);
  // A plan repository: the shipped plan and its schema folder.
  fs::create_directories(repo);
  fs::copy(source("plan"), repo / "plan", fs::copy_options::recursive);
  fs::copy(source("schema"), repo / "schema", fs::copy_options::recursive);
  REQUIRE(run("cd " + repo.string() + " && git init -q && git add -A && git" + id +
              " commit -q -m plan 2>&1")
              .status == 0);
  // `language: system`: the hooks run the `plan` on PATH, this build's. Offline: the
  // framework's cache is ours, and try-repo clones a local folder.
  const std::string env =
      "cd " + repo.string() +
      " && env -u PLAN_DIR -u PLAN_WORKSPACE PATH=" + fs::path(PLAN_BINARY).parent_path().string() +
      ":/usr/bin:/bin HOME=" + dir.string() + " PRE_COMMIT_HOME=" + home.string() +
      " LC_ALL=C.UTF-8 GIT_AUTHOR_NAME=CI GIT_COMMITTER_NAME=CI"
      " GIT_AUTHOR_EMAIL=ci@example.org GIT_COMMITTER_EMAIL=ci@example.org ";
  const auto hook = [&](const std::string& which) {
    return run(env + "pre-commit try-repo " + hooks.string() + " " + which +
               " --all-files --color never 2>&1");
  };

  Run r = hook("plan-check");
  CAPTURE(r.out);
  CHECK(r.status == 0);
  CHECK(r.out.find("plan check") != std::string::npos);
  CHECK(r.out.find("Passed") != std::string::npos);

  // The schema hook writes the plan's own schema; the first time, a new file.
  r = hook("plan-schema");
  CHECK(r.status == 0);
  const fs::path local = repo / "schema" / "plan.local.schema.json";
  REQUIRE(fs::is_regular_file(local));
  const Run direct = run("cd " + repo.string() + " && " + plan_cmd("schema --plan"));
  CHECK(slurp(local) == direct.out);
  REQUIRE(run("cd " + repo.string() + " && git add -A && git" + id + " commit -q -m schema 2>&1")
              .status == 0);
  // Unchanged plan, unchanged schema: the hook passes without touching it.
  r = hook("plan-schema");
  CHECK(r.status == 0);
  CHECK(run("cd " + repo.string() + " && git status --porcelain").out.empty());

  // A new goal: the schema is stale. The hook rewrites it and fails once, as formatters do,
  // so the commit waits for the new schema; then it passes.
  std::string goals = slurp(repo / "plan" / "goals.yaml");
  goals += "  - id: G99\n    title: a goal added in this commit\n";
  spill(repo / "plan" / "goals.yaml", goals);
  r = hook("plan-schema");
  CHECK(r.status != 0);
  CHECK(r.out.find("files were modified by this hook") != std::string::npos);
  CHECK(slurp(local).find("a goal added in this commit") != std::string::npos);
  r = hook("plan-schema");
  CHECK(r.status == 0);

  // A broken plan fails the check hook, with the diagnostic at its line.
  spill(repo / "plan" / "zz-broken.yaml",
        "sections:\n  - id: broken\n    title: broken\n    activities:\n"
        "      - id: broken.1\n        title: a link to nothing\n        targets: "
        "[no-such-target]\n");
  REQUIRE(run("cd " + repo.string() + " && git add -A").status == 0);
  r = hook("plan-check");
  CHECK(r.status != 0);
  CHECK(r.out.find("plan/zz-broken.yaml:7:") != std::string::npos);
  fs::remove_all(dir);
}
