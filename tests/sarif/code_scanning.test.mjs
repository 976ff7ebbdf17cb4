// `plan check --format sarif` validated against the SARIF 2.1.0 JSON schema (the copy
// Microsoft's @microsoft/jest-sarif ships, pinned in package-lock.json) with ajv, and its
// values read back against `--format json`; `--format gitlab` checked for the keys and
// types GitLab's Code Quality report requires. Run by CTest (tests/CMakeLists.txt) with
// PLAN_BIN set to the binary.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const golden = path.join(repo, 'tests/golden');
const planBin = process.env.PLAN_BIN;

const schema = JSON.parse(
  fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
);
// unicodeRegExp off: the schema's pattern for `language` has a stray ']' that only a
// regular expression without the u flag accepts (as the schema's own era's validators read it).
const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

function plan(args, cwd) {
  assert.ok(planBin, 'PLAN_BIN names the plan binary');
  const env = { ...process.env, LC_ALL: 'C.UTF-8', NO_COLOR: '1' };
  for (const v of ['PLAN_DIR', 'PLAN_WORKSPACE', 'SOURCE_DATE_EPOCH', 'GITHUB_STEP_SUMMARY'])
    delete env[v];
  const r = spawnSync(planBin, args, { cwd, env, encoding: 'utf8' });
  return { out: r.stdout, err: r.stderr, code: r.status };
}

function assertValidSarif(log) {
  const ok = validateSarif(log);
  assert.ok(ok, `not valid SARIF 2.1.0: ${ajv.errorsText(validateSarif.errors)}`);
}

// The SARIF log and `--format json`'s list of the same check, read back together: every
// problem is a result at the same place with the same code, level and message.
function sameProblems(cwd, args) {
  const sarif = plan([...args, '--format', 'sarif'], cwd);
  const json = plan([...args, '--format', 'json'], cwd);
  assert.equal(sarif.code, json.code, 'the same exit code as --format json');
  assert.equal(sarif.err, '', 'nothing on stderr');
  const log = JSON.parse(sarif.out);
  assertValidSarif(log);
  const problems = JSON.parse(json.out);
  const run = log.runs[0];
  assert.equal(run.columnKind, 'unicodeCodePoints');
  assert.equal(run.results.length, problems.length);
  problems.forEach((p, i) => {
    const r = run.results[i];
    assert.equal(r.ruleId, p.code);
    assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId, 'ruleIndex points at its rule');
    assert.equal(r.level, p.severity);
    assert.equal(r.message.text, p.message);
    const where = r.locations[0].physicalLocation;
    assert.equal(where.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.equal(decodeURIComponent(where.artifactLocation.uri), p.file);
    assert.ok(fs.existsSync(path.join(cwd, p.file)), `${p.file} exists`);
    if (p.line === null) {
      // A whole file: line 1 without a column (GitHub requires a startLine).
      assert.deepEqual(where.region, { startLine: 1 });
    } else {
      assert.equal(where.region.startLine, p.line);
      assert.equal(where.region.startColumn, p.column);
    }
    assert.equal((r.relatedLocations ?? []).length, (p.notes ?? []).length);
    (p.notes ?? []).forEach((n, k) => {
      const rel = r.relatedLocations[k];
      assert.equal(rel.message.text, n.message);
      assert.equal(decodeURIComponent(rel.physicalLocation.artifactLocation.uri), n.file);
      assert.equal(rel.physicalLocation.region.startLine, n.line);
    });
    assert.match(r.partialFingerprints['planDiagnostic/v1'], /^[0-9a-f]{16}$/);
  });
  // One rule per code the results name, each with a description and help.
  const codes = new Set(problems.map((p) => p.code));
  assert.deepEqual(new Set(run.tool.driver.rules.map((rule) => rule.id)), codes);
  for (const rule of run.tool.driver.rules) {
    assert.ok(rule.shortDescription.text.length > 0);
    // GitHub's code scanning requires a full description too (Microsoft's rule GH2012).
    assert.ok(rule.fullDescription.text.startsWith(rule.shortDescription.text));
    assert.ok(rule.help.text.length > 0);
    assert.ok(['error', 'warning'].includes(rule.defaultConfiguration.level));
  }
  return { log, problems };
}

test('the schema rejects what is not SARIF (the validation is real)', () => {
  const { log } = sameProblems(path.join(golden, 'format-sarif'), ['check']);
  const broken = structuredClone(log);
  broken.runs[0].results[0].level = 'fatal';
  assert.equal(validateSarif(broken), false);
  const noVersion = structuredClone(log);
  delete noVersion.version;
  assert.equal(validateSarif(noVersion), false);
});

test('a plan with errors, warnings, notes, a Hebrew file name and hostile text', () => {
  const { log, problems } = sameProblems(path.join(golden, 'format-sarif'), ['check']);
  assert.ok(problems.some((p) => p.line === null), 'a problem with a whole file');
  assert.ok(problems.some((p) => p.notes), 'a problem with a note');
  const hebrew = log.runs[0].results.find((r) => r.ruleId === 'empty-file');
  assert.equal(
    hebrew.locations[0].physicalLocation.artifactLocation.uri,
    'plan/%D7%A8%D7%99%D7%A7%20%D7%99%D7%A2%D7%93%D7%99%D7%9D.yaml',
  );
  // A column after Hebrew text counts characters: 'status' after 'שלום עולם'.
  const line = fs.readFileSync(path.join(golden, 'format-sarif/plan/plan.yaml'), 'utf8').split('\n')[22];
  const a2 = log.runs[0].results.find((r) => r.message.text.includes("'A2'"));
  assert.equal(a2.locations[0].physicalLocation.region.startColumn, [...line].indexOf('n', line.indexOf('status')) + 1);
  // The control characters and the workflow command in the target id stay text.
  const hostile = log.runs[0].results.find((r) => r.ruleId === 'unknown-target');
  assert.ok(hostile.message.text.includes('\u0007\n::error::x'));
});

