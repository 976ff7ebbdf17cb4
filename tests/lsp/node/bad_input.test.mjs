// Bad input at the byte level: raw bytes written to the server's stdin (no library would
// send them), its answers read through vscode-jsonrpc's stream reader. After each, the
// server must answer the next well-formed request.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { frame, smallPlan, startRaw, workspace } from './lib/harness.mjs';

const parseError = (message) => ({ jsonrpc: '2.0', id: null, error: { code: -32700, message } });
const notJson = parseError('the message is not valid JSON');
const noLength = parseError('a message without a valid Content-Length');
// A request every server state answers the same way: the workspace symbols of a query no id
// or title holds (null or an empty list, as the symbols feature decides).
const probe = (id) => ({
  jsonrpc: '2.0',
  id,
  method: 'workspace/symbol',
  params: { query: 'no-such-thing-anywhere' },
});
const answered = (m, id) => {
  assert.equal(m.id, id);
  assert.ok(!('error' in m), JSON.stringify(m));
  assert.ok('result' in m);
};

async function started(t) {
  const ws = workspace(smallPlan());
  const s = startRaw(ws);
  t.after(() => {
    s.kill();
    ws.cleanup();
  });
  await s.initialize();
  return { ws, s };
}

// The messages written after the first `from`, once `count` have come.
const after = (s, from, count, ms) => s.messages(from, count, ms);
const vmKiB = (pid, field) =>
  Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+)`))[1]);

test('malformed JSON is a ParseError with id null, and the server keeps serving', async (t) => {
  const { s } = await started(t);
  let n = s.inbox.items.length;
  for (const body of ['{"jsonrpc": "2.0", "id": 1, "method": ', '}{', 'nul', '\u0001', '']) {
    await s.write(frame(body));
    await s.send(probe(2));
    const [error, answer] = await after(s, n, 2);
    assert.deepEqual(error, notJson, JSON.stringify(body));
    answered(answer, 2);
    n += 2;
  }
  // JSON that is not a request: InvalidRequest, with the id when it has a valid one.
  const invalid = (id, message) => ({ jsonrpc: '2.0', id, error: { code: -32600, message } });
  for (const [body, expected] of [
    ['[1, 2]', invalid(null, 'a message must be a JSON object')],
    ['42', invalid(null, 'a message must be a JSON object')],
    ['{"jsonrpc": "2.0", "id": 5}', invalid(5, 'a message without a method')],
    ['{"jsonrpc": "2.0", "id": 6, "method": 7}', invalid(6, 'a message without a method')],
    [
      '{"jsonrpc": "2.0", "id": {"a": 1}, "method": "shutdown"}',
      invalid(null, "a request's id must be a number or a string"),
    ],
    [
      '{"jsonrpc": "2.0", "id": 1.5, "method": "shutdown"}',
      invalid(null, "a request's id must be a number or a string"),
    ],
  ]) {
    await s.write(frame(body));
    await s.send(probe(3));
    const [error, answer] = await after(s, n, 2);
    assert.deepEqual(error, expected, body);
    answered(answer, 3);
    n += 2;
  }
  // Params of the wrong type for a known request: InvalidParams.
  await s.send({ jsonrpc: '2.0', id: 4, method: 'textDocument/hover', params: [1, 2] });
  assert.deepEqual(await s.response(4), {
    jsonrpc: '2.0',
    id: 4,
    error: { code: -32602, message: 'params must be an object' },
  });
});

test('a missing or non-numeric Content-Length is reported, and the next message is served', async (t) => {
  const { s } = await started(t);
  let n = s.inbox.items.length;
  const body = JSON.stringify(probe(1));
  for (const header of [
    'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n',
    'Content-Length: abc\r\n',
    'Content-Length: -12\r\n',
    'Content-Length: 12x\r\n',
    'Content-Length:\r\n',
    'Content-Length: 99999999999999999999999999\r\n',
    'Content-Length 48\r\n',
  ]) {
    await s.write(`${header}\r\n${body}`);
    await s.send(probe(2));
    const [error, answer] = await after(s, n, 2);
    assert.deepEqual(error, noLength, JSON.stringify(header));
    answered(answer, 2);
    n += 2;
  }
  // A header line that is not 'Name: value' beside a valid length.
  await s.write(`Content-Length: ${Buffer.byteLength(body)}\r\nnonsense\r\n\r\n${body}`);
  await s.send(probe(3));
  const [error, answer] = await after(s, n, 2);
  assert.deepEqual(error, parseError("a header line that is not 'Name: value'"));
  answered(answer, 3);
  // Header names in any case, a Content-Type, and \r\n only as the protocol says.
  await s.write(
    `content-length: ${Buffer.byteLength(body)}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${body}`,
  );
  answered(await s.response(1), 1);
});

test('a Content-Length shorter than the body: ParseError, then the stream is found again', async (t) => {
  const { s } = await started(t);
  const n = s.inbox.items.length;
  const body = JSON.stringify(probe(1));
  // The server reads 5 bytes too few: '…"}}' is cut, and the 5 left over precede the next
  // header, which makes that header block bad too.
  await s.write(`Content-Length: ${Buffer.byteLength(body) - 5}\r\n\r\n${body}`);
  assert.deepEqual(await after(s, n, 1), [notJson]);
  await s.write(Buffer.concat([frame(probe(2)), frame(probe(3))]));
  await s.response(3);
  const got = s.inbox.items.slice(n + 1);
  assert.deepEqual(got[0], noLength);
  answered(got.at(-1), 3);
});

// What the two tests above leave out: the message right after the damage, whose header
// follows the leftover bytes in the same header block, is served too.
test(
  'after a wrong Content-Length, the first whole message after it is served',
  async (t) => {
    const { s } = await started(t);
    const body = JSON.stringify(probe(1));
    let n = s.inbox.items.length;
    await s.write(`Content-Length: ${Buffer.byteLength(body) - 5}\r\n\r\n${body}`);
    await after(s, n, 1);
    await s.write(Buffer.concat([frame(probe(2)), frame(probe(3))]));
    await s.response(3);
    assert.deepEqual(s.inbox.items.slice(n).map((m) => m.id), [null, null, 2, 3]);
    n = s.inbox.items.length;
    await s.write(`Content-Length: ${Buffer.byteLength(body) + 20}\r\n\r\n${body}`);
    await s.write(Buffer.concat([frame(probe(4)), frame(probe(5)), frame(probe(6))]));
    await s.response(6);
    assert.deepEqual(s.inbox.items.slice(n).map((m) => m.id), [null, null, 5, 6]);
  },
);

test('a Content-Length longer than the body: the server waits, then the stream is found again', async (t) => {
  const { s } = await started(t);
  const n = s.inbox.items.length;
  const body = JSON.stringify(probe(1));
  await s.write(`Content-Length: ${Buffer.byteLength(body) + 20}\r\n\r\n${body}`);
  // Nothing to answer yet: the body is not complete.
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(s.inbox.items.length, n);
  assert.equal(await Promise.race([s.exited, new Promise((r) => setTimeout(() => r('running'), 50))]), 'running');
  // The next message completes it (as garbage); the one after that is served.
  await s.write(frame(probe(2)));
  await s.write(frame(probe(3)));
  await s.write(frame(probe(4)));
  await s.response(4);
  // The body taken is this one and the start of the next; what is left of that one makes
  // its header block bad.
  const got = s.inbox.items.slice(n);
  assert.deepEqual(got.slice(0, 2), [notJson, noLength]);
  answered(got.at(-1), 4);
});

test('a header of over 8 KiB without its blank line is dropped', async (t) => {
  const { s } = await started(t);
  const n = s.inbox.items.length;
  await s.write(`X-Padding: ${'x'.repeat(9000)}\r\n`);
  assert.deepEqual(await after(s, n, 1), [parseError('a header of over 8192 bytes')]);
  await s.send(probe(1));
  answered(await s.response(1), 1);
  assert.equal(s.inbox.items.length, n + 2);
});

test('a message over the size limit is skipped as it streams, without being held, and the server keeps serving', async (t) => {
  // The limit is FrameLimits::max_body in src/lsp/json_rpc.hpp: 96 MiB.
  const limit = 96 * 1024 * 1024;
  const { s } = await started(t);
  const n = s.inbox.items.length;
  const before = vmKiB(s.child.pid, 'VmRSS');
  const length = limit + 1;
  await s.write(`Content-Length: ${length}\r\n\r\n`);
  // Refused from its header, before its body has come.
  assert.deepEqual(await after(s, n, 1), [
    parseError(`a message of ${length} bytes, over the limit of ${limit}`),
  ]);
  // The body: a JSON request, so a server that kept it would answer it.
  const head = Buffer.from(JSON.stringify(probe(99)).slice(0, -1) + ',"pad":"');
  const chunk = Buffer.alloc(1 << 20, 'x');
  let sent = 0;
  const total = length - head.length - 2;
  await s.write(head);
  while (sent < total) {
    const k = Math.min(chunk.length, total - sent);
    await s.write(chunk.subarray(0, k));
    sent += k;
  }
  await s.write('"}');
  await s.send(probe(1));
  answered(await s.response(1, 60000), 1);
  assert.equal(s.inbox.items.length, n + 2); // nothing for id 99
  // Its memory did not grow by the message: the high-water mark stays far below its size.
  const peak = vmKiB(s.child.pid, 'VmHWM');
  assert.ok(peak - before < 16 * 1024, `VmHWM ${peak} KiB, VmRSS before ${before} KiB`);
});

test('a binary document: NUL bytes and invalid UTF-8', async (t) => {
  const { ws, s } = await started(t);
  // NUL as a JSON escape: a document the server holds, with its diagnostic on the NUL.
  const uri = ws.uri('activities/binary.yaml');
  const text = 'sections:\u0000\n\u00ff\u00fe\u0000\u0007';
  await s.send({
    jsonrpc: '2.0',
    method: 'textDocument/didOpen',
    params: { textDocument: { uri, languageId: 'yaml', version: 1, text } },
  });
  const d = await s.inbox.wait(
    (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri,
  );
  const { codeDescription, ...shown } = d.params.diagnostics[0];
  assert.deepEqual(
    { ...d.params, diagnostics: [shown, ...d.params.diagnostics.slice(1)] },
    {
      uri,
      version: 1,
      diagnostics: [
        {
          range: { start: { line: 0, character: 9 }, end: { line: 0, character: 10 } },
          severity: 1,
          source: 'plan',
          code: 'encoding',
          message: 'the file contains a NUL byte: it is binary, not YAML text',
        },
      ],
    },
  );
  // Requests on it are answered.
  for (const [id, method] of [
    [10, 'textDocument/hover'],
    [11, 'textDocument/documentSymbol'],
    [12, 'textDocument/completion'],
  ]) {
    await s.send({
      jsonrpc: '2.0',
      id,
      method,
      params: { textDocument: { uri }, position: { line: 1, character: 1 } },
    });
    answered(await s.response(id), id);
  }
  // Bytes that are not UTF-8 inside the JSON, and an escaped lone surrogate: not JSON text
  // (RFC 8259), so a ParseError, and the document is not opened.
  const n = s.inbox.items.length;
  const open = (textBytes) =>
    Buffer.concat([
      Buffer.from(
        `{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"${ws.uri('activities/bad.yaml')}","languageId":"yaml","version":1,"text":"`,
      ),
      textBytes,
      Buffer.from('"}}}'),
    ]);
  for (const bytes of [
    Buffer.from([0x73, 0xff, 0xfe, 0x0a]),
    Buffer.from([0xd7, 0x0a]), // a Hebrew letter cut in half
    Buffer.from([0xc0, 0x80]), // an overlong NUL
    Buffer.from('\\ud800 x'),
  ]) {
    const body = open(bytes);
    await s.write(
      Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]),
    );
  }
  await s.send(probe(13));
  await s.response(13);
  assert.deepEqual(s.inbox.items.slice(n, n + 4), [notJson, notJson, notJson, notJson]);
  answered(s.inbox.items[n + 4], 13);
});

