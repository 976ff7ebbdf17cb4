// Documents kept in sync and the diagnostics that follow, through vscode-jsonrpc:
// incremental edits (several in one notification, on Hebrew lines with a character outside
// the Basic Multilingual Plane), the diagnostics of files that are not open, files changed
// or deleted on disk, and a file deleted while it is open.
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';

import { smallPlan, startClient, workspace } from './lib/harness.mjs';

const unknownTarget = (activity, target, line, from, to) => ({
  range: { start: { line, character: from }, end: { line, character: to } },
  severity: 1,
  source: 'plan',
  code: 'unknown-target',
  message:
    `activity '${activity}' names target '${target}', which does not exist; ` +
    'define a target with this id or name an existing one',
});
const unserved = (target, line) => ({
  range: { start: { line, character: 4 }, end: { line, character: 6 } },
  severity: 2,
  source: 'plan',
  code: 'unserved-target',
  message: `target '${target}' is served by no activity; name it in the 'targets' of one`,
});
// The diagnostics as compared: codeDescription is the README's address, whatever it is.
const shown = (p) => ({
  ...p,
  diagnostics: p.diagnostics.map(({ codeDescription, ...d }) => {
    assert.ok(!codeDescription || typeof codeDescription.href === 'string');
    return d;
  }),
});

async function started(t, files = smallPlan()) {
  const ws = workspace(files);
  const c = await startClient(ws);
  t.after(() => {
    c.kill();
    ws.cleanup();
  });
  await c.initialize();
  return { ws, c };
}

test('several incremental edits in one didChange, on Hebrew lines, then diagnostics that match', async (t) => {
  const { ws, c } = await started(t);
  const a = ws.uri('activities/a.yaml');
  const text = smallPlan()['activities/a.yaml'];
  await c.open('activities/a.yaml', text, 1);
  const next = c.nextDiagnostics(a);
  // Each edit applies to the text the edits before it left (columns in UTF-16 code units:
  // a Hebrew letter is one, 😀 is two).
  await c.change('activities/a.yaml', 2, [
    // 'פרק' → 'פרק ראשון עם 😀' (line 2)
    {
      range: { start: { line: 2, character: 11 }, end: { line: 2, character: 14 } },
      text: 'פרק ראשון עם 😀',
    },
    // T1 → ZZ9, after 'שלום עולם' (line 4)
    { range: { start: { line: 4, character: 45 }, end: { line: 4, character: 47 } }, text: 'ZZ9' },
    // a new activity at the end, with 😀 in its title before its link
    {
      range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } },
      text: '      - {id: a2, title: "אבג 😀 דה", targets: [Q1], status: planned}\n',
    },
    // Q1 → QQ2: found only if 😀 counts two
    { range: { start: { line: 5, character: 47 }, end: { line: 5, character: 49 } }, text: 'QQ2' },
  ]);
  assert.deepEqual(shown(await next), {
    uri: a,
    version: 2,
    diagnostics: [unknownTarget('a1', 'ZZ9', 4, 45, 48), unknownTarget('a2', 'QQ2', 5, 47, 50)],
  });
  // T1 lost the activity that served it: another file's diagnostics, published too.
  const targets = await c.nextDiagnostics(ws.uri('targets.yaml'), 0);
  assert.deepEqual(shown(targets), { uri: ws.uri('targets.yaml'), diagnostics: [unserved('T1', 1)] });

  // Fixed by two more edits (one of them a range given end before start): an empty list.
  const fixed = c.nextDiagnostics(a);
  const fixedTargets = c.nextDiagnostics(ws.uri('targets.yaml'));
  await c.change('activities/a.yaml', 3, [
    { range: { start: { line: 5, character: 50 }, end: { line: 5, character: 47 } }, text: 'KESHER' },
    { range: { start: { line: 4, character: 45 }, end: { line: 4, character: 48 } }, text: 'T1' },
  ]);
  assert.deepEqual(await fixed, { uri: a, version: 3, diagnostics: [] });
  assert.deepEqual(await fixedTargets, { uri: ws.uri('targets.yaml'), diagnostics: [] });
});