test('a workspace: the workspace file and every unit, notes in other files', () => {
  sameProblems(path.join(golden, 'ws-unit-cycle'), ['check']);
  sameProblems(path.join(golden, 'ws-cross-links'), ['check']);
});

test('the shipped plan and --strict', () => {
  sameProblems(repo, ['--plan', 'plan', 'check']);
  const { log } = sameProblems(path.join(golden, 'format-sarif'), ['check', '--strict']);
  assert.ok(log.runs[0].results.every((r) => r.level === 'error'));
});

function copyTree(from, to) {
  fs.cpSync(from, to, { recursive: true });
}

test('fingerprints survive unrelated edits and tell problems apart', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-sarif-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  copyTree(path.join(golden, 'format-sarif/plan'), path.join(dir, 'plan'));
  const before = sameProblems(dir, ['check']).log.runs[0].results;
  // Lines above every problem, and a new goal: the problems move down, their prints stay.
  const file = path.join(dir, 'plan/plan.yaml');
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, '# a comment\n# another\n' + text.replace('goals:\n', 'goals:\n  - {id: G0, title: New}\n'));
  const after = sameProblems(dir, ['check']).log.runs[0].results;
  assert.equal(after.length, before.length + 1, 'the new goal is served by no target');
  const print = (r) => r.partialFingerprints['planDiagnostic/v1'];
  for (const r of before) {
    const moved = after.find((a) => print(a) === print(r));
    assert.ok(moved, `${r.ruleId} keeps its fingerprint`);
    if (r.ruleId !== 'empty-file')
      assert.ok(moved.locations[0].physicalLocation.region.startLine > r.locations[0].physicalLocation.region.startLine);
  }
  assert.equal(new Set(before.map(print)).size, before.length, 'different problems, different prints');
});

// GitLab's Code Quality report: a list of issues, each with these keys of these types
// (docs.gitlab.com, "Code Quality report format"); GitLab publishes no JSON schema of it.
const gitlabSeverities = ['info', 'minor', 'major', 'critical', 'blocker'];
function assertGitlabReport(report, problems, cwd) {
  assert.ok(Array.isArray(report));
  assert.equal(report.length, problems.length);
  report.forEach((issue, i) => {
    const p = problems[i];
    assert.equal(typeof issue.description, 'string');
    assert.ok(issue.description.startsWith(p.message));
    assert.equal(issue.check_name, p.code);
    assert.equal(typeof issue.fingerprint, 'string');
    assert.ok(gitlabSeverities.includes(issue.severity));
    assert.equal(issue.severity, p.severity === 'error' ? 'major' : 'minor');
    assert.equal(issue.location.path, p.file);
    assert.ok(fs.existsSync(path.join(cwd, issue.location.path)));
    assert.ok(Number.isInteger(issue.location.lines.begin) && issue.location.lines.begin >= 1);
    assert.equal(issue.location.lines.begin, p.line ?? 1);
  });
  assert.equal(new Set(report.map((r) => r.fingerprint)).size, report.length, 'fingerprints unique');
}

test('--format gitlab: a plan and a workspace', () => {
  for (const [dir, args] of [
    ['format-sarif', ['check']],
    ['ws-unit-cycle', ['check']],
    ['ws-cross-links', ['check']],
  ]) {
    const cwd = path.join(golden, dir);
    const r = plan([...args, '--format', 'gitlab'], cwd);
    assert.equal(r.code, 1);
    assert.equal(r.err, '');
    assertGitlabReport(JSON.parse(r.out), JSON.parse(plan([...args, '--format', 'json'], cwd).out), cwd);
  }
});

test('--format gitlab: alike problems get different fingerprints, equal across runs', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-gitlab-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  copyTree(path.join(golden, 'format-sarif/plan'), path.join(dir, 'plan'));
  // Three goals with one id in one file: two duplicate-id errors alike in all but their
  // line, so of one base print.
  fs.writeFileSync(
    path.join(dir, 'plan/more.yaml'),
    'goals:\n  - {id: G9, title: x}\n  - {id: G9, title: x}\n  - {id: G9, title: x}\n',
  );
  const first = plan(['check', '--format', 'gitlab'], dir);
  const report = JSON.parse(first.out);
  assertGitlabReport(report, JSON.parse(plan(['check', '--format', 'json'], dir).out), dir);
  const alike = report.filter((i) => i.check_name === 'duplicate-id' && i.location.path === 'plan/more.yaml');
  assert.equal(alike.length, 2);
  assert.equal(alike[0].description, alike[1].description);
  assert.notEqual(alike[0].fingerprint, alike[1].fingerprint);
  assert.equal(plan(['check', '--format', 'gitlab'], dir).out, first.out, 'deterministic');
});
