"""Agent definition files in the editor: diagnostics and quick fixes from the engine."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from lsprotocol import types as t
from pygls.workspace import TextDocument

from agentls.diagnostic_codes import SOURCES
from agentls.lsp import convert
from agentls.lsp.engine_modules import engine
from agentls.lsp.feature import LanguageFeature
from agentls.lsp.server import AgentLanguageServer
from agentls.model import Finding, Span

if TYPE_CHECKING:
    from agentls.frontmatter.document import AgentDocument

SOURCE = SOURCES["rule"]  # the diagnostics registry names each family's source


@dataclass
class Checked:
    version: int | None
    settings: object
    text: str
    doc: AgentDocument
    findings: list[Finding]
    positions: convert.Positions
    diagnostics: list[t.Diagnostic]


class AgentFiles(LanguageFeature):
    """The per-file checker: diagnostics and the engine's quick fixes. Other agent-file
    features read its parse (``checked``) instead of parsing again."""

    source = SOURCE

    def __init__(self) -> None:
        self._cache: dict[str, Checked] = {}
        self._diagnostics: dict[tuple[object, ...], t.Diagnostic] = {}

    def serves(self, ls: AgentLanguageServer, doc: TextDocument) -> bool:
        return ls.dialect_of(doc.uri) is not None

    def checked(self, ls: AgentLanguageServer, doc: TextDocument) -> Checked | None:
        dialect = ls.dialect_of(doc.uri)
        if dialect is None:
            return None
        cached = self._cache.get(doc.uri)
        text = doc.source
        settings = ls.config.for_uri(ls, doc.uri).core
        # The version alone is not enough: a document closed and opened again starts at the
        # same version with other text, and new settings (select/ignore) change the findings.
        if (cached is not None and cached.version == doc.version and doc.version is not None
                and cached.settings is settings and cached.text == text):
            return cached
        agent_doc, findings = engine.check_text(text, ls.path_of(doc.uri), dialect, settings, ls.edit_cache)
        positions = convert.Positions(text, ls.position_encoding, agent_doc.index)
        diagnostics = [self._diagnostic(f, i, positions, doc.uri) for i, f in enumerate(findings)]
        result = Checked(doc.version, settings, text, agent_doc, findings, positions, diagnostics)
        self._cache[doc.uri] = result
        return result

    def _diagnostic(self, finding: Finding, i: int, positions: convert.Positions,
                    uri: str) -> t.Diagnostic:
        # Most findings are the same, at the same place, from one keystroke to the next; an
        # lsprotocol Diagnostic costs ~10 us to build.
        if finding.related:
            return convert.diagnostic(finding, positions, uri, data={"i": i})
        start, end = positions.position(finding.span.start), positions.position(finding.span.end)
        key = (uri, i, finding, start.line, start.character, end.line, end.character)
        found = self._diagnostics.get(key)
        if found is None:
            found = convert.diagnostic(finding, positions, uri, data={"i": i})
            if len(self._diagnostics) >= 1024:
                self._diagnostics.clear()
            self._diagnostics[key] = found
        return found

    def diagnose(self, ls: AgentLanguageServer, doc: TextDocument) -> list[t.Diagnostic] | None:
        checked = self.checked(ls, doc)
        return None if checked is None else checked.diagnostics

    def code_actions(self, ls: AgentLanguageServer, params: t.CodeActionParams) -> list[t.CodeAction]:
        only = params.context.only
        if only and not any(str(k).startswith(t.CodeActionKind.QuickFix) for k in only):
            return []
        doc = ls.workspace.get_text_document(params.text_document.uri)
        checked = self.checked(ls, doc)
        if checked is None:
            return []
        want = Span(checked.positions.offset(params.range.start),
                    checked.positions.offset(params.range.end))
        actions: list[t.CodeAction] = []
        for finding, diag in zip(checked.findings, checked.diagnostics, strict=True):
            if finding.fix is None or not _touches(finding.span, want):
                continue
            action = convert.quick_fix(finding, diag, checked.positions, doc.uri, doc.version,
                                       ls.document_changes)
            if action is not None:
                actions.append(action)
        return actions

    def document_closed(self, ls: AgentLanguageServer, uri: str) -> None:
        self._cache.pop(uri, None)
        ls.edit_cache.forget(ls.path_of(uri))


def _touches(a: Span, b: Span) -> bool:
    return a.start <= b.end and b.start <= a.end