test('a whole-text change and positions past the end of the document', async (t) => {
  const { ws, c } = await started(t);
  const a = ws.uri('activities/a.yaml');
  await c.open('activities/a.yaml', smallPlan()['activities/a.yaml'], 1);
  let next = c.nextDiagnostics(a);
  // A change without a range replaces the text; then an edit far past the end appends.
  await c.change('activities/a.yaml', 2, [
    { text: 'sections:\n  - id: s1\n    title: פרק\n    activities:\n' },
    {
      range: { start: { line: 400, character: 9 }, end: { line: 900, character: 0 } },
      text: '      - {id: a1, title: שלום, targets: [NOPE], status: done}\n',
    },
  ]);
  assert.deepEqual(shown(await next), {
    uri: a,
    version: 2,
    diagnostics: [unknownTarget('a1', 'NOPE', 4, 40, 44)],
  });
  // A column past its line's end is the line's end: '!' lands after 'פרק' on line 2, and
  // the columns of line 4 are untouched.
  next = c.nextDiagnostics(a);
  await c.change('activities/a.yaml', 3, [
    { range: { start: { line: 2, character: 999 }, end: { line: 2, character: 999 } }, text: '!' },
    { range: { start: { line: 4, character: 40 }, end: { line: 4, character: 44 } }, text: 'T1' },
  ]);
  assert.deepEqual(await next, { uri: a, version: 3, diagnostics: [] });
  // Requests at positions outside the document are answered, not failed.
  for (const method of [
    'textDocument/hover',
    'textDocument/definition',
    'textDocument/references',
    'textDocument/completion',
    'textDocument/documentSymbol',
    'textDocument/inlayHint',
  ]) {
    for (const position of [
      { line: 99999, character: 0 },
      { line: 2, character: 99999 },
      { line: -1, character: -5 },
      { line: 4294967296, character: 1.5 },
    ])
      await c.request(method, {
        textDocument: { uri: a },
        position,
        range: { start: position, end: position },
        context: { includeDeclaration: true },
      });
  }
});

test('a file that is not open gets diagnostics when another file deletes its target, and an empty list once fixed', async (t) => {
  const { ws, c } = await started(t);
  const targetsText = smallPlan()['targets.yaml'];
  await c.open('targets.yaml', targetsText, 1);
  const b = ws.uri('activities/b.yaml');
  let next = c.nextDiagnostics(b);
  // Delete KESHER (lines 4 to 6) from the open targets.yaml.
  await c.change('targets.yaml', 2, [
    { range: { start: { line: 4, character: 0 }, end: { line: 7, character: 0 } }, text: '' },
  ]);
  // b.yaml is not open: its diagnostics come without a version.
  assert.deepEqual(shown(await next), {
    uri: b,
    diagnostics: [unknownTarget('b1', 'KESHER', 6, 18, 24)],
  });
  next = c.nextDiagnostics(b);
  await c.change('targets.yaml', 3, [
    {
      range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } },
      text: '  - id: KESHER\n    title: יעד שני\n    goals: [G1]\n',
    },
  ]);
  assert.deepEqual(await next, { uri: b, diagnostics: [] });
});

