// The Anthropic SDK for the bundled server, installed on first use of the remote expert and
// only with the user's consent: it is large (httpx, pydantic and its native core), platform
// specific, and only the remote expert needs it, so the .vsix does not carry it. It goes to
// the extension's global storage; the launcher puts that folder on sys.path
// (AGENTLS_EXTRA_LIBS). Everything runs asynchronously (execFile), never on the host's thread.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ServerCommand } from './server';

const REQUIREMENT = 'anthropic>=2.14,<3';

export function sdkFolder(context: vscode.ExtensionContext): string {
  return path.join(context.globalStorageUri.fsPath, 'python-libs');
}

/** The environment entry that makes the bundled server see the installed SDK. */
export function sdkEnv(context: vscode.ExtensionContext, server: ServerCommand): NodeJS.ProcessEnv {
  const folder = sdkFolder(context);
  return server.bundled && fs.existsSync(folder) ? { AGENTLS_EXTRA_LIBS: folder } : {};
}

function run(command: string, args: string[], timeout: number): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

/** Whether the server's interpreter can import the SDK (its own site-packages or our folder). */
async function hasSdk(context: vscode.ExtensionContext, python: string): Promise<boolean> {
  const probe = 'import importlib.util, sys; sys.path.insert(0, sys.argv[1]); '
    + 'sys.exit(0 if importlib.util.find_spec("anthropic") else 1)';
  return (await run(python, ['-c', probe, sdkFolder(context)], 20000)).code === 0;
}

/**
 * Before a remote review with the bundled server: make sure the SDK is there, asking once.
 * Returns true when the server was restarted with it, false when nothing changed.
 */
export async function ensureSdk(context: vscode.ExtensionContext, server: ServerCommand,
  log: (line: string) => void): Promise<boolean> {
  if (!server.bundled || await hasSdk(context, server.command)) return false;
  const choice = await vscode.window.showInformationMessage(
    'agentls: the remote expert needs the Anthropic Python SDK, which is not installed. '
      + `Install it with pip (${REQUIREMENT}) into the extension's storage? Without it the local expert answers.`,
    { modal: true }, 'Install');
  if (choice !== 'Install') return false;
  const folder = sdkFolder(context);
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'agentls: installing the Anthropic SDK…' },
    () => run(server.command, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check',
      '--upgrade', '--target', folder, REQUIREMENT], 600000));
  log(`pip install ${REQUIREMENT} into ${folder}: exit ${result.code}\n${result.output.slice(-2000)}`);
  if (result.code !== 0) {
    void vscode.window.showErrorMessage(
      `agentls: installing the Anthropic SDK with ${server.command} failed (see the log). `
        + 'Install it into that interpreter yourself, or set agentls.server.command.');
    return false;
  }
  return true;
}
