"""What the pattern engine found in a module, in the shape the expert needs.

Every pattern and smell comes from the engine (``agentls.patterns.analysis``): the same
detections, thresholds and layers (``[tool.agentls.patterns]``) as hover, smell diagnostics
and ``agentls patterns``; nothing here decides whether something is a god class, a singleton
or a layer violation. What the engine does not compute and the local expert's advice needs
stays here: the groups of methods that share fields (``clusters``), to say how to split a god
class the engine reported. Walks are iterative: a recursive visitor overflows on deep
expressions.
"""

from __future__ import annotations

import ast
import logging
import os
import tokenize
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from agentls.patterns.analysis import analyze_source, index_source, module_name_in, source_hash
from agentls.patterns.files import FolderScope
from agentls.patterns.model import Detection, ModuleAnalysis
from agentls.patterns.settings import PatternSettings
from agentls.patterns.workspace import WorkspaceIndex

log = logging.getLogger(__name__)

MIN_CONFIDENCE = 0.5  # what `agentls patterns` shows by default
MAX_WORKSPACE_FILES = 5_000  # indexed for a review from the terminal (cross-module evidence)
MAX_WORKSPACE_FILE_SIZE = 1_048_576


@dataclass(frozen=True)
class Det:
    pattern: str  # "singleton", "god_class", "layer_violation", …
    kind: str  # "pattern" | "smell"
    symbol: str
    role: str
    start_line: int  # 1-based, inclusive
    end_line: int
    evidence: tuple[str, ...] = ()
    metrics: tuple[tuple[str, float], ...] = ()
    evidence_lines: tuple[int, ...] = ()  # 1-based, one per evidence (0: in another module)
    confidence: float = 1.0


@dataclass
class Cluster:
    methods: list[str]
    fields: list[str] = field(default_factory=list)


def parse(source: str) -> ast.Module | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(source)
    except (SyntaxError, RecursionError, MemoryError, ValueError):
        return None


def walk(node: ast.AST) -> Iterator[ast.AST]:
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(ast.iter_child_nodes(current))


def from_engine(found: ModuleAnalysis, min_confidence: float = MIN_CONFIDENCE) -> list[Det]:
    """The engine's detections (patterns, then smells) as the expert sees them."""
    out: list[Det] = []
    for kind, items in (("pattern", found.detections), ("smell", found.smells)):
        out.extend(_det(d, kind) for d in items if d.confidence >= min_confidence)
    return sorted(out, key=lambda d: (d.start_line, d.pattern))


def _det(d: Detection, kind: str) -> Det:
    r = d.range
    end = r.end_line + (0 if r.end_col == 0 and r.end_line > r.line else 1)  # as `agentls patterns`
    lines = tuple(e.range.line + 1 if e.path is None else 0 for e in d.evidence)
    return Det(d.pattern, kind, d.symbol, d.role, r.line + 1, end, tuple(e.reason for e in d.evidence),
               d.metrics, lines, d.confidence)


def analyze(source: str, path: str, workspace: WorkspaceIndex | None = None,
            settings: PatternSettings | None = None, module: str | None = None) -> list[Det]:
    """Pattern detections and smells for one module, from the engine. ``workspace``: the other
    modules (it is updated with this one first); ``module``: the dotted name."""
    try:
        found = analyze_source(source, path, workspace, settings, module)
    except Exception:  # a pathological module, or a detector bug: the expert still answers
        log.exception("pattern analysis failed on %s", path)
        return []
    return from_engine(found)


def index_workspace(root: Path, limit: int = MAX_WORKSPACE_FILES) -> WorkspaceIndex:
    """The workspace's Python files (``.gitignore`` respected, as in the editor's index), for
    cross-module evidence such as layers and implementations in other modules."""
    ws = WorkspaceIndex()
    scope = FolderScope(str(root))
    try:
        files, _ = scope.list_files(limit)
    except OSError:
        return ws
    for path in files:
        try:
            if os.path.getsize(path) > MAX_WORKSPACE_FILE_SIZE:
                continue
            with tokenize.open(path) as handle:
                text = handle.read()
        except (OSError, SyntaxError, UnicodeDecodeError, LookupError):
            continue
        rel = scope.relative(path)
        try:
            index, _ = index_source(text, path, module_name_in(path, rel) if rel else None)
        except Exception:  # one bad file must not cost the review
            log.debug("cannot index %s", path, exc_info=True)
            continue
        ws.update(index, source_hash(text))
    return ws


def _methods(cls: ast.ClassDef) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    return [n for n in cls.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]


def _self_fields(fn: ast.AST) -> set[str]:
    return {n.attr for n in walk(fn) if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)
            and n.value.id == "self"}


def clusters(cls: ast.ClassDef) -> list[Cluster]:
    """Groups of methods linked by the fields they share or by calling each other.

    ``__init__`` and other dunders are left out: they touch every field and would glue all
    groups together.
    """
    methods = [m for m in _methods(cls) if not (m.name.startswith("__") and m.name.endswith("__"))]
    names = {m.name for m in methods}
    parent = {m.name: m.name for m in methods}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    touched: dict[str, set[str]] = {}
    by_field: dict[str, str] = {}
    for m in methods:
        attrs = _self_fields(m)
        touched[m.name] = {a for a in attrs if a not in names}
        for a in attrs:
            other = a if a in names else by_field.setdefault(a, m.name)
            parent[find(m.name)] = find(other)
    groups: dict[str, Cluster] = {}
    for m in methods:
        c = groups.setdefault(find(m.name), Cluster([]))
        c.methods.append(m.name)
        c.fields.extend(f for f in sorted(touched[m.name]) if f not in c.fields)
    return sorted(groups.values(), key=lambda c: (-len(c.methods), c.methods[0]))


def find_class(tree: ast.Module, name: str) -> ast.ClassDef | None:
    for node in walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == name.rsplit(".", 1)[-1]:
            return node
    return None


def describe(d: Det) -> str:
    """One line for the request and the review."""
    lines = f"line {d.start_line}" if d.start_line == d.end_line else f"lines {d.start_line}-{d.end_line}"
    text = f"{lines}: {d.pattern.replace('_', ' ')} ({d.kind}) — `{d.symbol}`"
    if d.role and d.role != d.pattern.replace("_", " "):
        text += f", role {d.role}"
    if d.evidence:
        text += "; " + "; ".join(_with_line(d, i) for i in range(min(3, len(d.evidence))))
    return text


def _with_line(d: Det, i: int) -> str:
    line = d.evidence_lines[i] if i < len(d.evidence_lines) else 0
    return f"l. {line}: {d.evidence[i]}" if line else d.evidence[i]


def to_plain(dets: list[Det]) -> list[dict[str, Any]]:
    return [{"pattern": d.pattern, "kind": d.kind, "symbol": d.symbol, "role": d.role,
             "start_line": d.start_line, "end_line": d.end_line, "confidence": d.confidence,
             "evidence": [{"line": d.evidence_lines[i] if i < len(d.evidence_lines) else 0, "reason": e}
                          for i, e in enumerate(d.evidence)]} for d in dets]
