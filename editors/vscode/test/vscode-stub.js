// A stand-in for VS Code's `vscode` module, enough for vscode-languageclient to start and
// stop a server outside VS Code: every name is a callable, constructible stub, except the
// workspace folder (PLAN_WORKSPACE), the settings (PLAN_SETTINGS, JSON) and the extensions.
'use strict';

const settings = JSON.parse(process.env.PLAN_SETTINGS || '{}');
const shown = [];

function stub(name) {
  return new Proxy(function () {}, {
    get(target, p) {
      // Not a promise, not iterable, not a primitive.
      if (typeof p === 'symbol' || p === 'then' || p === 'toJSON') return undefined;
      if (p === 'prototype') return {};
      if (p === 'length') return 0;
      return stub(`${name}.${p}`);
    },
    apply(target, self, args) {
      if (/^vscode\.window\.show\w*Message$/.test(name)) {
        shown.push(args[0]);
        return Promise.resolve(undefined);
      }
      return stub(`${name}()`);
    },
    construct() {
      return stub(`new ${name}`);
    },
  });
}

const configuration = (section) => ({
  get: (key, fallback) => {
    const full = section ? `${section}.${key}` : key;
    return full in settings ? settings[full] : fallback;
  },
  has: () => false,
  inspect: () => undefined,
  update: async () => {},
});

const dir = process.env.PLAN_WORKSPACE || process.cwd();
const folder = { uri: { fsPath: dir, scheme: 'file', toString: () => `file://${dir}` }, name: 'workspace', index: 0 };

const pinned = {
  version: '1.82.0',
  env: { language: 'en', appName: 'stub', machineId: 'stub', sessionId: 'stub', uriScheme: 'vscode' },
  extensions: { getExtension: () => undefined, all: [] },
  workspace: new Proxy({}, {
    get(target, p) {
      if (typeof p === 'symbol' || p === 'then') return undefined;
      if (p === 'workspaceFolders') return [folder];
      if (p === 'getConfiguration') return configuration;
      if (p === 'textDocuments') return [];
      return stub(`vscode.workspace.${p}`);
    },
  }),
  __shown: shown,
};

module.exports = new Proxy({}, {
  get(target, p) {
    if (typeof p === 'symbol' || p === 'then') return undefined;
    return p in pinned ? pinned[p] : stub(`vscode.${p}`);
  },
});
