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


def _decorator_names(fn: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> set[str]:
    names = set()
    for d in fn.decorator_list:
        target = d.func if isinstance(d, ast.Call) else d
        if isinstance(target, ast.Attribute):
            names.add(target.attr)
        elif isinstance(target, ast.Name):
            names.add(target.id)
    return names


def _is_instance_method(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    # `@overload` stubs only declare signatures; static and class methods use no instance state
    return not _decorator_names(fn) & {"overload", "staticmethod", "classmethod"}


def _self_fields(fn: ast.AST) -> set[str]:
    return {n.attr for n in walk(fn) if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)
            and n.value.id == "self"}


def clusters(cls: ast.ClassDef) -> list[Cluster]:
    """Groups of methods linked by the fields they share or by calling each other.

    One name is one method: the `@overload` signatures and a property's getter, setter and
    deleter are one responsibility, so their bodies are merged. ``__init__`` and other dunders
    are left out (they touch every field and would glue all groups together), and so are
    static and class methods (no instance state).
    """
    bodies: dict[str, list[ast.AST]] = {}
    for m in _methods(cls):
        if not (m.name.startswith("__") and m.name.endswith("__")) and _is_instance_method(m):
            bodies.setdefault(m.name, []).append(m)
    names = set(bodies)
    parent = {name: name for name in bodies}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    touched: dict[str, set[str]] = {}
    by_field: dict[str, str] = {}
    for name, defs in bodies.items():
        attrs = set().union(*(_self_fields(d) for d in defs))
        touched[name] = {a for a in attrs if a not in names}
        for a in attrs:
            other = a if a in names else by_field.setdefault(a, name)
            parent[find(name)] = find(other)
    groups: dict[str, Cluster] = {}
    for name in bodies:
        c = groups.setdefault(find(name), Cluster([]))
        c.methods.append(name)
        c.fields.extend(f for f in sorted(touched[name]) if f not in c.fields)
    return sorted(groups.values(), key=lambda c: (-len(c.methods), c.methods[0]))


def find_class(tree: ast.Module, name: str) -> ast.ClassDef | None:
    for node in walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == name.rsplit(".", 1)[-1]:
            return node
    return None


def _has_parameters(fn: ast.FunctionDef | ast.AsyncFunctionDef, skip: int) -> bool:
    a = fn.args
    return bool(len(a.posonlyargs) + len(a.args) > skip or a.kwonlyargs or a.vararg or a.kwarg)


def _string_values(node: ast.AST) -> set[str]:
    return {n.value for n in walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)}


def no_instance_dict(cls: ast.ClassDef) -> str | None:
    """Why instances of ``cls`` have no ``__dict__`` (which `functools.cached_property` needs)."""
    for stmt in cls.body:
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target] if isinstance(
            stmt, ast.AnnAssign) and stmt.value is not None else []
        if any(isinstance(t, ast.Name) and t.id == "__slots__" for t in targets) and (
                "__dict__" not in _string_values(stmt)):
            return f"`{cls.name}` declares `__slots__` without `__dict__`"
    for d in cls.decorator_list:
        name = (d.func if isinstance(d, ast.Call) else d)
        tail = name.attr if isinstance(name, ast.Attribute) else name.id if isinstance(name, ast.Name) else ""
        slots = {k.arg: k.value for k in d.keywords} if isinstance(d, ast.Call) else {}
        explicit = slots.get("slots")
        on = isinstance(explicit, ast.Constant) and explicit.value is True
        off = isinstance(explicit, ast.Constant) and explicit.value is False
        # attrs' `define` / `frozen` / `mutable` make slotted classes unless told otherwise
        if on or (tail in ("define", "frozen", "mutable") and not off):
            return f"`{cls.name}` is a slotted class (`@{tail}`)"
    for base in cls.bases:
        tail = base.attr if isinstance(base, ast.Attribute) else base.id if isinstance(base, ast.Name) else ""
        if tail == "NamedTuple":
            return f"`{cls.name}` is a `NamedTuple`"
    return None


