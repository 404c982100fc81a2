"""SARIF 2.1.0, with the rules' help text and fixes, for GitHub code scanning."""

from __future__ import annotations

from pathlib import PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from agentls import __version__, diagnostic_codes
from agentls.model import Severity
from agentls.render.located import DOCS_URL, Located
from agentls.text import LineIndex

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note",
          Severity.HINT: "note"}


def _region(index: LineIndex, start: int, end: int) -> dict[str, int]:
    a, b = index.position(start), index.position(end)
    return {"startLine": a.line + 1, "startColumn": a.column + 1,
            "endLine": b.line + 1, "endColumn": b.column + 1}


def artifact_uri(path: str) -> str:
    """A path as SARIF wants it: a URI reference (percent-encoded; absolute paths as file URIs)."""
    posix = path.replace("\\", "/")
    if PureWindowsPath(path).drive:
        return PureWindowsPath(path).as_uri() if PureWindowsPath(path).is_absolute() else quote(posix)
    if PurePosixPath(posix).is_absolute():
        return PurePosixPath(posix).as_uri()
    return quote(posix)  # also "a:b.md" -> "a%3Ab.md", which no one reads as a scheme


def sarif(items: list[tuple[Located, LineIndex]]) -> dict[str, Any]:
    used = sorted({item.finding.code for item, _ in items})
    rule_entries = []
    for code in used:
        known = diagnostic_codes.get(code)  # rules and workspace checks (AGW) alike
        entry: dict[str, Any] = {"id": code, "helpUri": DOCS_URL.format(code=code)}
        if known is not None:
            entry["name"] = known.slug
            entry["shortDescription"] = {"text": known.summary}
            entry["help"] = {"text": known.documentation, "markdown": known.documentation}
            entry["defaultConfiguration"] = {"level": _LEVEL[known.severity]}
        rule_entries.append(entry)
    results = []
    for item, index in items:
        f = item.finding
        location = {"physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(item.path)},
            "region": _region(index, f.span.start, f.span.end),
        }}
        result: dict[str, Any] = {
            "ruleId": f.code, "ruleIndex": used.index(f.code), "level": _LEVEL[f.severity],
            "message": {"text": f.message}, "locations": [location],
        }
        if f.related:
            result["relatedLocations"] = [{
                "id": n, "message": {"text": r.message},
                "physicalLocation": {"artifactLocation": {"uri": artifact_uri(r.path or item.path)},
                                     "region": _region(index, r.span.start, r.span.end)},
            } for n, r in enumerate(f.related) if r.path is None]
        if f.fix is not None:
            result["fixes"] = [{
                "description": {"text": f.fix.title},
                "artifactChanges": [{
                    "artifactLocation": {"uri": artifact_uri(item.path)},
                    "replacements": [{
                        "deletedRegion": _region(index, e.span.start, e.span.end),
                        "insertedContent": {"text": e.new_text},
                    } for e in f.fix.edits],
                }],
            }]
        results.append(result)
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "agentls", "version": __version__,
                                "informationUri": "https://github.com/agentls/agentls",
                                "rules": rule_entries}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