test('a 20 MB document is answered in reasonable time', async (t) => {
  const { ws, s } = await started(t);
  const uri = ws.uri('activities/big.yaml');
  // Activities in block style with long Hebrew titles, and one broken link at the end.
  const lines = ['sections:\n  - id: big\n    title: גדול\n    activities:\n'];
  let size = lines[0].length;
  let i = 0;
  const title = 'פעילות ארוכה מאוד של המטה השיתופי '.repeat(10);
  while (size < 20e6) {
    const a = `      - id: x${i}\n        title: ${title}${i}\n        targets: [T1]\n        status: done\n`;
    lines.push(a);
    size += Buffer.byteLength(a);
    i += 1;
  }
  lines.push('      - id: last\n        title: אחרונה\n        targets: [NOPE]\n        status: done\n');
  const text = lines.join('');
  assert.ok(Buffer.byteLength(text) > 20e6);
  const began = Date.now();
  await s.send({
    jsonrpc: '2.0',
    method: 'textDocument/didOpen',
    params: { textDocument: { uri, languageId: 'yaml', version: 1, text } },
  });
  await s.send({
    jsonrpc: '2.0',
    id: 1,
    method: 'textDocument/documentSymbol',
    params: { textDocument: { uri } },
  });
  answered(await s.response(1, 240000), 1);
  const d = await s.inbox.wait(
    (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri,
    0,
    240000,
  );
  const line = 4 + 4 * i + 2;
  assert.deepEqual(
    d.params.diagnostics.map((x) => [x.code, x.range]),
    [
      [
        'unknown-target',
        { start: { line, character: 18 }, end: { line, character: 22 } },
      ],
    ],
  );
  t.diagnostic(`${i} activities, ${Buffer.byteLength(text)} bytes: ${Date.now() - began} ms`);
  // An edit at its end is answered too.
  await s.send({
    jsonrpc: '2.0',
    method: 'textDocument/didChange',
    params: {
      textDocument: { uri, version: 2 },
      contentChanges: [
        {
          range: { start: { line, character: 18 }, end: { line, character: 22 } },
          text: 'T1',
        },
      ],
    },
  });
  const fixed = await s.inbox.wait(
    (m) => m.method === 'textDocument/publishDiagnostics' && m.params.version === 2,
    0,
    240000,
  );
  assert.deepEqual(fixed.params, { uri, version: 2, diagnostics: [] });
});

test('stdin closed: the server exits, whatever state it is in', async (t) => {
  const ws = workspace(smallPlan());
  t.after(() => ws.cleanup());
  // Before initialize, after it, and in the middle of a message.
  const fresh = startRaw(ws);
  fresh.child.stdin.end();
  assert.equal(await fresh.exited, 1);

  const ready = startRaw(ws);
  await ready.initialize();
  ready.child.stdin.end();
  assert.equal(await ready.exited, 1);

  const midway = startRaw(ws);
  await midway.initialize();
  await midway.write('Content-Length: 100\r\n\r\n{"jsonrpc":');
  midway.child.stdin.end();
  assert.equal(await midway.exited, 1);

  // After shutdown but without exit: 1, as for an exit without shutdown.
  const done = startRaw(ws);
  await done.initialize();
  await done.send({ jsonrpc: '2.0', id: 1, method: 'shutdown' });
  await done.response(1);
  done.child.stdin.end();
  assert.equal(await done.exited, 1);
});
