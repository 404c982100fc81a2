"""The LSP methods, each registered once and dispatched to the providers."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from lsprotocol import types as t

from agentls.lsp.documents import adopt
from agentls.lsp.server import AgentLanguageServer

log = logging.getLogger(__name__)


def register(server: AgentLanguageServer) -> None:
    @server.feature(t.INITIALIZE)
    def initialize(ls: AgentLanguageServer, params: t.InitializeParams) -> None:
        adopt(ls.workspace)
        ls.apply_settings(params.initialization_options or {})

    @server.feature(t.INITIALIZED)
    async def initialized(ls: AgentLanguageServer, params: t.InitializedParams) -> None:
        for hook in ls.initialized_hooks:  # feature modules (dynamic registrations)
            await hook(ls)
        ws = ls.client_capabilities.workspace
        if ws and ws.configuration:
            try:
                result = await ls.workspace_configuration_async(t.ConfigurationParams(
                    items=[t.ConfigurationItem(section="agentls")]))
            except Exception:  # a client may refuse; the defaults stand
                log.info("workspace/configuration failed; keeping initializationOptions")
                result = None
            if result and isinstance(result[0], dict) and result[0]:
                ls.apply_settings(result[0])
                _refresh_all(ls)
                await _ask_to_pull(ls)
        _reconfigured(ls)  # the settings are known now: background work may start

    @server.feature(t.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(ls: AgentLanguageServer,
                                       params: t.DidChangeConfigurationParams) -> None:
        settings = params.settings
        ws = ls.client_capabilities.workspace
        if (not settings or settings == {}) and ws and ws.configuration:
            try:
                result = await ls.workspace_configuration_async(t.ConfigurationParams(
                    items=[t.ConfigurationItem(section="agentls")]))
                settings = result[0] if result else {}
            except Exception:
                log.info("workspace/configuration failed")
        ls.apply_settings(settings or {})
        _refresh_all(ls)
        _reconfigured(ls)
        await _ask_to_pull(ls)

    @server.feature(t.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
    def did_change_folders(ls: AgentLanguageServer, params: t.DidChangeWorkspaceFoldersParams) -> None:
        _reconfigured(ls)  # pygls has updated ls.workspace.folders already

    @server.feature(t.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched(ls: AgentLanguageServer, params: t.DidChangeWatchedFilesParams) -> None:
        _run_hooks(ls.watched_hooks, "didChangeWatchedFiles", ls, params)

    @server.feature(t.SHUTDOWN)
    def shutdown(ls: AgentLanguageServer, *args: object) -> None:
        _run_hooks(ls.shutdown_hooks, "shutdown", ls)

    @server.feature(t.TEXT_DOCUMENT_DID_OPEN)
    @server.feature(t.TEXT_DOCUMENT_DID_CHANGE)
    @server.feature(t.TEXT_DOCUMENT_DID_SAVE)
    def on_change(ls: AgentLanguageServer,
                  params: t.DidOpenTextDocumentParams | t.DidChangeTextDocumentParams
                  | t.DidSaveTextDocumentParams) -> None:
        try:
            ls.refresh(params.text_document.uri)
        except Exception:  # never let a notification become a popup storm
            log.exception("refresh failed for %s", params.text_document.uri)
        event = ("save" if isinstance(params, t.DidSaveTextDocumentParams)
                 else "change" if isinstance(params, t.DidChangeTextDocumentParams) else "open")
        _run_hooks(ls.document_hooks, "document", ls, event, params.text_document.uri)  # auto mode

    @server.feature(t.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: AgentLanguageServer, params: t.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.diagnostics.clear(uri)
        _run_hooks(ls.close_hooks, "close", ls, uri)  # features drop what they kept for the document
        if not ls.pull_diagnostics:
            ls.text_document_publish_diagnostics(t.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(t.TEXT_DOCUMENT_DIAGNOSTIC, t.DiagnosticOptions(
        identifier="agentls", inter_file_dependencies=False, workspace_diagnostics=False))
    def pull(ls: AgentLanguageServer, params: t.DocumentDiagnosticParams
             ) -> t.RelatedFullDocumentDiagnosticReport | t.RelatedUnchangedDocumentDiagnosticReport:
        uri = params.text_document.uri
        doc = ls.workspace.get_text_document(uri)
        if any(ls.diagnostics.version(uri, s.name) != doc.version
               or not ls.diagnostics.has(uri, s.name) for s in ls.sources):
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
        for provider in ls.code_action_providers:
            try:
                actions.extend(provider(ls, params))
            except Exception:
                log.exception("code action provider failed")
        return actions or None

    @server.feature(t.CODE_ACTION_RESOLVE)
    async def code_action_resolve(ls: AgentLanguageServer, action: t.CodeAction) -> t.CodeAction:
        # async: $/cancelRequest cancels this task, and with it a provider's pending work.
        for provider in ls.resolve_providers:
            try:
                resolved = await provider(ls, action)
            except Exception:
                log.exception("code action resolve provider failed")
                continue
            if resolved is not None:
                return resolved
        return action

    @server.feature(t.TEXT_DOCUMENT_HOVER)
    def hover(ls: AgentLanguageServer, params: t.HoverParams) -> t.Hover | None:
        doc = ls.workspace.get_text_document(params.text_document.uri)
        for provider in ls.hover_providers:
            try:
                found = provider(ls, doc, params.position)
            except Exception:
                log.exception("hover provider failed")
                continue
            if found is not None:
                return found
        return None

    @server.feature(t.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def symbols(ls: AgentLanguageServer, params: t.DocumentSymbolParams
                ) -> list[t.DocumentSymbol] | None:
        doc = ls.workspace.get_text_document(params.text_document.uri)
        for provider in ls.symbol_providers:
            try:
                found = provider(ls, doc)
            except Exception:
                log.exception("symbol provider failed")
                continue
            if found is not None:
                return found
        return None


def _run_hooks(hooks: Sequence[Callable[..., object]], what: str, *args: Any) -> None:
    """Each feature's hook in turn; one that fails is logged and the others still run (a
    notification must never become a popup storm)."""
    for hook in hooks:
        try:
            hook(*args)
        except Exception:
            log.exception("%s hook failed (%s)", what, args[1:] or "")


def _reconfigured(ls: AgentLanguageServer) -> None:
    _run_hooks(ls.reconfigured_hooks, "reconfiguration", ls)


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
    ws = ls.client_capabilities.workspace
    if ws and ws.diagnostics and ws.diagnostics.refresh_support:
        try:
            await ls.workspace_diagnostic_refresh_async(None)
        except Exception:
            log.info("workspace/diagnostic/refresh failed")