def cached_property_blocker(tree: ast.Module, symbol: str, attr: str | None) -> str | None:
    """Why ``functools.cached_property`` cannot simply replace the hand-written lazy attribute
    ``symbol`` ("Class.method", caching in ``self.<attr>``), or None when it can.

    Each reason is a rewrite a reviewer would reject: a special method or one taking arguments
    cannot become a property, a plain method would change every caller, a class without an
    instance ``__dict__`` cannot hold the cached value, and a value that the class resets or
    reads elsewhere (explicit invalidation, a custom ``__setattr__``) has semantics that
    `cached_property` does not keep.
    """
    cls_name, _, method = symbol.rpartition(".")
    cls = find_class(tree, cls_name) if cls_name else None
    if cls is None:
        return "it is not a method of a class in this module"
    defs = [m for m in _methods(cls) if m.name == method]
    if not defs:
        return f"`{method}` is not defined in `{cls.name}`"
    fn = defs[0]
    if method.startswith("__") and method.endswith("__"):
        return f"`{method}` is a special method, looked up on the type: it cannot be a property"
    if _has_parameters(fn, 1):
        return f"`{method}` takes arguments"
    decorators = _decorator_names(fn)
    if "property" not in decorators and attr is not None:
        return f"`{method}` is a method: turning it into a property changes every caller"
    if len(defs) > 1:
        return f"the property `{method}` also has a setter or deleter"
    blocker = no_instance_dict(cls)
    if blocker:
        return blocker
    hooks = sorted({m.name for m in _methods(cls)} & {"__setattr__", "__delattr__"})
    if hooks:
        return f"`{cls.name}` defines `{hooks[0]}`, which the cached value would bypass"
    if attr and any(m.name == attr for m in _methods(cls)):
        return f"`self.{attr}` is itself a property of `{cls.name}`, with storage of its own"
    inside = {id(n) for n in walk(fn)}
    for node in walk(cls):
        # a class that fills or clears its own `__dict__` would shadow or drop the cached value
        if (isinstance(node, ast.Attribute) and node.attr == "__dict__" and isinstance(node.value, ast.Name)
                and node.value.id == "self" and id(node) not in inside):
            return f"`{cls.name}` manages its `__dict__` directly (line {node.lineno})"
    return _reset_elsewhere(tree, cls, fn, attr) if attr else None


def _reset_elsewhere(tree: ast.Module, cls: ast.ClassDef, lazy: ast.AST, attr: str) -> str | None:
    """Where else ``attr`` is assigned, deleted or read (beyond ``__init__`` setting it to None)."""
    inside = {id(n) for n in walk(lazy)}
    inits = [m for m in _methods(cls) if m.name in ("__init__", "__post_init__")]
    initial = {id(t) for m in inits for n in walk(m) if isinstance(n, (ast.Assign, ast.AnnAssign))
               and isinstance(n.value, ast.Constant) and n.value.value is None
               for t in (n.targets if isinstance(n, ast.Assign) else [n.target])}
    own = {id(n) for n in walk(cls)}
    for node in walk(tree):
        if id(node) in inside or id(node) in initial:
            continue
        if isinstance(node, ast.Attribute) and node.attr == attr:
            if isinstance(node.ctx, ast.Del):
                return f"`{attr}` is deleted at line {node.lineno} (explicit invalidation)"
            if isinstance(node.ctx, ast.Store):
                return f"`{attr}` is also assigned at line {node.lineno} (reset or set from outside)"
            if id(node) in own:
                return f"`{attr}` is also read directly at line {node.lineno}"
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in ("setattr", "delattr") and attr in _string_values(node)):
            return f"`{attr}` is reset with `{node.func.id}` at line {node.lineno}"
    return None


def lazy_global_blocker(tree: ast.Module, function: str, name: str) -> str | None:
    """Why ``functools.cache`` cannot replace a function that fills the module global ``name``
    on first call: it takes arguments, or something else assigns the global (a reset)."""
    fn = next((n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
               and n.name == function), None)
    if fn is None:
        return f"`{function}` is not a module-level function"
    if isinstance(fn, ast.AsyncFunctionDef):
        return f"`{function}` is a coroutine function"
    if _has_parameters(fn, 0):
        return f"`{function}` takes arguments"
    for other in walk(tree):
        if other is fn or not isinstance(other, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        if any(isinstance(n, ast.Global) and name in n.names for n in walk(other)):
            return f"`{other.name}` also assigns `{name}` (line {other.lineno})"
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
