// Where the agentls language server comes from: the setting, else `agentls` on PATH, else
// `python -m agentls` with the interpreter the Python extension selected.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export interface ServerCommand {
  command: string;
  args: string[];
  /** How it was found, for the log and the status bar tooltip. */
  origin: string;
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
  environments?: { getActiveEnvironmentPath(resource?: vscode.Uri): { path: string } };
  settings?: { getExecutionDetails(resource?: vscode.Uri): { execCommand: string[] | undefined } };
}

/** The interpreter selected in the Python extension (ms-python.python), if it is installed. */
export async function pythonInterpreter(resource?: vscode.Uri): Promise<string | undefined> {
  const ext = vscode.extensions.getExtension<PythonExtensionApi>('ms-python.python');
  if (!ext) return undefined;
  try {
    const api = ext.isActive ? ext.exports : await ext.activate();
    const fromEnv = api.environments?.getActiveEnvironmentPath(resource)?.path;
    if (fromEnv) return fromEnv;
    return api.settings?.getExecutionDetails(resource)?.execCommand?.[0];
  } catch {
    return undefined;
  }
}

function hasAgentls(python: string): boolean {
  const probe = spawnSync(python, ['-m', 'agentls', '--version'], { timeout: 15000, encoding: 'utf8' });
  return probe.status === 0 && /agentls/.test(probe.stdout);
}

export async function resolveServer(log: (line: string) => void): Promise<ServerCommand | undefined> {
  const configured = vscode.workspace.getConfiguration('agentls').get<string[]>('server.command', []);
  if (configured.length > 0 && configured[0]) {
    return { command: configured[0], args: configured.slice(1), origin: 'the agentls.server.command setting' };
  }
  const exe = onPath('agentls');
  if (exe) return { command: exe, args: ['serve'], origin: `${exe} (on PATH)` };
  log('agentls is not on PATH; asking the Python extension for its interpreter');
  const resource = vscode.workspace.workspaceFolders?.[0]?.uri;
  const python = await pythonInterpreter(resource);
  if (python) {
    if (hasAgentls(python)) {
      return { command: python, args: ['-m', 'agentls', 'serve'], origin: `${python} -m agentls (Python extension)` };
    }
    log(`the selected interpreter ${python} has no agentls module`);
  } else {
    log('no interpreter from the Python extension (not installed or none selected)');
  }
  return undefined;
}

/** The interpreter to install agentls into: the Python extension's, else python3 / python on PATH. */
export async function installInterpreter(): Promise<string> {
  return (await pythonInterpreter(vscode.workspace.workspaceFolders?.[0]?.uri))
    ?? onPath('python3') ?? onPath('python') ?? 'python3';
}
