"""Core findings <-> lsprotocol types. The only place positions change units."""

from __future__ import annotations

from typing import Any

from lsprotocol import types as t

from agentls.model import Applicability, Finding, Fix, Severity
from agentls.render.located import DOCS_URL
from agentls.text import LineIndex

_SEVERITY = {
    Severity.ERROR: t.DiagnosticSeverity.Error,
    Severity.WARNING: t.DiagnosticSeverity.Warning,
    Severity.INFO: t.DiagnosticSeverity.Information,
    Severity.HINT: t.DiagnosticSeverity.Hint,
}


class Positions:
    """Offsets <-> LSP positions in the negotiated encoding (UTF-16 unless agreed otherwise)."""

    def __init__(self, text: str, encoding: str | None, index: LineIndex | None = None) -> None:
        self.index = index if index is not None and index.text is text else LineIndex(text)
        self.encoding = str(encoding or "utf-16")

    def position(self, offset: int) -> t.Position:
        if self.encoding == "utf-32":
            p = self.index.position(offset)
        elif self.encoding == "utf-8":
            p = self.index.position(offset)
            start = self.index.line_start(p.line)
            text = self.index.text[start:start + p.column]
            return t.Position(p.line, len(text.encode("utf-8", errors="surrogatepass")))
        else:
            p = self.index.utf16_position(offset)
        return t.Position(p.line, p.column)

    def range(self, start: int, end: int) -> t.Range:
        return t.Range(self.position(start), self.position(end))

    def offset(self, position: t.Position) -> int:
        if self.encoding == "utf-32":
            return self.index.offset(position.line, position.character, utf16=False)
        if self.encoding == "utf-8":
            start = self.index.line_start(position.line)
            line = self.index.text[start:self.index.line_end(position.line)]
            raw = line.encode("utf-8", errors="surrogatepass")[: position.character]
            return start + len(raw.decode("utf-8", errors="ignore"))
        return self.index.offset(position.line, position.character, utf16=True)


def diagnostic(finding: Finding, positions: Positions, uri: str, data: Any = None) -> t.Diagnostic:
    related = None
    if finding.related:
        related = [
            t.DiagnosticRelatedInformation(
                location=t.Location(uri=r.path or uri, range=positions.range(r.span.start, r.span.end)),
                message=r.message,
            ) for r in finding.related
        ]
    docs = DOCS_URL.format(code=finding.code) if finding.source == "agentls" else None
    return t.Diagnostic(
        range=positions.range(finding.span.start, finding.span.end),
        message=finding.message,
        severity=_SEVERITY[finding.severity],
        code=finding.code,
        code_description=t.CodeDescription(href=docs) if docs else None,
        source=finding.source,
        related_information=related,
        data=data,
    )


def workspace_edit(fix: Fix, positions: Positions, uri: str, version: int | None,
                   document_changes: bool) -> t.WorkspaceEdit:
    edits = [t.TextEdit(range=positions.range(e.span.start, e.span.end), new_text=e.new_text)
             for e in fix.edits]
    if document_changes:
        return t.WorkspaceEdit(document_changes=[t.TextDocumentEdit(
            text_document=t.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
            edits=list(edits),
        )])
    return t.WorkspaceEdit(changes={uri: edits})


def quick_fix(finding: Finding, diag: t.Diagnostic, positions: Positions, uri: str,
              version: int | None, document_changes: bool) -> t.CodeAction | None:
    if finding.fix is None:
        return None
    return t.CodeAction(
        title=finding.fix.title,
        kind=t.CodeActionKind.QuickFix,
        diagnostics=[diag],
        is_preferred=finding.fix.applicability is Applicability.SAFE,
        edit=workspace_edit(finding.fix, positions, uri, version, document_changes),
    )
