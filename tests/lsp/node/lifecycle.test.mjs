// The protocol's lifecycle through vscode-jsonrpc: initialize and its capabilities, the
// position encoding, shutdown and exit, requests out of turn, unknown methods, cancellation.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { ResponseError } from 'vscode-jsonrpc/node';

import {
  frame,
  planBinary,
  smallPlan,
  startClient,
  startRaw,
  workspace,
} from './lib/harness.mjs';

const version = execFileSync(planBinary(), ['--version'], { encoding: 'utf8' })
  .trim()
  .replace(/^plan /, '');

// A request's rejection as {code, message}: what the server answered, exactly.
async function failure(promise) {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof ResponseError, `not a ResponseError: ${e}`);
    return { code: e.code, message: e.message, data: e.data };
  }
  assert.fail('the request succeeded');
}

test('initialize answers the capabilities, positions in UTF-16 by default', async (t) => {
  const ws = workspace(smallPlan());
  const c = await startClient(ws);
  t.after(() => ws.cleanup());
  const result = await c.initialize();
  assert.equal(result.capabilities.positionEncoding, 'utf-16');
  assert.deepEqual(result.capabilities.textDocumentSync, {
    openClose: true,
    change: 2,
    save: { includeText: false },
  });
  assert.deepEqual(result.serverInfo, { name: 'plan', version });
  for (const p of [
    'hoverProvider',
    'definitionProvider',
    'referencesProvider',
    'documentSymbolProvider',
    'workspaceSymbolProvider',
    'inlayHintProvider',
  ])
    assert.ok(result.capabilities[p], p);
  assert.equal(await c.shutdownAndExit(), 0);
});

test('positionEncoding is utf-8 when the client offers it, utf-16 when it offers only others', async (t) => {
  const ws = workspace(smallPlan());
  t.after(() => ws.cleanup());
  for (const [offered, chosen] of [
    [['utf-8', 'utf-16'], 'utf-8'],
    [['utf-16', 'utf-8'], 'utf-8'],
    [['utf-32', 'utf-16'], 'utf-16'],
    [[], 'utf-16'],
  ]) {
    const c = await startClient(ws, { capabilities: { general: { positionEncodings: offered } } });
    const result = await c.initialize();
    assert.equal(result.capabilities.positionEncoding, chosen, JSON.stringify(offered));
    assert.equal(await c.shutdownAndExit(), 0);
  }
});

test('the chosen encoding counts the columns of a Hebrew line', async (t) => {
  // 'T404' comes after Hebrew letters: 2 bytes each in UTF-8, 1 code unit each in UTF-16.
  const ws = workspace(smallPlan());
  t.after(() => ws.cleanup());
  const text =
    'sections:\n  - id: s1\n    title: פרק\n    activities:\n' +
    '      - {id: a1, title: שלום עולם, targets: [T1, T404], status: done}\n';
  const expected = {
    'utf-16': { start: { line: 4, character: 49 }, end: { line: 4, character: 53 } },
    'utf-8': { start: { line: 4, character: 57 }, end: { line: 4, character: 61 } },
  };
  for (const enc of ['utf-16', 'utf-8']) {
    const c = await startClient(ws, { capabilities: { general: { positionEncodings: [enc] } } });
    await c.initialize();
    const next = c.nextDiagnostics(ws.uri('activities/a.yaml'));
    await c.open('activities/a.yaml', text, 3);
    const d = await next;
    assert.equal(d.version, 3);
    assert.equal(d.diagnostics.length, 1);
    assert.deepEqual(d.diagnostics[0].range, expected[enc], enc);
    assert.equal(d.diagnostics[0].code, 'unknown-target');
    assert.equal(await c.shutdownAndExit(), 0);
  }
});

test('exit after shutdown ends with 0', async (t) => {
  const ws = workspace(smallPlan());
  t.after(() => ws.cleanup());
  const c = await startClient(ws);
  await c.initialize();
  assert.equal(await c.request('shutdown'), null);
  await c.notify('exit');
  assert.equal(await c.exited, 0);
});

test('exit without shutdown ends with 1', async (t) => {
  const ws = workspace(smallPlan());
  t.after(() => ws.cleanup());
  const c = await startClient(ws);
  await c.initialize();
  await c.notify('exit');
  assert.equal(await c.exited, 1);
  c.connection.dispose();
});

test('exit before initialize ends with 1', async (t) => {
  const ws = workspace(smallPlan());
  t.after(() => ws.cleanup());
  const c = await startClient(ws);
  await c.notify('exit');
  assert.equal(await c.exited, 1);
  c.connection.dispose();
});

