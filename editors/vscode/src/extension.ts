// agentls for VS Code: starts the agentls language server (the one bundled in the .vsix
// unless the user installed their own) for agent definition files and Python, hands it the
// settings, and the API key from SecretStorage through its environment, and adds the expert
// commands and a status bar item.
import * as vscode from 'vscode';
import {
  CodeActionRequest,
  CodeActionResolveRequest,
  Command as LspCommand,
  DidChangeConfigurationNotification,
  DocumentSelector,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';
import { AGENT_LANGUAGES, withoutDuplicates } from './beside';
import { ensureSdk, sdkEnv } from './sdk';
import { onInterpreterChange, resolveServer, ServerCommand } from './server';
import { agentGlobs, explicitSettings, SECRET_KEY, serverEnv } from './settings';

const EXPERT_RUN = 'agentls.expert.run';

interface ExpertData { agentls?: string; what?: string; expert?: string }
interface ExpertInfo { name: string; description?: string; origin?: string; model?: string; default?: boolean }

let client: LanguageClient | undefined;
let starting: Promise<LanguageClient | undefined> | undefined;
let output: vscode.LogOutputChannel;
let status: vscode.StatusBarItem;
let secrets: vscode.SecretStorage;
let extension: vscode.ExtensionContext;
let server: ServerCommand | undefined;
let expertName: string | undefined;
let busy: string[] = [];
let stateText = 'starting';

function log(line: string): void {
  output.info(`[client] ${line}`);
}

function selector(): DocumentSelector {
  return [
    { scheme: 'file', language: 'python' },
    // VS Code 1.139's language ids for agent files: a glob alone would miss one opened under
    // another name.
    ...AGENT_LANGUAGES.map((language) => ({ scheme: 'file', language })),
    ...agentGlobs().map((pattern) => ({ scheme: 'file', pattern })),
  ];
}

function wanted(doc: vscode.TextDocument): boolean {
  return vscode.languages.match(selector() as vscode.DocumentSelector, doc) > 0;
}

// -- status bar --------------------------------------------------------------------------
function updateStatus(): void {
  const who = expertName ? ` · ${expertName}` : '';
  if (busy.length > 0) {
    status.text = `$(sync~spin) agentls: ${busy[busy.length - 1]}`;
    status.tooltip = 'agentls: the expert is answering (progress in the notification)';
  } else if (stateText === 'running') {
    status.text = `$(check) agentls${who}`;
    status.tooltip = `agentls is running: ${server?.origin ?? ''}\nClick for the server log.`;
  } else if (stateText === 'starting') {
    status.text = '$(sync~spin) agentls';
    status.tooltip = 'agentls is starting';
  } else {
    status.text = '$(error) agentls';
    status.tooltip = `agentls is ${stateText}. Click for the server log.`;
  }
  status.show();
}

async function withBusy<T>(label: string, work: () => Promise<T>): Promise<T> {
  busy.push(label);
  updateStatus();
  try {
    return await work();
  } finally {
    busy = busy.filter((b, i) => !(b === label && i === busy.lastIndexOf(label)));
    updateStatus();
  }
}

// -- the server --------------------------------------------------------------------------
async function offerInstall(reason: string): Promise<void> {
  stateText = 'not running';
  updateStatus();
  const choice = await vscode.window.showErrorMessage(
    `agentls: ${reason}. The bundled server needs Python 3.10 or later (the Python extension's `
      + 'interpreter, else python3 on PATH); or set "agentls.server.command".',
    'Open Settings', 'Show Log');
  if (choice === 'Open Settings') {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'agentls.server.command');
  } else if (choice === 'Show Log') {
    output.show(true);
  }
}

