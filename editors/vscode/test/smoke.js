// Starts the extension outside VS Code (the `vscode` module replaced by vscode-stub.js) with
// the real vscode-languageclient, and checks that `plan lsp` answered `initialize` with the
// capabilities the extension relies on, then stops it. `npm install && npm test`, with
// `plan` on PATH or PLAN_BINARY naming it; PLAN_WORKSPACE is a folder holding a plan
// (default: the repository's root).
'use strict';

const Module = require('module');
const path = require('path');
const assert = require('assert');

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'vscode') return path.join(__dirname, 'vscode-stub.js');
  return resolve.call(this, request, ...rest);
};
process.env.PLAN_WORKSPACE = process.env.PLAN_WORKSPACE || path.resolve(__dirname, '../../..');
process.env.PLAN_SETTINGS = JSON.stringify({
  'plan.server.path': process.env.PLAN_BINARY || 'plan',
  'plan.inlayHints': false,
});

const extension = require('../extension.js');

(async () => {
  const timer = setTimeout(() => {
    console.error('smoke: no answer within 20 s');
    process.exit(1);
  }, 20000);
  await extension.activate({ subscriptions: [] });
  const shown = require('vscode').__shown;
  assert.deepStrictEqual(shown, [], 'no error shown');
  const client = extension.client();
  assert.ok(client, 'a client');
  const result = client.initializeResult;
  assert.strictEqual(result.serverInfo.name, 'plan');
  for (const c of ['hoverProvider', 'completionProvider', 'definitionProvider', 'renameProvider',
    'codeActionProvider', 'inlayHintProvider', 'documentSymbolProvider', 'workspaceSymbolProvider'])
    assert.ok(result.capabilities[c], c);
  await extension.deactivate();
  clearTimeout(timer);
  console.log(`smoke: plan lsp ${result.serverInfo.version} started and stopped through vscode-languageclient`);
})().catch((e) => {
  console.error('smoke:', e);
  process.exit(1);
});