test('a request before initialize is refused with ServerNotInitialized, then initialize works', async (t) => {
  const ws = workspace(smallPlan());
  t.after(() => ws.cleanup());
  const c = await startClient(ws);
  assert.deepEqual(
    await failure(
      c.request('textDocument/hover', {
        textDocument: { uri: ws.uri('goals.yaml') },
        position: { line: 1, character: 8 },
      }),
    ),
    { code: -32002, message: "the first request must be 'initialize'", data: undefined },
  );
  assert.deepEqual(await failure(c.request('shutdown')), {
    code: -32002,
    message: "the first request must be 'initialize'",
    data: undefined,
  });
  assert.equal((await c.initialize()).capabilities.positionEncoding, 'utf-16');
  assert.equal(await c.shutdownAndExit(), 0);
});

test('a second initialize is refused with InvalidRequest', async (t) => {
  const ws = workspace(smallPlan());
  t.after(() => ws.cleanup());
  const c = await startClient(ws);
  await c.initialize();
  assert.deepEqual(await failure(c.request('initialize', { capabilities: {} })), {
    code: -32600,
    message: 'the server is already initialized',
    data: undefined,
  });
  assert.equal(await c.shutdownAndExit(), 0);
});

test('a request after shutdown is refused with InvalidRequest, and exit still ends with 0', async (t) => {
  const ws = workspace(smallPlan());
  t.after(() => ws.cleanup());
  const c = await startClient(ws);
  await c.initialize();
  assert.equal(await c.request('shutdown'), null);
  for (const method of ['textDocument/hover', 'shutdown', 'no/such'])
    assert.deepEqual(
      await failure(
        c.request(method, {
          textDocument: { uri: ws.uri('goals.yaml') },
          position: { line: 0, character: 0 },
        }),
      ),
      { code: -32600, message: 'the server is shutting down', data: undefined },
      method,
    );
  await c.notify('exit');
  assert.equal(await c.exited, 0);
  c.connection.dispose();
});

test('an unknown method is MethodNotFound, and an unknown notification is ignored', async (t) => {
  const ws = workspace(smallPlan());
  t.after(() => ws.cleanup());
  const c = await startClient(ws);
  await c.initialize();
  assert.deepEqual(await failure(c.request('textDocument/unheardOf', {})), {
    code: -32601,
    message: "no method 'textDocument/unheardOf'",
    data: undefined,
  });
  await c.notify('$/unheardOf', { x: 1 });
  assert.deepEqual(await failure(c.request('workspace/executeCommand', { command: 'x' })), {
    code: -32601,
    message: "no method 'workspace/executeCommand'",
    data: undefined,
  });
  assert.equal(await c.shutdownAndExit(), 0);
});

test('the watched-files registration is asked for when the client offers it', async (t) => {
  const ws = workspace(smallPlan());
  t.after(() => ws.cleanup());
  const c = await startClient(ws, {
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
  });
  await c.initialize();
  await c.request('workspace/symbol', { query: '' }).catch(() => {}); // a round trip
  assert.deepEqual(c.serverRequests, [
    {
      method: 'client/registerCapability',
      params: {
        registrations: [
          {
            id: 'plan-watched-files',
            method: 'workspace/didChangeWatchedFiles',
            registerOptions: { watchers: [{ globPattern: '**/*.{yaml,yml}' }] },
          },
        ],
      },
    },
  ]);
  assert.equal(await c.shutdownAndExit(), 0);
});

test('$/cancelRequest in the same write as its request answers RequestCancelled', async (t) => {
  const ws = workspace(smallPlan());
  t.after(() => ws.cleanup());
  const s = startRaw(ws);
  t.after(() => s.kill());
  await s.initialize();
  const hover = (id) => ({
    jsonrpc: '2.0',
    id,
    method: 'textDocument/hover',
    params: { textDocument: { uri: ws.uri('goals.yaml') }, position: { line: 1, character: 8 } },
  });
  const cancel = (id) => ({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id } });
  const frames = (...ms) => Buffer.concat(ms.map(frame));
  // Two requests and the cancel of the first (a number id) and of the second (a string id).
  await s.write(frames(hover(7), hover('eight'), cancel(7), cancel('eight')));
  assert.deepEqual(await s.response(7), {
    jsonrpc: '2.0',
    id: 7,
    error: { code: -32800, message: 'cancelled' },
  });
  assert.deepEqual(await s.response('eight'), {
    jsonrpc: '2.0',
    id: 'eight',
    error: { code: -32800, message: 'cancelled' },
  });
  // A cancel for a request already answered, or never sent, gets no answer; the next
  // request is served.
  await s.write(frames(cancel(7), cancel(99), { jsonrpc: '2.0', id: 9, method: 'shutdown' }));
  assert.deepEqual(await s.response(9), { jsonrpc: '2.0', id: 9, result: null });
  const ids = s.inbox.items.filter((m) => !('method' in m)).map((m) => m.id);
  assert.deepEqual(ids, ['init', 7, 'eight', 9]);
  await s.send({ jsonrpc: '2.0', method: 'exit' });
  assert.equal(await s.exited, 0);
});