async function start(): Promise<LanguageClient | undefined> {
  if (client) return client;
  if (starting) return starting;
  starting = (async () => {
    stateText = 'starting';
    updateStatus();
    server = await resolveServer(extension.extensionPath, log);
    if (!server) {
      void offerInstall('no Python interpreter was found to run the language server');
      return undefined;
    }
    log(`starting ${server.command} ${server.args.join(' ')} from ${server.origin}`);
    const serverOptions: ServerOptions = {
      command: server.command, args: server.args,
      options: { env: await serverEnv(secrets, sdkEnv(extension, server)) },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: selector(),
      outputChannel: output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      // A server that dies is started again with the open documents (vscode-languageclient's
      // default error handler; the 5th crash within 3 minutes stops it, with a message).
      // tests/editors/test_vscode_restart.py kills it and sees the same problems come back.
      connectionOptions: { maxRestartCount: 4 },
      initializationOptions: explicitSettings(),
      middleware: {
        // Diagnostics arrive pulled (textDocument/diagnostic) or pushed; both are filtered.
        handleDiagnostics: (uri, diagnostics, next) => next(uri, withoutDuplicates(uri, diagnostics)),
        provideDiagnostics: async (document, previousResultId, token, next) => {
          const report = await next(document, previousResultId, token);
          if (!report || !('items' in report)) return report;
          const uri = document instanceof vscode.Uri ? document : document.uri;
          return { ...report, items: withoutDuplicates(uri, report.items) };
        },
        workspace: {
          // The server asks for the `agentls` section, once without a scope and once per
          // workspace folder (its scopeUri): the explicit settings there (never the key), so a
          // folder's own settings in a multi-root workspace reach the server for that folder.
          configuration: async (params, token, next) => {
            const base = await next(params, token);
            if (!Array.isArray(base)) return base;
            return params.items.map((item, i) => (item.section === 'agentls'
              ? explicitSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined)
              : base[i] as unknown));
          },
        },
        resolveCodeAction: async (item, token, next) => {
          const data = (item as { data?: ExpertData }).data;
          if (data?.agentls !== 'expert') return next(item, token);
          return withBusy(`asking ${data.expert ?? 'the expert'}…`, () => Promise.resolve(next(item, token)));
        },
        executeCommand: async (command, args, next) => {
          if (command !== EXPERT_RUN) return next(command, args) as unknown;
          const data = (args[0] ?? {}) as ExpertData;
          return withBusy(`asking ${data.expert ?? 'the expert'}…`, () => Promise.resolve(next(command, args) as unknown));
        },
      },
    };
    const c = new LanguageClient('agentls', 'agentls', serverOptions, clientOptions);
    c.onDidChangeState((e) => {
      stateText = e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped';
      updateStatus();
    });
    try {
      await c.start();
    } catch (err) {
      log(`the server failed to start: ${String(err)}`);
      void offerInstall(`could not start "${server.command} ${server.args.join(' ')}" (${String(err)})`);
      return undefined;
    }
    client = c;
    return c;
  })();
  try {
    return await starting;
  } finally {
    starting = undefined;
  }
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) {
    try {
      await c.stop(5000);
    } catch (err) {
      log(`stopping the server: ${String(err)}`);
    }
  }
  stateText = 'stopped';
  updateStatus();
}

async function restart(): Promise<void> {
  await stop();
  await start();
}

async function pushSettings(): Promise<void> {
  if (!client || client.state !== State.Running) return;
  // No payload: the server then asks (workspace/configuration) for each folder's settings;
  // a payload has no scope and would give every folder the same.
  await client.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
}

// -- the expert --------------------------------------------------------------------------
/** A key is set and the settings allow the remote expert: the SDK will be needed. */
async function remoteWanted(): Promise<boolean> {
  const cfg = vscode.workspace.getConfiguration('agentls');
  if (cfg.get<boolean>('expert.localOnly', false) || !cfg.get<boolean>('expert.remoteEnabled', true)) return false;
  return Boolean(process.env.ANTHROPIC_API_KEY || await secrets.get(SECRET_KEY));
}

async function askExpert(what: 'review' | 'refactor'): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'python') {
    void vscode.window.showWarningMessage('agentls: open a Python file to ask the expert.');
    return;
  }
  if (what === 'refactor' && editor.selection.isEmpty) {
    void vscode.window.showWarningMessage('agentls: select the code to refactor first.');
    return;
  }
  let c = await start();
  if (!c || !server) return;
  if (await remoteWanted() && await ensureSdk(extension, server, log)) {
    await restart();
    c = client;
    if (!c) return;
  }
  const range = what === 'review' ? new vscode.Range(0, 0, 0, 0) : editor.selection;
  const actions = await c.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: c.code2ProtocolConverter.asUri(editor.document.uri) },
    range: c.code2ProtocolConverter.asRange(range),
    context: { diagnostics: [], only: [what === 'review' ? 'source' : 'refactor.rewrite'] },
  });
  const expertAction = (actions ?? []).find((a) => {
    const data = ('data' in a ? a.data : undefined) as ExpertData | undefined
      ?? ((('command' in a && typeof a.command === 'object' ? a.command.arguments?.[0] : undefined)
        ?? (a as LspCommand).arguments?.[0]) as ExpertData | undefined);
    return data?.agentls === 'expert' && data.what === what;
  });
  if (!expertAction) {
    void vscode.window.showWarningMessage('agentls: the server offered no expert action here (see the server log).');
    return;
  }
  if ('data' in expertAction && expertAction.data) {
    await c.sendRequest(CodeActionResolveRequest.type, expertAction);
  } else {
    const command = 'command' in expertAction && typeof expertAction.command === 'object'
      ? expertAction.command : expertAction as LspCommand;
    await c.sendRequest(ExecuteCommandRequest.type, { command: command.command, arguments: command.arguments });
  }
}

