"""Markdown explanations of the detections at a position (hover) and per symbol (outline).

Used by the language server; pure text in, text out.
"""

from __future__ import annotations

from pathlib import Path

from agentls.patterns.detector_registry import detectors
from agentls.patterns.model import Detection, ModuleAnalysis, Participant

_METRIC_NAMES = {
    "ATFD": "Access To Foreign Data: attributes of other objects read directly",
    "WMC": "Weighted Method Count: summed cyclomatic complexity of the methods",
    "TCC": "Tight Class Cohesion: share of public method pairs using a common attribute",
}


def at_position(analysis: ModuleAnalysis, line: int, col: int) -> list[Detection]:
    """Detections whose identifier (or, for module-level ones, line) is under the cursor."""
    out = []
    for d in analysis.all():
        sel = d.selection
        if d.kind == "module":
            hit = sel.line <= line < max(sel.end_line, sel.line + 1) if sel.end_line > sel.line else line == sel.line
        else:
            hit = sel.line == line and sel.col <= col <= sel.end_col
        if hit:
            out.append(d)
    return out


def _plural(role: str) -> str:
    words = role.replace("_", " ")
    if words.endswith("y") and not words.endswith(("ay", "ey", "oy")):
        words = words[:-1] + "ie"
    elif words.endswith(("s", "x", "ch", "sh")):
        words += "e"
    return (words + "s").capitalize()


def _link(line: int, path: str | None, here: str, uri: str | None) -> str:
    """``l. 12`` linked to the line: same file through ``uri``, others by their path."""
    label = f"l. {line + 1}" + (f", {Path(path).name}" if path and path != here else "")
    target = uri if not path or path == here else (Path(path).resolve().as_uri() if Path(path).is_absolute() else None)
    return f"[{label}]({target}#L{line + 1})" if target else label


def _participants(d: Detection, here: str, uri: str | None) -> list[str]:
    groups: dict[str, list[Participant]] = {}
    for p in d.participants:
        groups.setdefault(p.role, []).append(p)
    out = []
    for role, members in groups.items():
        names = ", ".join(f"`{p.symbol}` ({_link(p.line, p.path, here, uri)})" for p in members[:8])
        more = f" and {len(members) - 8} more" if len(members) > 8 else ""
        out.append(f"{_plural(role) if len(members) > 1 else role.replace('_', ' ').capitalize()}: {names}{more}")
    return out


def explain(d: Detection, here: str, uri: str | None = None) -> str:
    det = detectors().get(d.pattern)
    title = d.pattern.replace("_", " ").title()
    parts = [f"**{title}** — `{d.symbol}` plays **{d.role.replace('_', ' ')}** (confidence {d.confidence:.2f})"]
    if det is not None:
        parts.append(det.summary())
        role_doc = det.roles.get(d.role)
        if role_doc:
            parts.append(f"*{d.role.replace('_', ' ').capitalize()}*: {role_doc}.")
    if d.metrics:
        lines = [f"- {k} = {v:g}" + (f" ({_METRIC_NAMES[k]})" if k in _METRIC_NAMES else "") for k, v in d.metrics]
        parts.append("\n".join(lines))
    if d.evidence:
        parts.append(
            "Evidence:\n" + "\n".join(f"- {_link(e.range.line, e.path, here, uri)}: {e.reason}" for e in d.evidence)
        )
    parts.extend(_participants(d, here, uri))
    return "\n\n".join(parts)


def hover_markdown(analysis: ModuleAnalysis, line: int, col: int, uri: str | None = None) -> str | None:
    """Markdown for every pattern role played by the symbol at (line, col), or None."""
    found = at_position(analysis, line, col)
    if not found:
        return None
    return "\n\n---\n\n".join(explain(d, analysis.path, uri) for d in found)


def symbol_details(analysis: ModuleAnalysis) -> dict[str, str]:
    """Qualified symbol -> "strategy: context, observer: subject" for document symbols."""
    out: dict[str, list[str]] = {}
    for d in analysis.all():
        out.setdefault(d.symbol, []).append(f"{d.pattern}: {d.role}")
    return {k: ", ".join(v) for k, v in out.items()}
