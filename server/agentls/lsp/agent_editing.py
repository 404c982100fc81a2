"""Agent files in the editor: the workspace model behind completion, hover, code actions,
symbols, go-to-definition, cross-file diagnostics and files changed on disk.

This module owns the ``AgentIndex`` for the server; the features that read it live in
``agent_completion``, ``agent_hover``, ``agent_actions`` and ``agent_symbols`` and receive
this one in their constructors (``run.create_server``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lsprotocol import types as t
from pygls.uris import from_fs_path, to_fs_path
from pygls.workspace import TextDocument

from agentls.diagnostic_codes import SOURCES
from agentls.lsp import convert
from agentls.lsp.agent_files import AgentFiles, Checked
from agentls.lsp.engine_modules import agentindex, document
from agentls.lsp.feature import LanguageFeature
from agentls.lsp.server import AgentLanguageServer
from agentls.model import Severity
from agentls.render.located import DOCS_URL
from agentls.suppress import unsuppressed
from agentls.text import utf16_len

if TYPE_CHECKING:
    from agentls.agentindex import AgentIndex, Entry, IndexConfig, IndexFinding, Loc
    from agentls.frontmatter.document import AgentDocument

log = logging.getLogger(__name__)

SOURCE = SOURCES["workspace"]
_SEVERITY = {Severity.ERROR: t.DiagnosticSeverity.Error, Severity.WARNING: t.DiagnosticSeverity.Warning,
             Severity.INFO: t.DiagnosticSeverity.Information, Severity.HINT: t.DiagnosticSeverity.Hint}
WATCH_GLOBS = ("**/.claude/agents/**/*.md", "**/.claude/skills/*/SKILL.md", "**/.claude/commands/**/*.md",
               "**/agents/**/*.md", "**/skills/*/SKILL.md", "**/commands/**/*.md", "**/.mcp.json")


@dataclass
class ParsedAgentFile:
    version: int | None
    text: str
    dialect: str
    doc: AgentDocument
    positions: convert.Positions


class AgentEditing(LanguageFeature):
    """The workspace's agent files (``AgentIndex``): cross-file diagnostics (AGW codes) and
    files changed on disk; the model behind completion, hover, actions and symbols."""

    source = SOURCE

    def __init__(self, files: AgentFiles) -> None:
        self.files = files  # its parse of each version is reused, not repeated
        self._index: AgentIndex | None = None
        self._parsed: dict[str, ParsedAgentFile] = {}
        self._overlaid: dict[str, str] = {}  # path -> the buffer text last given to the index
        self.registered_watchers = False
        self._config: tuple[object, object, IndexConfig] | None = None  # (folders, settings, ...)

    # -- the model -------------------------------------------------------------------------
    @property
    def index(self) -> AgentIndex:
        if self._index is None:  # at the first agent file, not while ``initialize`` waits
            self._index = agentindex.AgentIndex()
        return self._index

    def config(self, ls: AgentLanguageServer) -> IndexConfig:
        # Asked on every keystroke: the folders and the settings object rarely change.
        key = (tuple(ls.workspace.folders), ls.workspace.root_path)
        settings = ls.config.window.index  # one index for the workspace: the window-wide settings
        if self._config is None or self._config[0] != key or self._config[1] is not settings:
            folders = [to_fs_path(f.uri) for f in ls.workspace.folders.values()]
            if not folders and ls.workspace.root_path:
                folders = [ls.workspace.root_path]
            home = str(Path.home()) if settings.user_folder else None
            config = agentindex.IndexConfig(tuple(sorted(f for f in folders if f)), home, settings.managed_folder,
                                 settings.context_window)
            self._config = (key, settings, config)
        return self._config[2]

    def model(self, ls: AgentLanguageServer) -> AgentIndex:
        """The index, rescanned when the folders or the settings changed."""
        self.index.configure(self.config(ls))
        return self.index

    def dialect(self, ls: AgentLanguageServer, uri: str) -> str | None:
        return ls.dialect_of(uri)

    def serves(self, ls: AgentLanguageServer, doc: TextDocument) -> bool:
        return ls.dialect_of(doc.uri) is not None

    def parsed(self, ls: AgentLanguageServer, doc: TextDocument) -> ParsedAgentFile | None:
        """The document read the Claude Code way, cached per version (hover, actions)."""
        dialect = self.dialect(ls, doc.uri)
        if dialect is None:
            return None
        cached = self._parsed.get(doc.uri)
        text = doc.source
        if cached is not None and cached.version == doc.version and cached.text is text:
            return cached
        checked = self._checked(ls, doc, dialect)
        if checked is not None:  # the checker parsed this version already
            result = ParsedAgentFile(doc.version, text, dialect, checked.doc, checked.positions)
        else:
            agent_doc = document.load_text(text, ls.path_of(doc.uri), dialect)
            result = ParsedAgentFile(doc.version, text, dialect, agent_doc,
                            convert.Positions(text, ls.position_encoding, agent_doc.index))
        self._parsed[doc.uri] = result
        return result

    def _checked(self, ls: AgentLanguageServer, doc: TextDocument, dialect: str) -> Checked | None:
        checked = self.files.checked(ls, doc)
        if checked is None or checked.doc.dialect != dialect or checked.doc.text is not doc.source:
            return None
        return checked

    def entry_for(self, ls: AgentLanguageServer, doc: TextDocument) -> Entry | None:
        path = ls.path_of(doc.uri)
        if path is None:
            return None
        index = self.model(ls)
        self._overlay(ls, index, doc)
        return index.entry(path)

    def _overlay(self, ls: AgentLanguageServer, index: AgentIndex, doc: TextDocument) -> set[str]:
        open_paths = {ls.path_of(u) for u in ls.workspace.text_documents}
        for path in index.overlays():
            if path not in open_paths:
                index.drop_overlay(path)
                self._overlaid.pop(path, None)
        own = ls.path_of(doc.uri)
        if own is None:
            return set()
        text = doc.source
        if len(text) > ls.config.for_path(own).core.max_file_size:
            # Over the size cap the file is reported (AG020), not analysed; Claude Code skips it
            # too, so the workspace model leaves it out rather than scan megabytes per keystroke.
            if index.has_overlay(own):
                index.drop_overlay(own)
                self._overlaid.pop(own, None)
            return set()
        if index.has_overlay(own) and self._overlaid.get(own) is text:
            return set()  # hover and completion ask again and again for the same version
        self._overlaid[own] = text
        dialect = self.dialect(ls, doc.uri)
        checked = self._checked(ls, doc, dialect) if dialect else None
        return index.set_overlay(own, text, checked.doc if checked else None) or set()

    # -- cross-file diagnostics -------------------------------------------------------------
    def diagnose(self, ls: AgentLanguageServer, doc: TextDocument) -> list[t.Diagnostic] | None:
        path = ls.path_of(doc.uri)
        dialect = self.dialect(ls, doc.uri)
        if path is None or dialect is None:
            return None
        index = self.model(ls)
        affected = self._overlay(ls, index, doc)
        settings = ls.config.for_path(path).core
        findings = [f for f in index.findings_for(path) if settings.enabled(f.code)]
        findings = unsuppressed(doc.source, findings)
        checked = self._checked(ls, doc, dialect)
        positions = checked.positions if checked else convert.Positions(doc.source, ls.position_encoding)
        out = [self.diagnostic(ls, f, positions) for f in findings]
        if affected:
            self.refresh_dependents(ls, affected, skip=doc.uri)  # after this refresh, not inside it
        return out

    def diagnostic(self, ls: AgentLanguageServer, f: IndexFinding,
                   positions: convert.Positions) -> t.Diagnostic:
        related = [t.DiagnosticRelatedInformation(self.location(ls, r.path, r.loc), r.message)
                   for r in f.related] or None
        return t.Diagnostic(range=positions.range(f.span.start, f.span.end), message=f.message,
                            severity=_SEVERITY[f.severity], code=f.code, source=SOURCE,
                            code_description=t.CodeDescription(href=DOCS_URL.format(code=f.code)),
                            related_information=related)

    def location(self, ls: AgentLanguageServer, path: str, loc: Loc | None) -> t.Location:
        uri = from_fs_path(path) or path
        if loc is None:
            return t.Location(uri, t.Range(t.Position(0, 0), t.Position(0, 0)))
        return t.Location(uri, t.Range(t.Position(loc.line, _units(loc.text, loc.start, ls.position_encoding)),
                                       t.Position(loc.line, _units(loc.text, loc.end, ls.position_encoding))))

    def refresh_dependents(self, ls: AgentLanguageServer, names: set[str], skip: str | None = None) -> None:
        targets = self.index.dependents(names)
        ls.invalidate([uri for uri in list(ls.workspace.text_documents)
                       if uri != skip and ls.path_of(uri) in targets])

    # -- files changed on disk --------------------------------------------------------------
    def files_changed(self, ls: AgentLanguageServer, params: t.DidChangeWatchedFilesParams) -> None:
        ls.forget_dialects()
        index = self.model(ls)
        paths = [p for p in (to_fs_path(c.uri) for c in params.changes) if p]
        affected = index.update_paths(paths)
        if affected:
            self.refresh_dependents(ls, affected)

    async def initialized(self, ls: AgentLanguageServer) -> None:
        await self.register_watchers(ls)

    async def register_watchers(self, ls: AgentLanguageServer) -> None:
        watch = ls.watch_capability
        if watch is None:
            return
        watchers = [t.FileSystemWatcher(glob_pattern=g) for g in WATCH_GLOBS]
        home = self.config(ls).home
        if home and watch.relative_pattern_support:
            base = from_fs_path(home) or home
            watchers.append(t.FileSystemWatcher(glob_pattern=t.RelativePattern(
                base_uri=base, pattern=".claude/{agents,skills,commands}/**/*.md")))
        self.registered_watchers = await ls.watch_files(watchers, "agent files")


def _units(line: str, col: int, encoding: str) -> int:
    prefix = line[:col]
    if encoding == "utf-32":
        return len(prefix)
    if encoding == "utf-8":
        return len(prefix.encode("utf-8", errors="surrogatepass"))
    return utf16_len(prefix)


def entry_location(editing: AgentEditing, ls: AgentLanguageServer, entry: Entry) -> t.Location:
    return editing.location(ls, entry.path, entry.name_loc)
