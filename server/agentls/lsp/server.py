"""The language server object: the features, the diagnostics store, the client's capabilities.

Features (``feature.LanguageFeature``) are added once by ``run.create_server``; the handlers
(``handlers.py``) register each LSP method once and ask every feature that serves it, so one
failing feature is logged and the others still answer.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Generator, Iterable
from typing import TYPE_CHECKING, Any

from lsprotocol import types as t
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, lsp_method
from pygls.uris import to_fs_path

from agentls import __version__
from agentls.dialects import dialect_for
from agentls.lsp import engine_modules
from agentls.lsp.configuration import Configuration
from agentls.lsp.feature import LanguageFeature, overrides
from agentls.lsp.store import DiagnosticStore

if TYPE_CHECKING:
    from agentls.edit_cache import EditCache

log = logging.getLogger(__name__)


class _Protocol(LanguageServerProtocol):
    """pygls 2.1 files the future of every handler it runs under a message id until the
    response is sent; a notification's handlers (didChange goes through a built-in generator,
    which runs ours) get made-up ids and no response, so their futures stayed for good: about
    2.5 KB per edit, 120 MB over a day's 50,000 edits (bench/soak.py). Now and then the done
    ones are dropped (a request's is dropped when its response goes out, as before)."""

    def _execute_handler(self, msg_id: Any, handler: Any, callback: Any, args: Any = None,
                         kwargs: Any = None) -> None:
        if len(self._request_futures) > 256:
            # A new dict, not deletions: shutdown may be iterating the old one right now.
            self._request_futures = {k: f for k, f in self._request_futures.items() if not f.done()}
        super()._execute_handler(msg_id, handler, callback, args, kwargs)

    @lsp_method(t.SHUTDOWN)
    def lsp_shutdown(self, *args: Any) -> Generator[Any, Any, None]:
        """pygls 2.1's, over a copy of the pending requests: cancelling one (an expert request
        still streaming) runs its callback, which removes it from the dict being iterated, and
        shutdown answered "dictionary changed size during iteration" (tests/lsp/
        test_shutdown_during_stream.py)."""
        if (user_handler := self.fm.features.get(t.SHUTDOWN)) is not None:
            yield user_handler, args, None
        current_id = self.msg_id
        for msg_id, future in list(self._request_futures.items()):
            if msg_id != current_id and not future.done():
                future.cancel()
        self._shutdown = True


class AgentLanguageServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("agentls", __version__, protocol_cls=_Protocol,
                         text_document_sync_kind=t.TextDocumentSyncKind.Incremental)
        self.config = Configuration()  # per workspace folder: the project file + the editor's
        self.diagnostics = DiagnosticStore()
        self._edit_cache: EditCache | None = None
        self._paths: dict[str, str | None] = {}
        self._dialects: dict[str, str | None] = {}  # depends on the settings: cleared with them
        self.features: list[LanguageFeature] = []
        self._serving: dict[str, list[LanguageFeature]] = {}
        # Documents whose diagnostics another document's change made stale (cross-file
        # findings); refreshed once the current refresh is done, never from inside it.
        self._stale: dict[str, None] = {}
        self._refreshing = False
        self._reporting = False  # report_server_error is running

    def report_server_error(self, error: Exception, source: Any) -> None:
        """pygls 2.1 reports a message it failed to send by sending another (showMessage).
        Once stdout is closed (after ``exit``, with an expert answer still being cancelled)
        that send fails too and is reported again, about a thousand tracebacks deep before a
        RecursionError: exit took 10-30 s (bench/crash_safety.py). One report at a time."""
        if self._reporting:
            log.debug("not reported to the client: %s", error)
            return
        self._reporting = True
        try:
            super().report_server_error(error, source)
        finally:
            self._reporting = False

    @property
    def edit_cache(self) -> EditCache:
        """What the engine keeps between keystrokes (the core keeps nothing): this session's,
        made at the first check (its module is not needed to answer ``initialize``)."""
        if self._edit_cache is None:
            self._edit_cache = engine_modules.edit_cache.EditCache()
        return self._edit_cache

    # -- features --------------------------------------------------------------------------
    def add(self, *features: LanguageFeature) -> None:
        for feature in features:
            self.features.append(feature)
            feature.register(self)
        self._serving.clear()

    def serving(self, hook: str) -> list[LanguageFeature]:
        """The features that serve ``hook`` (override it), in the order they were added."""
        found = self._serving.get(hook)
        if found is None:
            found = self._serving[hook] = [f for f in self.features if overrides(f, hook)]
        return found

    @property
    def sources(self) -> list[LanguageFeature]:
        """The features that fill a diagnostics source."""
        return [f for f in self.serving("diagnose") if f.source is not None]

    # -- client capabilities -------------------------------------------------------------
    @property
    def pull_diagnostics(self) -> bool:
        td = self.client_capabilities.text_document
        return td is not None and td.diagnostic is not None

    @property
    def document_changes(self) -> bool:
        ws = self.client_capabilities.workspace
        return bool(ws and ws.workspace_edit and ws.workspace_edit.document_changes)

    @property
    def position_encoding(self) -> str:
        return str(self.workspace.position_encoding or "utf-16")

    # -- diagnostics ---------------------------------------------------------------------
    def refresh(self, uri: str) -> None:
        """Recompute every source for one document, then for the documents that made stale;
        push the results if the client does not pull."""
        if self._refreshing:
            self._stale[uri] = None
            return
        self._refreshing = True
        try:
            self._refresh_one(uri)
            done = {uri}
            while self._stale:
                other = next(iter(self._stale))
                del self._stale[other]
                if other not in done:
                    done.add(other)
                    try:
                        self._refresh_one(other)
                    except Exception:
                        log.exception("refresh failed for %s", other)
        finally:
            self._refreshing = False
            self._stale.clear()

    def invalidate(self, uris: Iterable[str]) -> None:
        """Other open documents' diagnostics are stale (a cross-file change): refresh them
        after the current refresh, or now when none is running."""
        for uri in uris:
            if self._refreshing:
                self._stale[uri] = None
            else:
                try:
                    self.refresh(uri)
                except Exception:
                    log.exception("refresh failed for %s", uri)

    def _refresh_one(self, uri: str) -> None:
        doc = self.workspace.get_text_document(uri)
        for feature in self.sources:
            name = feature.source
            assert name is not None
            try:
                items = feature.diagnose(self, doc) if feature.serves(self, doc) else None
            except Exception:
                log.exception("diagnostics source %s failed on %s", name, uri)
                continue
            self.diagnostics.set(uri, name, doc.version, items)  # None: "not mine", remembered
        if not self.pull_diagnostics:
            self._publish(uri, doc.version)
        elif self.pushed_sources:
            self.push_late(uri)

    def _publish(self, uri: str, version: int | None) -> None:
        """Push every source's diagnostics of ``uri`` (a client without pull diagnostics)."""
        self.text_document_publish_diagnostics(t.PublishDiagnosticsParams(
            uri=uri, version=version, diagnostics=self.diagnostics.merged(uri)))

    def up_to_date(self, uri: str) -> bool:
        """Whether every source has answered for the document's current version."""
        version = self.workspace.get_text_document(uri).version
        return all(self.diagnostics.current(uri, f.source or "", version) for f in self.sources)

    @property
    def can_refresh_diagnostics(self) -> bool:
        ws = self.client_capabilities.workspace
        return bool(ws and ws.diagnostics and ws.diagnostics.refresh_support)

    @property
    def watch_capability(self) -> t.DidChangeWatchedFilesClientCapabilities | None:
        """The client's file-watching capability, when it lets the server register watchers."""
        ws = self.client_capabilities.workspace
        watch = ws.did_change_watched_files if ws else None
        return watch if watch is not None and watch.dynamic_registration else None

    async def watch_files(self, watchers: list[t.FileSystemWatcher], what: str) -> bool:
        """Asks the client to report changes to ``watchers``; False when it refuses (the
        features then update files when they are opened and closed)."""
        try:
            await self.client_register_capability_async(t.RegistrationParams(registrations=[t.Registration(
                id=str(uuid.uuid4()), method=t.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=t.DidChangeWatchedFilesRegistrationOptions(watchers=watchers))]))
        except Exception:
            log.info("client refused to watch %s", what)
            return False
        return True

    @property
    def pushed_sources(self) -> frozenset[str]:
        """Sources a pulling client receives by push: late ones, when it cannot refresh."""
        if not self.pull_diagnostics or self.can_refresh_diagnostics:
            return frozenset()
        return frozenset(f.source for f in self.sources if f.late and f.delivered and f.source)

    def push_late(self, uri: str) -> None:
        doc = self.workspace.get_text_document(uri)
        self.text_document_publish_diagnostics(t.PublishDiagnosticsParams(
            uri=uri, version=doc.version,
            diagnostics=self.diagnostics.merged(uri, only=self.pushed_sources)))

    async def deliver_late(self, uri: str) -> None:
        """A late source has new results for ``uri``: show them however this client can."""
        if not self.pull_diagnostics:
            self._publish(uri, self.workspace.get_text_document(uri).version)
        elif self.can_refresh_diagnostics:
            try:
                await self.workspace_diagnostic_refresh_async(None)
            except Exception:
                log.info("workspace/diagnostic/refresh failed")
        else:
            self.push_late(uri)

    def path_of(self, uri: str) -> str | None:
        if uri not in self._paths:  # asked several times per keystroke; URIs parse slowly
            if len(self._paths) > 4096:
                self._paths.clear()
            self._paths[uri] = to_fs_path(uri)
        return self._paths[uri]

    def reconfigured(self) -> None:
        """The configuration changed: which files are agent files may have too."""
        self._dialects.clear()

    def forget_dialects(self) -> None:
        """Files appeared or went (a ``.claude-plugin`` folder changes what ``agents/`` means)."""
        self._dialects.clear()
        self.diagnostics.expire()

    def dialect_of(self, uri: str) -> str | None:
        """Which agent-file dialect a document is, or ``None`` when it is not an agent file."""
        if uri in self._dialects:
            return self._dialects[uri]
        path = self.path_of(uri)
        dialect = None
        if path is not None:
            settings = self.config.for_path(path).core
            if settings.dialect and path.lower().endswith((".md", ".mdc")):
                dialect = settings.dialect  # "read every Markdown file as …"
            else:
                dialect = dialect_for(path, settings.dialects)
        if len(self._dialects) > 4096:
            self._dialects.clear()
        self._dialects[uri] = dialect
        return dialect
