"""A finding with its file and 1-based positions, ready for any output format."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from agentls.model import Finding
from agentls.text import LineIndex

DOCS_URL = "https://github.com/agentls/agentls/blob/main/docs/rules/{code}.md"


@dataclass(frozen=True)
class Located:
    path: str
    finding: Finding
    line: int  # 1-based
    column: int  # 1-based, code points
    end_line: int
    end_column: int

    @classmethod
    def of(cls, path: str, finding: Finding, index: LineIndex) -> Located:
        start = index.position(finding.span.start)
        end = index.position(finding.span.end)
        return cls(path, finding, start.line + 1, start.column + 1, end.line + 1, end.column + 1)


def edit_json(index: LineIndex, start: int, end: int, new_text: str) -> dict[str, Any]:
    a, b = index.position(start), index.position(end)
    return {"line": a.line + 1, "column": a.column + 1, "end_line": b.line + 1,
            "end_column": b.column + 1, "new_text": new_text}


def _related(index: LineIndex, message: str, start: int, end: int) -> dict[str, Any]:
    a, b = index.position(start), index.position(end)
    return {"message": message, "line": a.line + 1, "column": a.column + 1,
            "end_line": b.line + 1, "end_column": b.column + 1}


def to_json(item: Located, index: LineIndex) -> dict[str, Any]:
    f = item.finding
    out: dict[str, Any] = {
        "path": item.path, "line": item.line, "column": item.column,
        "end_line": item.end_line, "end_column": item.end_column,
        "severity": f.severity.label, "code": f.code, "message": f.message,
    }
    if f.fix is not None:
        out["fix"] = {
            "title": f.fix.title,
            "applicability": f.fix.applicability.value,
            "edits": [edit_json(index, e.span.start, e.span.end, e.new_text) for e in f.fix.edits],
        }
    if f.related:  # same-file places that explain the finding (e.g. the YAML error's character)
        out["related"] = [_related(index, r.message, r.span.start, r.span.end)
                          for r in f.related if r.path is None]
    return out