async function chooseExpert(): Promise<void> {
  const c = await start();
  if (!c) return;
  const found = (await c.sendRequest(ExecuteCommandRequest.type,
    { command: 'agentls.expert.list', arguments: [] })) as ExpertInfo[] | null;
  if (!found || found.length === 0) {
    void vscode.window.showWarningMessage('agentls: no experts found.');
    return;
  }
  const pick = await vscode.window.showQuickPick(found.map((e) => ({
    label: e.name,
    description: [e.origin, e.model, e.default ? 'current' : ''].filter(Boolean).join(' · '),
    detail: e.description,
  })), { placeHolder: 'Which expert should answer?', matchOnDetail: true });
  if (!pick) return;
  const chosen = await c.sendRequest(ExecuteCommandRequest.type,
    { command: 'agentls.expert.choose', arguments: [pick.label] }) as string | null;
  if (!chosen) return;
  expertName = chosen;
  updateStatus();
  const keep = await vscode.window.showInformationMessage(
    `agentls: ${chosen} answers from now on.`, 'Make it the default');
  if (keep) {
    await vscode.workspace.getConfiguration('agentls').update('expert.default', chosen,
      vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
  }
}

async function clearExpertCache(): Promise<void> {
  const c = await start();
  if (!c) return;
  await c.sendRequest(ExecuteCommandRequest.type, { command: 'agentls.expert.clearCache', arguments: [] });
}

async function setApiKey(): Promise<void> {
  const key = await vscode.window.showInputBox({
    title: 'agentls: Anthropic API key',
    prompt: 'Stored in VS Code\'s secret storage and handed to the agentls server in its environment; never written to settings.',
    password: true,
    ignoreFocusOut: true,
    placeHolder: 'sk-ant-…',
    validateInput: (v) => (v.trim() ? undefined : 'Enter a key, or press Escape'),
  });
  if (!key) return;
  await secrets.store(SECRET_KEY, key.trim());
  void vscode.window.showInformationMessage('agentls: Anthropic API key stored.');
}

// -- activation --------------------------------------------------------------------------
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('agentls', { log: true });
  secrets = context.secrets;
  extension = context;
  status = vscode.window.createStatusBarItem('agentls.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'agentls';
  status.command = 'agentls.showServerLog';
  context.subscriptions.push(output, status);
  updateStatus();

  const register = (id: string, fn: () => Promise<void>): void => {
    context.subscriptions.push(vscode.commands.registerCommand(id, async () => {
      try {
        await fn();
      } catch (err) {
        log(`${id} failed: ${String(err)}`);
        void vscode.window.showErrorMessage(`agentls: ${String(err)}`);
      }
    }));
  };
  register('agentls.reviewModule', () => askExpert('review'));
  register('agentls.refactorSelection', () => askExpert('refactor'));
  register('agentls.chooseExpert', chooseExpert);
  register('agentls.clearExpertCache', clearExpertCache);
  register('agentls.setApiKey', setApiKey);
  register('agentls.clearApiKey', async () => {
    await secrets.delete(SECRET_KEY);
    void vscode.window.showInformationMessage('agentls: Anthropic API key removed.');
  });
  register('agentls.installSdk', async () => {
    await start();
    if (!server?.bundled) {
      void vscode.window.showInformationMessage(`agentls: the server is ${server?.origin ?? 'not running'}; install the SDK into its environment (pip install anthropic).`);
    } else if (await ensureSdk(extension, server, log)) {
      await restart();
    } else {
      void vscode.window.showInformationMessage('agentls: the Anthropic SDK is available to the server (or the install was declined).');
    }
  });
  register('agentls.restartServer', restart);
  register('agentls.showServerLog', () => Promise.resolve(output.show(true)));

  context.subscriptions.push(
    // The key lives in the server's environment, so a new key means a new server process.
    secrets.onDidChange((e) => {
      if (e.key === SECRET_KEY && client) void restart();
    }),
    // Trust makes the workspace's agentls.server.command and expert.baseUrl count.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (client) void restart();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('agentls.server.command') || e.affectsConfiguration('agentls.dialects')) {
        void restart();
      } else if (e.affectsConfiguration('agentls')) {
        void pushSettings();
      }
    }),
    // Start with the first agent file or Python file; activation on any Markdown is cheap.
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (!client && wanted(doc)) void start();
    }),
  );
  // Another interpreter in the Python extension: restart when it runs the bundled server.
  void onInterpreterChange(() => {
    if (client && server?.bundled) void restart();
  }).then((d) => { if (d) context.subscriptions.push(d); });
  if (vscode.workspace.textDocuments.some(wanted) || vscode.window.visibleTextEditors.some((e) => wanted(e.document))) {
    await start();
  } else {
    stateText = 'idle';
    status.text = '$(circle-outline) agentls';
    status.tooltip = 'agentls starts with the first agent file or Python file.';
    status.show();
  }
}

export async function deactivate(): Promise<void> {
  await stop();
}
