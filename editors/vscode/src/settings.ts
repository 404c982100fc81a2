// The settings handed to the server: only those the user set (so the project's
// pyproject.toml [tool.agentls] / .agentls.toml still apply). The API key from SecretStorage
// is never among them: it goes to the server process's environment (ANTHROPIC_API_KEY), so no
// LSP payload, and so no `agentls.trace.server` trace, ever holds it.
import * as vscode from 'vscode';

export const SECRET_KEY = 'agentls.anthropicApiKey';

/** Every setting the server reads (the `agentls` section, without the client-only ones); this list
 * and RESTRICTED are generated from server/agentls/config/schema.py (`python -m agentls.config.docgen`). */
export const SERVER_KEYS = [
  'select', 'ignore', 'failOn', 'maxFileSize', 'dialects', 'severity', 'dialect',
  'indexUserFolder', 'managedFolder', 'contextWindow', 'patterns.enabled', 'patterns.smells',
  'patterns.exclude', 'patterns.maxFiles', 'patterns.godClass.atfd', 'patterns.godClass.wmc',
  'patterns.godClass.tcc', 'patterns.layers', 'patterns.disabled', 'expert.default',
  'expert.model', 'expert.localOnly', 'expert.remoteEnabled', 'expert.baseUrl',
  'expert.includeUserAgents', 'expert.timeout', 'expert.maxRetries', 'expert.maxTokens',
  'expert.verifyCommand', 'expert.auto', 'expert.autoBudget', 'expert.autoDebounce',
] as const;

export type Settings = Record<string, unknown>;

function setPath(target: Settings, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object' || next === null) node[part] = {};
    node = node[part] as Settings;
  }
  node[parts[parts.length - 1]] = value;
}

/** Settings that choose where or whether code is sent (`expert.auto` "onSave" sends on each
 * save) or run a program (`expert.verifyCommand`): honoured from a trusted workspace only. */
const RESTRICTED: ReadonlySet<string> = new Set(['expert.baseUrl', 'expert.verifyCommand', 'expert.auto']);

export function explicitSettings(scope?: vscode.Uri): Settings {
  const cfg = vscode.workspace.getConfiguration('agentls', scope);
  const out: Settings = {};
  for (const key of SERVER_KEYS) {
    if (RESTRICTED.has(key)) {
      // as trustedSetting, but never the default: unset, the project's [tool.agentls] applies
      const seen = cfg.inspect(key);
      const value = vscode.workspace.isTrusted
        ? seen?.workspaceFolderValue ?? seen?.workspaceValue ?? seen?.globalValue : seen?.globalValue;
      if (value !== undefined && value !== null && value !== '') setPath(out, key, value);
      continue;
    }
    const seen = cfg.inspect(key);
    const set = seen && [seen.globalValue, seen.workspaceValue, seen.workspaceFolderValue]
      .some((v) => v !== undefined);
    const value = cfg.get(key);
    if (set && value !== null && value !== '') setPath(out, key, value);
  }
  // The server then ignores what an untrusted workspace's project files ask for (onSave).
  if (!vscode.workspace.isTrusted) out.workspaceTrusted = false;
  return out;
}

/** The server's environment: the extension host's, plus the key from SecretStorage. */
export async function serverEnv(secrets: vscode.SecretStorage, extra: NodeJS.ProcessEnv = {}): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  const key = await secrets.get(SECRET_KEY);
  if (key) env.ANTHROPIC_API_KEY = key;
  return env;
}

/** The agent-file globs of the server's dialects, plus the user's `agentls.dialects` globs. */
export const AGENT_GLOBS = [
  '**/.claude/agents/**/*.md', '**/.claude/commands/**/*.md', '**/.claude/skills/*/SKILL.md',
  '**/skills/*/SKILL.md', '**/commands/**/*.md', '**/agents/**/*.md', '**/.github/agents/*.md',
  '**/.github/chatmodes/*.chatmode.md', '**/*.agent.md', '**/*.chatmode.md', '**/*.prompt.md',
  '**/*.instructions.md', '**/.opencode/agents/*.md', '**/.opencode/agent/*.md',
  '**/.config/opencode/agents/*.md', '**/.config/opencode/agent/*.md',
  '**/.cursor/rules/**/*.mdc', '**/.github/prompts/*.md', '**/.github/instructions/*.md',
];

export function agentGlobs(): string[] {
  const extra = vscode.workspace.getConfiguration('agentls').get<Record<string, string>>('dialects', {});
  return [...Object.keys(extra).map((g) => (g.startsWith('**/') ? g : `**/${g}`)), ...AGENT_GLOBS];
}
