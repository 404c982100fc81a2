// Beside VS Code's own checks of agent files. VS Code 1.139 gives Copilot's agent, prompt and
// instructions files (and Claude Code's `.claude/agents/*.md`, `SKILL.md`) language ids of
// their own and validates their frontmatter itself, in the workbench, where an extension
// cannot read its markers. Where its verdict is the same as an agentls rule's, on the same key,
// the agentls diagnostic is left out in those documents, so the problem shows once; the rest
// of agentls's findings (and its quick fixes elsewhere) stay.
import * as vscode from 'vscode';

export const AGENT_LANGUAGES = ['chatagent', 'prompt', 'instructions', 'skill'];

// rule code -> the keys on which VS Code 1.139 reports the same problem (from its messages:
// "The 'target' attribute must be one of …", "… must be 'true' or 'false'", "The 'infer'
// attribute is deprecated …", "The 'mode' attribute has been deprecated …", "The 'applyTo'
// attribute must be a string / a valid glob pattern", "The 'tools' attribute must be an array
// or a comma separated string", "The 'handoffs' attribute must be an array").
const REPORTED_BY_VSCODE: Record<string, readonly string[]> = {
  AG170: ['target', 'disable-model-invocation', 'user-invocable', 'handoffs'],
  AG171: ['tools'],
  AG173: ['infer'],
  AG174: ['mode', 'agent'],
  AG175: ['applyTo'],
};

const KEY = /^\s*([A-Za-z][\w-]*)\s*:/;

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
}

/** The server's diagnostics less those VS Code itself shows for the document. */
export function withoutDuplicates(uri: vscode.Uri, diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!doc || !AGENT_LANGUAGES.includes(doc.languageId)) return diagnostics;
  return diagnostics.filter((d) => {
    const keys = REPORTED_BY_VSCODE[codeOf(d)];
    if (!keys || d.range.start.line >= doc.lineCount) return true;
    const key = KEY.exec(doc.lineAt(d.range.start.line).text)?.[1];
    return !(key && keys.includes(key));
  });
}
