"""Python design patterns in the editor: hover, smell diagnostics, document symbols.

A feature of the server (``run.create_server``). The engine (``agentls.patterns``) works in code
points; this module converts to the client's position encoding. Open Open Python documents
and the workspace's Python files on disk form one workspace index, so a context in one file
links to strategies in another.

Settings (``agentls`` section): ``patterns.smells`` (default true) turns smell diagnostics
off; ``patterns.enabled`` (default true) turns the whole feature off; ``patterns.exclude``
(glob patterns) and ``patterns.maxFiles`` (default 20000) bound the background index of the
workspace's Python files (``patterns_index``), which lets a hover in one file name the
participants in files that are not open. ``patterns.godClass.{atfd,wmc,tcc}``,
``patterns.layers`` and ``patterns.disabled`` tune the engine, on top of the workspace
folder's ``[tool.agentls.patterns]`` (``ls.config``: each document gets its folder's).
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from lsprotocol import types as t
from pygls.workspace import TextDocument

from agentls.diagnostic_codes import SOURCES
from agentls.lsp import engine_modules as engines
from agentls.lsp.convert import Positions
from agentls.lsp.feature import LanguageFeature
from agentls.lsp.patterns_index import WorkspaceIndexer, is_python
from agentls.lsp.server import AgentLanguageServer
from agentls.text import split_lines, utf16_len

if TYPE_CHECKING:
    from agentls.patterns.analysis import AnalysisCache
    from agentls.patterns.model import Detection, ModuleAnalysis, OutlineSymbol, Range
    from agentls.patterns.settings import PatternSettings
    from agentls.patterns.workspace import WorkspaceIndex

log = logging.getLogger(__name__)

SOURCE = SOURCES["smell"]
_KINDS = {"class": t.SymbolKind.Class, "function": t.SymbolKind.Function, "method": t.SymbolKind.Method}


class PatternFeatures(LanguageFeature):
    source = SOURCE

    def __init__(self) -> None:
        # pygls may run handlers on worker threads; the index is not thread-safe.
        self._lock = threading.Lock()
        # The engine's objects are made at first use: its modules are not needed to answer
        # ``initialize`` (engine_modules). The expert may ask first, from a worker thread.
        self._making = threading.Lock()
        self._engine: tuple[WorkspaceIndex, AnalysisCache, WorkspaceIndexer] | None = None
        # uri -> the last full analysis: (text, version, settings, index generation after it)
        self._last: dict[str, tuple[str, int | None, PatternSettings, int, ModuleAnalysis]] = {}

    def _made(self) -> tuple[WorkspaceIndex, AnalysisCache, WorkspaceIndexer]:
        if self._engine is None:
            with self._making:
                if self._engine is None:
                    index = engines.workspace.WorkspaceIndex()
                    # The workspace's Python files on disk, indexed in the background.
                    self._engine = (index, engines.analysis.AnalysisCache(), WorkspaceIndexer(index, self._lock))
        return self._engine

    @property
    def workspace(self) -> WorkspaceIndex:
        return self._made()[0]

    @property
    def cache(self) -> AnalysisCache:
        return self._made()[1]

    @property
    def indexer(self) -> WorkspaceIndexer:
        return self._made()[2]

    @staticmethod
    def is_python(doc: TextDocument) -> bool:
        return is_python(doc)

    def serves(self, ls: AgentLanguageServer, doc: TextDocument) -> bool:
        return is_python(doc)

    def _where(self, ls: AgentLanguageServer, doc: TextDocument) -> tuple[str, str | None, PatternSettings]:
        """(path, dotted module name, settings) of a document: the CLI's module name, as for
        the files on disk, and [tool.agentls.patterns] with the editor's settings on top."""
        path = ls.path_of(doc.uri) or doc.uri
        return path, self.indexer.module_name(ls, path), ls.config.for_path(path).patterns.engine

    def analysis(self, ls: AgentLanguageServer, doc: TextDocument) -> ModuleAnalysis | None:
        if not self.is_python(doc) or not ls.config.for_uri(ls, doc.uri).patterns.enabled:
            return None
        path, module, settings = self._where(ls, doc)
        with self._lock:
            found = self.cache.analyze(doc.source, path, self.workspace, settings, doc.version, module)
            self._last[doc.uri] = (doc.source, doc.version, settings, self.workspace.generation, found)
        return found

    def _recent(self, ls: AgentLanguageServer, doc: TextDocument) -> ModuleAnalysis | None:
        """The last analysis of this very text, while the background walk is running and only
        its commits changed the index since (walk_commits): a hover is not held up by one
        re-analysis per commit."""
        last = self._last.get(doc.uri)
        if last is None or not self.indexer.walking:
            return None
        source, version, settings, generation, found = last
        if version != doc.version or (source is not doc.source and source != doc.source):
            return None
        if settings != self._where(ls, doc)[2] or not ls.config.for_uri(ls, doc.uri).patterns.enabled:
            return None
        with self._lock:
            current = self.workspace.generation
        return found if self.indexer.commits.only_commits(generation, current) else None

    # -- providers ------------------------------------------------------------------------
    def diagnose(self, ls: AgentLanguageServer, doc: TextDocument) -> list[t.Diagnostic] | None:
        # Run on every edit: only the smells, not every pattern detector over the workspace.
        patterns = ls.config.for_uri(ls, doc.uri).patterns
        if not self.is_python(doc) or not patterns.enabled:
            return None
        if not patterns.engine.smells:
            return []
        path, module, settings = self._where(ls, doc)
        with self._lock:
            smells = self.cache.smells(doc.source, path, self.workspace, settings, doc.version, module)
        where = _Lines(doc.source, Positions(doc.source, ls.position_encoding))
        return [_diagnostic(d, where) for d in smells]

    def hover(self, ls: AgentLanguageServer, doc: TextDocument, position: t.Position) -> t.Hover | None:
        analysis = self._recent(ls, doc) or self.analysis(ls, doc)
        if analysis is None:
            return None
        positions = Positions(doc.source, ls.position_encoding)
        here = positions.index.position(positions.offset(position))
        text = engines.hover.hover_markdown(analysis, here.line, here.column, uri=doc.uri)
        if text is None:
            return None
        return t.Hover(contents=t.MarkupContent(kind=t.MarkupKind.Markdown, value=text))

    def symbols(self, ls: AgentLanguageServer, doc: TextDocument) -> list[t.DocumentSymbol] | None:
        analysis = self.analysis(ls, doc)
        if analysis is None:
            return None
        where = _Lines(doc.source, Positions(doc.source, ls.position_encoding))
        return [_symbol(s, where) for s in analysis.outline]

    # -- lifecycle: the background index of the workspace's Python files ----------------------
    async def initialized(self, ls: AgentLanguageServer) -> None:
        await self.indexer.register_watchers(ls)

    def configured(self, ls: AgentLanguageServer) -> None:
        self.indexer.reconfigure(ls)

    def files_changed(self, ls: AgentLanguageServer, params: t.DidChangeWatchedFilesParams) -> None:
        self.indexer.watched(ls, params)

    def shutdown(self, ls: AgentLanguageServer) -> None:
        self.indexer.shutdown(ls)

    def document_closed(self, ls: AgentLanguageServer, uri: str) -> None:
        self._last.pop(uri, None)
        path = ls.path_of(uri) or uri
        with self._lock:
            self.cache.forget(path)
        if self.indexer.closed(ls, path):
            return  # the disk copy replaces the buffer's facts
        with self._lock:
            # Outside the indexed folders a closed file could change on disk unseen: drop it.
            self.workspace.remove(path)


