// What the protocol tests and the benchmark share: a plan folder in a temporary directory,
// `plan lsp` started on it, and two ways to talk to it: a vscode-jsonrpc connection (what an
// editor's client does) and raw bytes written to its stdin (what no library would send),
// whose answers are still read through vscode-jsonrpc's stream reader.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';

export const sourceDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

// The binary under test: CTest passes it in PLAN_BIN.
export function planBinary() {
  const bin = process.env.PLAN_BIN;
  if (!bin) throw new Error('PLAN_BIN must name the plan binary to test (CTest sets it)');
  return resolve(bin); // the server runs in the workspace's folder
}

export const uriOf = (path) => pathToFileURL(path).href;

// A workspace folder holding `plan/` with the given files ({relative path: text}), or a copy
// of the shipped plan when files is null. Removed by the returned cleanup.
export function workspace(files) {
  const root = mkdtempSync(join(tmpdir(), 'plan-lsp-'));
  const dir = join(root, 'plan');
  if (files === null) {
    cpSync(join(sourceDir, 'plan'), dir, { recursive: true });
  } else {
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
    }
  }
  return {
    root,
    dir,
    path: (rel) => join(dir, rel),
    uri: (rel) => uriOf(join(dir, rel)),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

// A small plan whose titles are Hebrew: a goal, two targets, activities linking to both.
export const smallPlan = () => ({
  'plan.yaml':
    'plan:\n  id: test\n  title: תוכנית בדיקה\n  language: he\n' +
    '  period: {start: 2009-01-01, end: 2009-12-31}\n',
  'goals.yaml': 'goals:\n  - id: G1\n    title: מטרה ראשונה\n',
  'targets.yaml':
    'targets:\n  - id: T1\n    title: יעד ראשון\n    goals: [G1]\n' +
    '  - id: KESHER\n    title: יעד שני\n    goals: [G1]\n',
  'activities/a.yaml':
    'sections:\n  - id: s1\n    title: פרק\n    activities:\n' +
    '      - {id: a1, title: שלום עולם, targets: [T1], status: done}\n',
  'activities/b.yaml':
    'sections:\n  - id: s2\n    title: פרק שני\n    activities:\n' +
    '      - id: b1\n        title: פעילות שנייה\n        targets: [KESHER]\n        status: planned\n',
});

// `plan lsp` as a child process in the workspace's root. `exited` resolves to its exit code
// (or the signal's name).
export function spawnServer(ws, args = []) {
  const env = { ...process.env, LANG: 'C.UTF-8' };
  delete env.PLAN_DIR;
  const child = spawn(planBinary(), ['lsp', ...args], {
    cwd: ws.root,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdin.on('error', () => {}); // a server that exited: the test asserts on that
  const exited = new Promise((res) =>
    child.on('exit', (code, signal) => res(code ?? signal)),
  );
  return { child, exited, stderr: () => stderr };
}

// Resolves with what `promise` gives, or rejects after ms with `what`.
export function within(ms, promise, what) {
  let timer;
  const timeout = new Promise((_, rej) => {
    timer = setTimeout(() => rej(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Notifications kept in arrival order, with waiting for one that matches.
class Inbox {
  constructor() {
    this.items = [];
    this.waiters = [];
  }
  push(m) {
    this.items.push(m);
    this.waiters = this.waiters.filter((w) => {
      if (!w.pred(m)) return true;
      w.resolve(m);
      return false;
    });
    this.counters = (this.counters ?? []).filter((w) => {
      if (this.items.length < w.count) return true;
      w.resolve();
      return false;
    });
  }
  // Once `count` messages have come.
  waitCount(count, ms, what) {
    if (this.items.length >= count) return Promise.resolve();
    this.counters = this.counters ?? [];
    return within(ms, new Promise((resolve) => this.counters.push({ count, resolve })), what);
  }
  // The first message after `from` (an index into items) that matches.
  wait(pred, from = 0, ms = 10000, what = 'a message') {
    const found = this.items.slice(from).find(pred);
    if (found) return Promise.resolve(found);
    return within(ms, new Promise((resolve) => this.waiters.push({ pred, resolve })), what);
  }
}

// The server driven through vscode-jsonrpc's MessageConnection, as an editor would.
export async function startClient(ws, { capabilities = {}, initializationOptions, args } = {}) {
  const server = spawnServer(ws, args);
  const connection = createMessageConnection(
    new StreamMessageReader(server.child.stdout),
    new StreamMessageWriter(server.child.stdin),
  );
  const diagnostics = new Inbox();
  const serverRequests = [];
  connection.onNotification('textDocument/publishDiagnostics', (p) => diagnostics.push(p));
  connection.onRequest((method, params) => {
    serverRequests.push({ method, params });
    return null;
  });
  connection.onError(() => {});
  connection.listen();
  const client = {
    ...server,
    connection,
    diagnostics,
    serverRequests,
    request: (method, params) => connection.sendRequest(method, params),
    notify: (method, params) => connection.sendNotification(method, params),
    // The next diagnostics published for a URI (after those seen so far, unless `from`).
    nextDiagnostics(uri, from = diagnostics.items.length, ms = 10000) {
      return diagnostics.wait((p) => p.uri === uri, from, ms, `diagnostics of ${uri}`);
    },
    async initialize(params = {}) {
      const result = await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: uriOf(ws.root),
        capabilities,
        initializationOptions,
        ...params,
      });
      await connection.sendNotification('initialized', {});
      return result;
    },
    open(rel, text, version = 1) {
      return connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: ws.uri(rel), languageId: 'yaml', version, text },
      });
    },
    change(rel, version, contentChanges) {
      return connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: ws.uri(rel), version },
        contentChanges,
      });
    },
    async shutdownAndExit() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      const code = await within(10000, server.exited, 'the server to exit');
      connection.dispose();
      return code;
    },
    kill() {
      connection.dispose();
      server.child.kill('SIGKILL');
    },
  };
  return client;
}

// One message framed as the protocol frames it.
export const frame = (message) => {
  const body = Buffer.from(typeof message === 'string' ? message : JSON.stringify(message));
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
};

// The server driven with raw bytes; every message it writes is read by vscode-jsonrpc's
// StreamMessageReader and kept in order.
export function startRaw(ws, args) {
  const server = spawnServer(ws, args);
  const reader = new StreamMessageReader(server.child.stdout);
  const inbox = new Inbox();
  reader.listen((m) => inbox.push(m));
  const raw = {
    ...server,
    inbox,
    write: (bytes) =>
      new Promise((res, rej) => server.child.stdin.write(bytes, (e) => (e ? rej(e) : res()))),
    send: (message) => raw.write(frame(message)),
    // The response to the request with this id (among all messages so far and to come).
    response: (id, ms = 10000) =>
      inbox.wait((m) => m.id === id && !('method' in m), 0, ms, `the response to id ${id}`),
    // The next `count` messages after the first `from`.
    async messages(from, count, ms = 10000) {
      await inbox.waitCount(from + count, ms, `${count} messages after ${from}`);
      return inbox.items.slice(from, from + count);
    },
    async initialize() {
      await raw.send({
        jsonrpc: '2.0',
        id: 'init',
        method: 'initialize',
        params: { processId: null, rootUri: uriOf(ws.root), capabilities: {} },
      });
      const r = await raw.response('init');
      await raw.send({ jsonrpc: '2.0', method: 'initialized', params: {} });
      return r;
    },
    kill() {
      reader.dispose();
      server.child.kill('SIGKILL');
    },
  };
  return raw;
}
