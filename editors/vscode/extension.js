// Starts `plan lsp` for a workspace that holds a plan and connects VS Code to it through
// vscode-languageclient. Everything the editor shows comes from the server; this file only
// finds the binary, the plan folder and the initialization options.
'use strict';

const os = require('os');
const path = require('path');
const vscode = require('vscode');
const { LanguageClient, RevealOutputChannelOn } = require('vscode-languageclient/node');

let client = null;

// A setting's path with `~` and `${workspaceFolder}` expanded; relative paths with a slash
// are taken from the first workspace folder, bare names are looked up on PATH.
function expand(p, folder) {
  if (!p) return p;
  let out = p.replace(/\$\{workspaceFolder\}/g, folder ? folder.uri.fsPath : '');
  if (out === '~' || out.startsWith('~/')) out = path.join(os.homedir(), out.slice(1));
  if (folder && !path.isAbsolute(out) && out.includes('/')) out = path.join(folder.uri.fsPath, out);
  return out;
}

function yamlLanguageServerRuns(setting) {
  if (setting === 'on') return true;
  if (setting === 'off') return false;
  return vscode.extensions.getExtension('redhat.vscode-yaml') !== undefined;
}

async function start() {
  const config = vscode.workspace.getConfiguration('plan');
  const folder = (vscode.workspace.workspaceFolders || [])[0];
  const command = expand(config.get('server.path', 'plan'), folder) || 'plan';
  const planDir = expand(config.get('planDir', ''), folder);
  // A plan folder named in the settings goes before the subcommand, as on the command line.
  const args = planDir ? ['--plan', planDir, 'lsp'] : ['lsp'];
  const run = { command, args, options: { cwd: folder ? folder.uri.fsPath : undefined } };

  // The server answers for the plan's YAML files; other YAML in the workspace is not sent.
  const pattern = planDir ? `${planDir.replace(/\\/g, '/')}/**/*.{yaml,yml}` : '**/*.{yaml,yml}';
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: 'yaml', pattern }],
    initializationOptions: {
      inlayHints: config.get('inlayHints', true),
      yamlLanguageServer: yamlLanguageServerRuns(config.get('yamlLanguageServer', 'auto')),
    },
    synchronize: {
      // Files changed outside the editor (a `git pull`): workspace/didChangeWatchedFiles.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}'),
    },
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  };

  client = new LanguageClient('plan', 'plan', { run, debug: run }, clientOptions);
  try {
    await client.start();
  } catch (err) {
    const message = `plan: could not start \`${command} ${args.join(' ')}\` (${err.message || err}). ` +
      'Install plan, or set "plan.server.path" to the binary.';
    vscode.window.showErrorMessage(message, 'Open settings').then((choice) => {
      if (choice) vscode.commands.executeCommand('workbench.action.openSettings', 'plan.server.path');
    });
    client = null;
  }
}

async function stop() {
  if (!client) return;
  const c = client;
  client = null;
  await c.stop();
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('plan.restartServer', async () => {
      await stop();
      await start();
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // The binary, the folder and the initialization options are read at start.
      if (e.affectsConfiguration('plan.server.path') || e.affectsConfiguration('plan.planDir') ||
          e.affectsConfiguration('plan.inlayHints') || e.affectsConfiguration('plan.yamlLanguageServer')) {
        await stop();
        await start();
      }
    }),
    { dispose: () => stop() },
  );
  await start();
}

function deactivate() {
  return stop();
}

// `client` is for test/smoke.js.
module.exports = { activate, deactivate, client: () => client };