class _Lines:
    """LSP positions of the engine's (line, code-point column) pairs, from the document's lines:
    a ``LineIndex`` finds line starts one by one (about 3 ms to reach the end of a 5,000-line
    module, on every keystroke). Anything not plainly inside a line goes through ``positions``."""

    def __init__(self, text: str, positions: Positions) -> None:
        self.lines = split_lines(text)
        self.positions = positions

    def position(self, line: int, col: int) -> t.Position | None:
        if not 0 <= line < len(self.lines):
            return None
        text = self.lines[line]
        content = len(text) - (2 if text.endswith("\r\n") else 1 if text.endswith(("\n", "\r")) else 0)
        if not 0 <= col <= content:
            return None
        head = text[:col]
        encoding = self.positions.encoding
        if encoding == "utf-32" or head.isascii():
            return t.Position(line, col)
        if encoding == "utf-8":
            return t.Position(line, len(head.encode("utf-8", errors="surrogatepass")))
        return t.Position(line, utf16_len(head))


def _range(r: Range, where: _Lines) -> t.Range:
    start, end = where.position(r.line, r.col), where.position(r.end_line, r.end_col)
    if start is None or end is None:
        return _slow_range(r, where.positions)
    return t.Range(start, end if (end.line, end.character) >= (start.line, start.character) else start)


def _slow_range(r: Range, positions: Positions) -> t.Range:
    index = positions.index
    start = min(index.line_start(r.line) + r.col, len(index.text))
    end = (
        min(index.line_start(r.end_line) + r.end_col, len(index.text))
        if r.end_line < index.line_count
        else len(index.text)
    )
    return positions.range(start, max(start, end))


def _diagnostic(d: Detection, positions: _Lines) -> t.Diagnostic:
    if d.pattern == "god_class":
        # The first evidence states the metrics against the configured thresholds.
        measured = d.evidence[0].reason if d.evidence else ", ".join(f"{k} {v:g}" for k, v in d.metrics)
        message = f"`{d.symbol}` looks like a god class: {measured} (hover for details)"
    else:
        message = d.evidence[0].reason if d.evidence else d.pattern
    return t.Diagnostic(
        range=_range(d.selection, positions),
        message=message,
        severity=t.DiagnosticSeverity.Information,
        code=d.pattern,
        source=SOURCE,
    )


def _symbol(s: OutlineSymbol, positions: _Lines) -> t.DocumentSymbol:
    return t.DocumentSymbol(
        name=s.name,
        kind=_KINDS[s.kind],
        range=_range(s.range, positions),
        selection_range=_range(s.selection, positions),
        detail=s.detail or None,
        children=[_symbol(c, positions) for c in s.children] or None,
    )
