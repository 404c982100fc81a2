// Where the agentls language server comes from, in this order: the `agentls.server.command`
// setting (user or machine settings, or a trusted workspace's), `agentls` on PATH, else the
// server bundled in the .vsix (bundled/libs, Microsoft's Python-tools extension template
// layout) run by the Python extension's interpreter, else by `python3` on PATH.
// Nothing here blocks the extension host: no spawnSync, no probing of interpreters.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export interface ServerCommand {
  command: string;
  args: string[];
  /** How it was found, for the log and the status bar tooltip. */
  origin: string;
  /** Runs the copy bundled in the .vsix (so the lazily installed SDK folder applies). */
  bundled: boolean;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The first `name` on PATH (with Windows' extensions), like `which`. */
export function onPath(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

interface PythonExtensionApi {
  environments?: {
    getActiveEnvironmentPath(resource?: vscode.Uri): { path: string };
    onDidChangeActiveEnvironmentPath?: vscode.Event<unknown>;
  };
  settings?: { getExecutionDetails(resource?: vscode.Uri): { execCommand: string[] | undefined } };
}

async function pythonApi(): Promise<PythonExtensionApi | undefined> {
  const ext = vscode.extensions.getExtension<PythonExtensionApi>('ms-python.python');
  if (!ext) return undefined;
  try {
    return ext.isActive ? ext.exports : await ext.activate();
  } catch {
    return undefined;
  }
}

/** The interpreter selected in the Python extension (ms-python.python), if it is installed. */
export async function pythonInterpreter(resource?: vscode.Uri): Promise<string | undefined> {
  const api = await pythonApi();
  try {
    const fromEnv = api?.environments?.getActiveEnvironmentPath(resource)?.path;
    if (fromEnv) return fromEnv;
    return api?.settings?.getExecutionDetails(resource)?.execCommand?.[0];
  } catch {
    return undefined;
  }
}

/** Calls `listener` when the user selects another interpreter in the Python extension. */
export async function onInterpreterChange(listener: () => void): Promise<vscode.Disposable | undefined> {
  const event = (await pythonApi())?.environments?.onDidChangeActiveEnvironmentPath;
  return event ? event(() => listener()) : undefined;
}

/**
 * A setting that runs a program or chooses where code is sent: from user or machine settings
 * always, from the workspace only when it is trusted (the manifest also lists these under
 * `capabilities.untrustedWorkspaces.restrictedConfigurations`).
 */
export function trustedSetting<T>(key: string, fallback: T): T {
  const seen = vscode.workspace.getConfiguration('agentls').inspect<T>(key);
  if (!seen) return fallback;
  if (vscode.workspace.isTrusted) {
    return seen.workspaceFolderValue ?? seen.workspaceValue ?? seen.globalValue ?? seen.defaultValue ?? fallback;
  }
  return seen.globalValue ?? seen.defaultValue ?? fallback;
}

export function bundledLauncher(extensionPath: string): string {
  return path.join(extensionPath, 'bundled', 'tool', 'agentls_server.py');
}

export async function resolveServer(extensionPath: string, log: (line: string) => void): Promise<ServerCommand | undefined> {
  const configured = trustedSetting<string[]>('server.command', []);
  if (configured.length > 0 && configured[0]) {
    return { command: configured[0], args: configured.slice(1), origin: 'the agentls.server.command setting', bundled: false };
  }
  const exe = onPath('agentls');
  if (exe) return { command: exe, args: ['serve'], origin: `${exe} (on PATH)`, bundled: false };
  const launcher = bundledLauncher(extensionPath);
  const python = await pythonInterpreter(vscode.workspace.workspaceFolders?.[0]?.uri);
  if (python) {
    return { command: python, args: [launcher], origin: `the bundled agentls, run by ${python} (Python extension)`, bundled: true };
  }
  const system = onPath('python3') ?? onPath('python');
  if (system) {
    return { command: system, args: [launcher], origin: `the bundled agentls, run by ${system} (on PATH)`, bundled: true };
  }
  log('no agentls on PATH, no interpreter from the Python extension and no python3 on PATH');
  return undefined;
}

