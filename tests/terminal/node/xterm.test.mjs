// plan's terminal output in the VS Code terminal's engine: xterm.js (headless, from npm),
// which never applies the bidirectional algorithm (xterm.js #701). What it shows is what a
// Hebrew reader in VS Code, Windows Terminal or WezTerm sees. Each screen is compared with
// FriBidi's own reordering of the same logical text (the `fribidi` command of Debian's
// libfribidi-bin), and the shipped plan's titles are looked for in the right order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pkg from '@xterm/headless';

const { Terminal } = pkg;
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const shipped = path.join(repo, 'plan');
const plan = process.env.PLAN_BIN;
const asOf = '2009-06-30';

// A fixed environment: a CI machine may have no locale at all; LANGUAGE would leak a
// developer's own language into the messages.
function env(extra = {}) {
  const e = { ...process.env, LC_ALL: 'C.UTF-8', LANGUAGE: '', NO_COLOR: '1', ...extra };
  delete e.PLAN_BIDI;
  return e;
}

function run(args, extra = {}) {
  const r = spawnSync(plan, args, { env: env(extra), maxBuffer: 64 << 20 });
  assert.ok(r.status === 0 || r.status === 1, `plan ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return r;
}

// The rows xterm.js shows for `bytes`, trailing blanks cut.
function screen(bytes, cols) {
  const lines = bytes.toString('utf8').split('\n').length;
  const term = new Terminal({ cols, rows: lines + 1, allowProposedApi: true, convertEol: true });
  return new Promise((resolve) => {
    term.write(bytes, () => {
      const buf = term.buffer.active;
      const rows = [];
      for (let y = 0; y < buf.length; ++y) rows.push(buf.getLine(y).translateToString(true));
      while (rows.length && rows[rows.length - 1] === '') rows.pop();
      term.dispose();
      resolve(rows);
    });
  });
}

// FriBidi's visual order of each logical line: the paragraph's direction from its first
// strong character, marks after their letters, explicit codes removed.
function fribidi(text, extra = []) {
  const r = spawnSync('fribidi', ['--nopad', '--nobreak', '--clean', '--reordernsm', ...extra], {
    input: text,
  });
  assert.equal(r.status, 0, `fribidi failed: ${r.stderr}`);
  return r.stdout.toString('utf8').replace(/\n$/, '').split('\n');
}

const hebrew = /[\u0590-\u05FF]/;
const isolates = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

async function compareWithFribidi(args, cols, stream = 'stdout', extra = {}) {
  const e = { COLUMNS: String(cols), ...extra };
  const visual = run([...args, '--bidi', 'visual'], e)[stream];
  const logical = run([...args, '--bidi', 'logical'], e)[stream].toString('utf8');
  const rows = await screen(visual, cols);
  const expected = fribidi(logical);
  assert.equal(rows.length, expected.length, `${args.join(' ')}: number of rows`);
  let rtlRows = 0;
  rows.forEach((row, i) => {
    assert.equal(row.trim(), expected[i].trim(), `${args.join(' ')}: row ${i + 1}`);
    assert.ok(!isolates.test(row), `row ${i + 1} shows a directional mark as a cell`);
    // A right-to-left line is aligned to the right edge, as a Hebrew reader reads a screen.
    if (logical.split('\n')[i].startsWith('\u200F') && row.trim() !== '') {
      ++rtlRows;
      assert.ok(row.length <= cols && row.length >= cols - 1,
        `row ${i + 1} is not right-aligned (${row.length} of ${cols} cells): ${row}`);
    }
  });
  return { rows, logical, rtlRows };
}

test('the dependencies are installed', () => {
  assert.ok(plan, 'PLAN_BIN names the plan binary');
  assert.equal(spawnSync('fribidi', ['--version']).status, 0, 'the fribidi command (libfribidi-bin)');
});

for (const cols of [60, 80, 120]) {
  test(`status of the shipped plan at ${cols} columns reads as FriBidi orders it`, async () => {
    const { rows, rtlRows } = await compareWithFribidi(['--plan', shipped, 'status', '--as-of', asOf], cols);
    assert.ok(rows.some((r) => hebrew.test(r)), 'the screen has Hebrew');
    assert.ok(rtlRows > 5, `the Hebrew layout is right to left (${rtlRows} rows)`);
  });
}

// A workspace whose language is Hebrew (tests/golden/workspace-he-units): its status and
// list mirror as one plan's do.
const heWorkspace = path.join(repo, 'tests/golden/workspace-he-units');
for (const cols of [60, 80, 120]) {
  test(`status of a Hebrew workspace at ${cols} columns reads as FriBidi orders it`, async () => {
    const { logical, rtlRows } = await compareWithFribidi(
      ['--workspace', heWorkspace, 'status', '--as-of', '2009-06-01'], cols, 'stdout', { PLAN_HISTORY: '0' });
    assert.ok(logical.includes('מטרות משותפות') && !logical.includes('Shared goals'), 'the workspace\'s language');
    assert.ok(rtlRows > 10, `the Hebrew layout is right to left (${rtlRows} rows)`);
  });
}

test('list of a Hebrew workspace reads as FriBidi orders it', async () => {
  const { logical } = await compareWithFribidi(
    ['--workspace', heWorkspace, 'list', '--as-of', '2009-06-01'], 80, 'stdout', { PLAN_HISTORY: '0' });
  assert.ok(logical.includes('מזהה'), 'the workspace\'s language');
});

test('list of the shipped plan reads as FriBidi orders it', async () => {
  await compareWithFribidi(['--plan', shipped, 'list', '--as-of', asOf], 100);
});

for (const cols of [60, 120]) {
  test(`trace of the shipped plan at ${cols} columns reads as FriBidi orders it, in Hebrew`, async () => {
    const { rows, logical, rtlRows } = await compareWithFribidi(
      ['--plan', shipped, 'trace', 'accompaniment.3.6', '--as-of', asOf], cols);
    assert.ok(logical.includes('נספרת ביעדים:') && !logical.includes('counts towards'), 'the plan\'s language');
    assert.ok(rtlRows >= 6, `the Hebrew layout is right to left (${rtlRows} rows)`);
    // The goal's row: its title, as FriBidi shows it alone, left of its figure and its kind.
    const [title] = fribidi('טיפוח הרעיון', ['--rtl']);
    const [kind] = fribidi('מטרה', ['--rtl']);
    const goal = rows.find((r) => r.includes('G1 '));
    assert.ok(goal, `a row names G1:\n${rows.join('\n')}`);
    assert.ok(goal.indexOf(title) < goal.indexOf('0%') && goal.indexOf('0%') < goal.indexOf(kind),
      `title, figure, kind from left to right: ${goal}`);
  });
}

test("the shipped plan's goal titles are in the right order, and in logical order without the pass", async () => {
  const json = JSON.parse(run(['--plan', shipped, 'status', '--as-of', asOf, '--json']).stdout);
  const cols = 200;  // wide enough that no title is cut
  const e = { COLUMNS: String(cols) };
  const visualRows = await screen(run(['--plan', shipped, 'status', '--as-of', asOf, '--bidi', 'visual'], e).stdout, cols);
  const logicalRows = await screen(run(['--plan', shipped, 'status', '--as-of', asOf, '--bidi', 'logical'], e).stdout, cols);
  for (const g of json.goals) {
    const [seen] = fribidi(g.title, ['--rtl']);
    assert.notEqual(seen, g.title, 'a Hebrew title reads differently in visual order');
    assert.ok(visualRows.some((r) => r.includes(seen)), `goal ${g.id}: "${seen}" on the screen`);
    assert.ok(!visualRows.some((r) => r.includes(g.title)), `goal ${g.id}: no row in logical order`);
    // What xterm.js shows of logical text: the letters as stored, which reads reversed.
    assert.ok(logicalRows.some((r) => r.replace(isolates, '').includes(g.title)),
      `goal ${g.id}: --bidi logical leaves the title as stored`);
  }
});

test('a pipe gets logical order, and no terminal mode even in visual order', () => {
  const piped = run(['--plan', shipped, 'status', '--as-of', asOf], { COLUMNS: '80' }).stdout;
  const logical = run(['--plan', shipped, 'status', '--as-of', asOf, '--bidi', 'logical'], { COLUMNS: '80' }).stdout;
  assert.ok(!piped.includes('\x1b[8l') && !piped.includes('\x1b[8h'), 'no CSI 8 l/h in a pipe');
  assert.deepEqual(piped, logical);
  // Forced visual order into a pipe is reordered but not bracketed: whatever reads the pipe
  // (`head`) may quit before CSI 8 h would reach the terminal (a terminal gets the brackets:
  // tests/integration/terminal_test.cpp, through `script`).
  const visual = run(['--plan', shipped, 'status', '--as-of', asOf, '--bidi', 'visual'], { COLUMNS: '80' }).stdout;
  assert.ok(!visual.includes('\x1b[8l') && !visual.includes('\x1b[8h'), 'no CSI 8 l/h in a pipe');
  assert.notDeepEqual(visual, logical, 'but visual order');
});

test("check's Hebrew messages on a broken plan read as FriBidi orders them", async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-xterm-'));
  try {
    fs.cpSync(shipped, dir, { recursive: true });
    const goals = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    // A target that serves a goal no one wrote: `unknown-goal`.
    let broken = false;
    for (const f of goals) {
      const p = path.join(dir, f);
      const text = fs.readFileSync(p, 'utf8');
      const changed = text.replace(/goals: \[G1\b/, 'goals: [G99');
      if (changed !== text) {
        fs.writeFileSync(p, changed);
        broken = true;
        break;
      }
    }
    assert.ok(broken, 'a target serving G1 was found to break');
    const extra = { LANG: 'he_IL.UTF-8', LC_ALL: '' };
    // Wide enough that no message needs a second row: each row is FriBidi's line.
    const { rows } = await compareWithFribidi(['--plan', dir, 'check'], 250, 'stderr', extra);
    assert.ok(rows.some((r) => r.includes('[unknown-goal]')), 'the code stays English');
    assert.ok(rows.some((r) => hebrew.test(r.replace(/\[.*?\]/g, ''))), 'the message is Hebrew');
    // At 80 columns the message takes rows, broken before reordering: its start (the file
    // and line, at the right end) on the first row, the code on its last. Had the terminal
    // wrapped a reordered line, the start would be on the last row.
    const narrow = await screen(run(['--plan', dir, 'check', '--bidi', 'visual'], { COLUMNS: '80', ...extra }).stderr, 80);
    const first = narrow.findIndex((r) => r.includes('targets.yaml:'));
    const code = narrow.findIndex((r) => r.includes('[unknown-goal]'));
    assert.ok(first >= 0 && code > first, `the message reads from its first row down:\n${narrow.join('\n')}`);
    assert.ok(narrow[first].trimEnd().endsWith('targets.yaml:11:13'), `the place first, at the right: ${narrow[first]}`);
    for (const r of narrow) assert.ok(r.length <= 80);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('diff and history of the shipped plan under git read as FriBidi orders them', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-xterm-git-'));
  const git = (...args) => {
    const r = spawnSync('git', args, {
      cwd: dir,
      env: { ...process.env, GIT_AUTHOR_DATE: '2009-03-01T12:00:00Z', GIT_COMMITTER_DATE: '2009-03-01T12:00:00Z',
        GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T',
        GIT_COMMITTER_EMAIL: 't@example.org', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
    });
    assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  };
  try {
    fs.cpSync(shipped, path.join(dir, 'plan'), { recursive: true });
    git('init', '-q', '-b', 'main', '.');
    git('add', '-A');
    git('commit', '-q', '-m', 'התוכנית כפי שפורסמה');
    // The first activity starts: a change in the working tree for diff to show.
    const file = path.join(dir, 'plan', 'activities', '01-general.yaml');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace('status: planned', 'status: done'));
    const at = ['--plan', path.join(dir, 'plan')];
    for (const cols of [60, 120]) {
      const { rows, rtlRows } = await compareWithFribidi([...at, 'diff', '--as-of', asOf], cols);
      assert.ok(rows.some((r) => r.includes('הדובעה קתוע')), 'the working tree in Hebrew, in visual order');
      assert.ok(rtlRows >= 5, `the Hebrew layout is right to left (${rtlRows} rows)`);
    }
    git('commit', '-q', '-a', '-m', 'פעילות ראשונה בוצעה');
    const { rows } = await compareWithFribidi([...at, 'history'], 80);
    assert.equal(rows.length, 2, 'a row a commit');
    assert.ok(rows[0].trimEnd().endsWith('2009-03-01'), `the date at the right: ${rows[0]}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