test('workspace/didChangeWatchedFiles: a file changed, deleted and created on disk', async (t) => {
  const { ws, c } = await started(t);
  const b = ws.uri('activities/b.yaml');
  let next = c.nextDiagnostics(b);
  writeFileSync(
    ws.path('activities/b.yaml'),
    smallPlan()['activities/b.yaml'].replace('[KESHER]', '[GONE]'),
  );
  await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: b, type: 2 }] });
  assert.deepEqual(shown(await next), {
    uri: b,
    diagnostics: [unknownTarget('b1', 'GONE', 6, 18, 22)],
  });

  // Deleted: its list is cleared, and KESHER, which only it served, is unserved now.
  next = c.nextDiagnostics(b);
  let targets = c.nextDiagnostics(ws.uri('targets.yaml'));
  rmSync(ws.path('activities/b.yaml'));
  await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: b, type: 3 }] });
  assert.deepEqual(await next, { uri: b, diagnostics: [] });
  assert.deepEqual(shown(await targets), {
    uri: ws.uri('targets.yaml'),
    diagnostics: [unserved('KESHER', 4)],
  });

  // Created (a .yml file): it serves KESHER again, with a broken link of its own.
  const cUri = ws.uri('activities/c.yml');
  next = c.nextDiagnostics(cUri);
  targets = c.nextDiagnostics(ws.uri('targets.yaml'));
  writeFileSync(
    ws.path('activities/c.yml'),
    'sections:\n  - id: s3\n    title: חדש\n    activities:\n' +
      '      - {id: c1, title: חדשה, targets: [KESHER, NOPE], status: planned}\n',
  );
  await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: cUri, type: 1 }] });
  assert.deepEqual(shown(await next), {
    uri: cUri,
    diagnostics: [unknownTarget('c1', 'NOPE', 4, 48, 52)],
  });
  assert.deepEqual(await targets, { uri: ws.uri('targets.yaml'), diagnostics: [] });

  // Files the plan does not serve are ignored: a hidden one, a text file, one outside.
  writeFileSync(ws.path('.hidden.yaml'), 'garbage: [');
  writeFileSync(ws.path('notes.txt'), 'garbage: [');
  await c.notify('workspace/didChangeWatchedFiles', {
    changes: [
      { uri: ws.uri('.hidden.yaml'), type: 1 },
      { uri: ws.uri('notes.txt'), type: 1 },
      { uri: 'file:///etc/passwd.yaml', type: 2 },
      { uri: 'not a uri', type: 2 },
      { type: 2 },
    ],
  });
  const before = c.diagnostics.items.length;
  await c.request('workspace/symbol', { query: '' });
  assert.equal(c.diagnostics.items.length, before);
});

test('a file deleted on disk while open stays as its buffer, and leaves the plan when closed', async (t) => {
  const { ws, c } = await started(t);
  const b = ws.uri('activities/b.yaml');
  const text = smallPlan()['activities/b.yaml'];
  await c.open('activities/b.yaml', text, 1);
  rmSync(ws.path('activities/b.yaml'));
  await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: b, type: 3 }] });
  // The buffer is still the file: an edit to it is checked.
  let next = c.nextDiagnostics(b);
  await c.change('activities/b.yaml', 2, [
    { range: { start: { line: 6, character: 18 }, end: { line: 6, character: 24 } }, text: 'XX' },
  ]);
  assert.deepEqual(shown(await next), {
    uri: b,
    version: 2,
    diagnostics: [unknownTarget('b1', 'XX', 6, 18, 20)],
  });
  // Closed: the disk has no such file, so it leaves the plan: its list is cleared, and KESHER,
  // which only it served, is unserved.
  next = c.nextDiagnostics(b);
  const targets = c.nextDiagnostics(ws.uri('targets.yaml'));
  await c.notify('textDocument/didClose', { textDocument: { uri: b } });
  assert.deepEqual(await next, { uri: b, diagnostics: [] });
  assert.deepEqual(shown(await targets), {
    uri: ws.uri('targets.yaml'),
    diagnostics: [unserved('KESHER', 4)],
  });
});

test('the shipped plan: its diagnostics on open, a broken link and its repair', async (t) => {
  const { ws, c } = await started(t, null);
  const rel = 'activities/01-general.yaml';
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(ws.path(rel), 'utf8');
  const lines = text.split('\n');
  const line = lines.findIndex((l) => /targets: \[T\d/.test(l));
  assert.ok(line > 0);
  const col = lines[line].indexOf('[') + 1; // the first target id, in ASCII
  const id = lines[line].slice(col).match(/^T\d+/)[0];
  const uri = ws.uri(rel);
  await c.open(rel, text, 1);
  let next = c.nextDiagnostics(uri);
  await c.change(rel, 2, [
    { range: { start: { line, character: col }, end: { line, character: col + id.length } }, text: 'T999' },
  ]);
  const d = await next;
  assert.equal(d.version, 2);
  const broken = d.diagnostics.filter((x) => x.code === 'unknown-target');
  assert.equal(broken.length, 1);
  assert.deepEqual(broken[0].range, {
    start: { line, character: col },
    end: { line, character: col + 4 },
  });
  next = c.nextDiagnostics(uri);
  await c.change(rel, 3, [
    { range: { start: { line, character: col }, end: { line, character: col + 4 } }, text: id },
  ]);
  assert.deepEqual((await next).diagnostics.filter((x) => x.code === 'unknown-target'), []);
});
