"""The LSP methods, each registered once and dispatched to the features that serve them."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from lsprotocol import types as t

from agentls.lsp import configuration, documents, engine_modules
from agentls.lsp.server import AgentLanguageServer

log = logging.getLogger(__name__)


def register(server: AgentLanguageServer) -> None:
    @server.feature(t.INITIALIZE)
    def initialize(ls: AgentLanguageServer, params: t.InitializeParams) -> None:
        # Read at the first setting asked for: the answer waits for none of it.
        ls.config.later(ls, params.initialization_options)
        ls.reconfigured()
        with contextlib.suppress(RuntimeError):  # no loop: called outside a running server
            engine_modules.warm_up(asyncio.get_running_loop())

    @server.feature(t.INITIALIZED)
    async def initialized(ls: AgentLanguageServer, params: t.InitializedParams) -> None:
        for feature in ls.serving("initialized"):  # dynamic registrations
            try:
                await feature.initialized(ls)
            except Exception:
                log.exception("%s: initialized failed", type(feature).__name__)
        if ls.watch_capability is not None:  # a project file edited: new settings
            await ls.watch_files([t.FileSystemWatcher(glob_pattern=g) for g in configuration.watch_globs()],
                                 "the project's configuration files")
        if await ls.config.pull(ls):  # each folder's settings, when the client has them
            ls.reconfigured()
            _refresh_all(ls)
            await _ask_to_pull(ls)
        _reconfigured(ls)  # the settings are known now: background work may start

    @server.feature(t.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(ls: AgentLanguageServer,
                                       params: t.DidChangeConfigurationParams) -> None:
        await ls.config.pull(ls, params.settings, changed=True)
        ls.reconfigured()
        _refresh_all(ls)
        _reconfigured(ls)
        await _ask_to_pull(ls)

    @server.feature(t.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
    async def did_change_folders(ls: AgentLanguageServer, params: t.DidChangeWorkspaceFoldersParams) -> None:
        if await ls.config.pull(ls):  # the new folders' settings
            ls.reconfigured()
            _refresh_all(ls)
        ls.diagnostics.expire()  # cross-file findings may change: a pull asks every source again
        _reconfigured(ls)  # pygls has updated ls.workspace.folders already

    @server.feature(t.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    async def did_change_watched(ls: AgentLanguageServer, params: t.DidChangeWatchedFilesParams) -> None:
        _run_hooks(ls, "files_changed", params)
        if any(ls.config.is_project_file(c.uri) for c in params.changes) and ls.config.rebuild(ls):
            ls.reconfigured()
            _refresh_all(ls)
            _reconfigured(ls)
            await _ask_to_pull(ls)

    @server.feature(t.SHUTDOWN)
    def shutdown(ls: AgentLanguageServer, *args: object) -> None:
        _run_hooks(ls, "shutdown")

    @server.feature(t.TEXT_DOCUMENT_DID_OPEN)
    @server.feature(t.TEXT_DOCUMENT_DID_CHANGE)
    @server.feature(t.TEXT_DOCUMENT_DID_SAVE)
    def on_change(ls: AgentLanguageServer,
                  params: t.DidOpenTextDocumentParams | t.DidChangeTextDocumentParams
                  | t.DidSaveTextDocumentParams) -> None:
        if isinstance(params, t.DidOpenTextDocumentParams):
            documents.hold(ls.workspace, params.text_document, t.TextDocumentSyncKind.Incremental)
        try:
            ls.refresh(params.text_document.uri)
        except Exception:  # never let a notification become a popup storm
            log.exception("refresh failed for %s", params.text_document.uri)
        event = ("document_saved" if isinstance(params, t.DidSaveTextDocumentParams)
                 else "document_changed" if isinstance(params, t.DidChangeTextDocumentParams)
                 else "document_opened")
        _run_hooks(ls, event, params.text_document.uri)  # auto mode's timers

    @server.feature(t.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: AgentLanguageServer, params: t.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.diagnostics.clear(uri)
        _run_hooks(ls, "document_closed", uri)  # features drop what they kept for the document
        if not ls.pull_diagnostics:
            ls.text_document_publish_diagnostics(t.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(t.TEXT_DOCUMENT_DIAGNOSTIC, t.DiagnosticOptions(
        identifier="agentls", inter_file_dependencies=False, workspace_diagnostics=False))
    def pull(ls: AgentLanguageServer, params: t.DocumentDiagnosticParams
             ) -> t.RelatedFullDocumentDiagnosticReport | t.RelatedUnchangedDocumentDiagnosticReport:
        uri = params.text_document.uri
        if not ls.up_to_date(uri):  # an answer, or "not mine", per source and version
            ls.refresh(uri)
        pushed = ls.pushed_sources  # never both pulled and pushed: that would show them twice
        result_id = ls.diagnostics.result_id(uri, pushed)
        if params.previous_result_id == result_id:
            return t.RelatedUnchangedDocumentDiagnosticReport(result_id=result_id)
        return t.RelatedFullDocumentDiagnosticReport(items=ls.diagnostics.merged(uri, pushed),
                                                     result_id=result_id)

    @server.feature(t.TEXT_DOCUMENT_CODE_ACTION, t.CodeActionOptions(
        code_action_kinds=[t.CodeActionKind.QuickFix, t.CodeActionKind.RefactorRewrite,
                           t.CodeActionKind.Source], resolve_provider=True))
    def code_action(ls: AgentLanguageServer, params: t.CodeActionParams) -> list[t.CodeAction] | None:
        actions: list[t.CodeAction] = []
        doc = documents.requested(ls.workspace, params.text_document.uri)
        if doc is None:
            return None
        for feature in ls.serving("code_actions"):
            try:
                if feature.serves(ls, doc):
                    actions.extend(feature.code_actions(ls, params))
            except Exception:
                log.exception("%s: code actions failed", type(feature).__name__)
        return actions or None

    @server.feature(t.CODE_ACTION_RESOLVE)
    async def code_action_resolve(ls: AgentLanguageServer, action: t.CodeAction) -> t.CodeAction:
        # async: $/cancelRequest cancels this task, and with it a provider's pending work.
        for feature in ls.serving("resolve_code_action"):
            try:
                resolved = await feature.resolve_code_action(ls, action)
            except Exception:
                log.exception("%s: code action resolve failed", type(feature).__name__)
                continue
            if resolved is not None:
                return resolved
        return action

    @server.feature(t.TEXT_DOCUMENT_HOVER)
    def hover(ls: AgentLanguageServer, params: t.HoverParams) -> t.Hover | None:
        found: t.Hover | None = _first(ls, "hover", params.text_document.uri, params.position)
        return found

    @server.feature(t.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def symbols(ls: AgentLanguageServer, params: t.DocumentSymbolParams
                ) -> list[t.DocumentSymbol] | None:
        found: list[t.DocumentSymbol] | None = _first(ls, "symbols", params.text_document.uri)
        return found


def _first(ls: AgentLanguageServer, hook: str, uri: str, *args: Any) -> Any:
    """The first answer to ``hook`` from the features that serve the document, in their order."""
    doc = documents.requested(ls.workspace, uri)
    if doc is None:
        return None
    for feature in ls.serving(hook):
        try:
            found = getattr(feature, hook)(ls, doc, *args) if feature.serves(ls, doc) else None
        except Exception:
            log.exception("%s: %s failed", type(feature).__name__, hook)
            continue
        if found is not None:
            return found
    return None


def _run_hooks(ls: AgentLanguageServer, hook: str, *args: Any) -> None:
    """``hook`` of each feature that serves it, in turn; one that fails is logged and the
    others still run (a notification must never become a popup storm)."""
    for feature in ls.serving(hook):
        try:
            getattr(feature, hook)(ls, *args)
        except Exception:
            log.exception("%s: %s failed (%s)", type(feature).__name__, hook, args or "")


def _reconfigured(ls: AgentLanguageServer) -> None:
    _run_hooks(ls, "configured")


def _refresh_all(ls: AgentLanguageServer) -> None:
    for uri in list(ls.workspace.text_documents):
        try:
            ls.refresh(uri)
        except Exception:
            log.exception("refresh failed for %s", uri)


async def _ask_to_pull(ls: AgentLanguageServer) -> None:
    """After new settings a pull client would keep the old diagnostics until the next edit."""
    if not ls.pull_diagnostics:
        return  # _refresh_all pushed them
    if ls.can_refresh_diagnostics:
        try:
            await ls.workspace_diagnostic_refresh_async(None)
        except Exception:
            log.info("workspace/diagnostic/refresh failed")
