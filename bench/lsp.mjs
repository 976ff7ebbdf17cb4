// The language server's benchmark: drives `plan lsp` through vscode-jsonrpc (the client
// library tests/lsp/node installs) and prints a Markdown table.
//   node bench/lsp.mjs PLAN_BINARY GENERATED_PLAN_DIR [EDITS] [MEMORY_EDITS]
// - the shipped plan: the time from a didChange to its publishDiagnostics, over EDITS
//   (default 200) edits that alternately break and repair a link (so that each one changes
//   the file's diagnostics, which is when they are published);
// - the generated plan (bench/lsp.sh makes 100,000 activities in 50 files): the same from a
//   keystroke in one file, the first diagnostics after initialize, and completion latency;
// - the server's resident memory (VmRSS, /proc/PID/status) before and after MEMORY_EDITS
//   (default 10,000) edits of the shipped plan.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startClient, uriOf, workspace } from '../tests/lsp/node/lib/harness.mjs';

const [bin, generated, editsArg, memoryArg] = process.argv.slice(2);
if (!bin || !generated) {
  console.error('usage: node bench/lsp.mjs PLAN_BINARY GENERATED_PLAN_DIR [EDITS] [MEMORY_EDITS]');
  process.exit(2);
}
process.env.PLAN_BIN = bin;
const edits = Number(editsArg ?? 200);
const memoryEdits = Number(memoryArg ?? 10000);

const now = () => Number(process.hrtime.bigint()) / 1e6;
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const ms = (x) => (x < 10 ? x.toFixed(1) : x.toFixed(0)) + ' ms';
const status = (pid, field) =>
  Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+)`))[1]);
const mib = (kib) => (kib / 1024).toFixed(1) + ' MiB';

// The first line of a file with `targets: [T…`, and where that id is: an edit that breaks
// the link (T… → Z…, an id no plan has) and one that repairs it.
function linkEdit(text) {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => /targets: \[T\d+/.test(l));
  const character = lines[line].indexOf('[T') + 1;
  const range = { start: { line, character }, end: { line, character: character + 1 } };
  return { range, broken: 'Z', fixed: 'T', line, character };
}

// Opens `rel`, then makes `count` edits, each waiting for its diagnostics; the latencies.
async function editLatencies(client, ws, rel, count, onEdit) {
  const uri = ws.uri(rel);
  const text = readFileSync(ws.path(rel), 'utf8');
  const first = client.nextDiagnostics(uri);
  await client.open(rel, text, 1);
  const e = linkEdit(text);
  // The file may have no problems to publish on open: then nothing comes, which is fine.
  await Promise.race([first, new Promise((r) => setTimeout(r, 3000))]);
  const times = [];
  for (let i = 0; i < count; i++) {
    const version = i + 2;
    const published = client.diagnostics.wait(
      (p) => p.uri === uri && p.version === version,
      client.diagnostics.items.length,
      120000,
      `diagnostics of version ${version}`,
    );
    const t0 = now();
    await client.change(rel, version, [{ range: e.range, text: i % 2 ? e.fixed : e.broken }]);
    await published;
    times.push(now() - t0);
    // Keep what the client holds small over thousands of edits.
    if (client.diagnostics.items.length > 1000) client.diagnostics.items.length = 0;
    if (onEdit) onEdit(i + 1);
  }
  return { times, e, uri };
}

const rows = [];
const row = (what, value, target = '') => rows.push(`| ${what} | ${value} | ${target} |`);

// The shipped plan.
{
  const ws = workspace(null);
  const c = await startClient(ws);
  await c.initialize();
  const { times } = await editLatencies(c, ws, 'activities/01-general.yaml', edits);
  row(
    `shipped plan: didChange → publishDiagnostics, median / p95 of ${edits}`,
    `${ms(quantile(times, 0.5))} / ${ms(quantile(times, 0.95))}`,
    '≤ 20 ms',
  );
  await c.shutdownAndExit();
  ws.cleanup();
}

// The generated plan: copied, so the benchmark never writes into it.
{
  const root = mkdtempSync(join(tmpdir(), 'plan-lsp-bench-'));
  cpSync(generated, join(root, 'plan'), { recursive: true });
  const ws = {
    root,
    dir: join(root, 'plan'),
    path: (rel) => join(root, 'plan', rel),
    uri: (rel) => uriOf(join(root, 'plan', rel)),
  };
  const c = await startClient(ws);
  const t0 = now();
  await c.initialize();
  // A request answered after `initialized`, whose handling checked every file once (and
  // published nothing: the generated plan has no problems).
  await c.request('workspace/symbol', { query: 'no-such-thing' });
  const startup = now() - t0;
  const rel = 'activities/025-section.yaml';
  const n = 30;
  const { times, e, uri } = await editLatencies(c, ws, rel, n);
  row(
    `100,000 activities in 50 files: keystroke → fresh diagnostics, median / p95 of ${n}`,
    `${ms(quantile(times, 0.5))} / ${ms(quantile(times, 0.95))}`,
    '≤ 200 ms',
  );
  // Completion inside the `targets: [` of an activity, after the edits above.
  const ctimes = [];
  for (let i = 0; i < 50; i++) {
    const t1 = now();
    await c.request('textDocument/completion', {
      textDocument: { uri },
      position: { line: e.line, character: e.character },
      context: { triggerKind: 1 },
    });
    ctimes.push(now() - t1);
  }
  row(
    '100,000 activities: completion, median / p95 of 50',
    `${ms(quantile(ctimes, 0.5))} / ${ms(quantile(ctimes, 0.95))}`,
    '≤ 50 ms',
  );
  row('100,000 activities: initialize → plan read and checked', ms(startup));
  row('100,000 activities: server memory after the edits (VmRSS / VmHWM)',
    `${mib(status(c.child.pid, 'VmRSS'))} / ${mib(status(c.child.pid, 'VmHWM'))}`);
  await c.shutdownAndExit();
  rmSync(root, { recursive: true, force: true });
}

// Memory over many edits of the shipped plan.
{
  const ws = workspace(null);
  const c = await startClient(ws);
  await c.initialize();
  const pid = c.child.pid;
  const marks = {};
  const t0 = now();
  await editLatencies(c, ws, 'activities/01-general.yaml', memoryEdits, (i) => {
    if (i === 100 || i === 1000 || i === memoryEdits) marks[i] = status(pid, 'VmRSS');
  });
  const seconds = (now() - t0) / 1000;
  row(
    `shipped plan: VmRSS after 100 / 1,000 / ${memoryEdits.toLocaleString('en')} edits`,
    `${mib(marks[100])} / ${mib(marks[1000])} / ${mib(marks[memoryEdits])}`,
    'flat',
  );
  row(`shipped plan: ${memoryEdits.toLocaleString('en')} edits, each waiting for its diagnostics`,
    `${seconds.toFixed(1)} s`);
  await c.shutdownAndExit();
  ws.cleanup();
}

console.log('| measure | figure | target |');
console.log('| --- | ---: | --- |');
for (const r of rows) console.log(r);
