"""What the pattern engine knows about a module, in the shape the expert needs.

Uses ``agentls.patterns.analysis.analyze_source`` when it exists (it is developed alongside)
and adds a few ast-based smell checks of its own (god class, layer violation, singleton) so
the request and the local expert have something to say either way. Walks are iterative:
a recursive visitor overflows on deep expressions.
"""

from __future__ import annotations

import ast
import logging
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

GOD_CLASS_METHODS = 15  # that many methods is a god class whatever its cohesion
COHESION_MIN_METHODS = 6  # from here, groups of methods sharing no fields count too

INNER_LAYERS = frozenset({"domain", "domains", "entities", "entity", "model", "models", "core", "usecases",
                          "use_cases", "application"})
OUTER_LAYERS = frozenset({"infrastructure", "infra", "adapters", "adapter", "db", "database", "persistence",
                          "orm", "web", "api", "ui", "views", "controllers", "cli", "http", "gateways"})
FRAMEWORKS = frozenset({"sqlalchemy", "django", "flask", "fastapi", "starlette", "requests", "httpx", "aiohttp",
                        "boto3", "botocore", "psycopg", "psycopg2", "pymongo", "redis", "peewee", "tortoise"})


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


def _from_engine(source: str, path: str) -> list[Det] | None:
    try:
        from agentls.patterns import analysis as engine  # type: ignore[attr-defined,unused-ignore]
    except Exception:  # absent, or mid-edit in a working tree: our own checks still answer
        log.debug("pattern engine unavailable", exc_info=True)
        return None
    analyze = getattr(engine, "analyze_source", None)
    if analyze is None:
        return None
    try:
        result = analyze(source, path)
    except Exception:  # the engine is young; the fallback keeps the expert answering
        log.exception("pattern analysis failed on %s", path)
        return None
    found: list[Det] = []
    for kind, items in (("pattern", getattr(result, "detections", result)), ("smell", getattr(result, "smells", []))):
        for d in items or []:
            try:
                rng = d.range
                evidence = tuple(str(getattr(e, "reason", e)) for e in getattr(d, "evidence", ()))
                metrics = tuple((str(k), float(v)) for k, v in getattr(d, "metrics", ()))
                found.append(Det(str(d.pattern), kind, str(d.symbol), str(getattr(d, "role", "")),
                                 rng.line + 1, rng.end_line + 1, evidence, metrics))
            except (AttributeError, TypeError, ValueError):
                continue
    return found


def analyze(source: str, path: str) -> list[Det]:
    """Pattern detections and smells for one module, engine first, our checks added."""
    tree = parse(source)
    own = _fallback(tree, path) if tree is not None else []
    engine = _from_engine(source, path)
    if engine is None:
        return own
    seen = {(d.pattern, d.symbol) for d in engine}
    return engine + [d for d in own if (d.pattern, d.symbol) not in seen]


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


def _layer(path: str) -> str | None:
    parts = [p.lower().removesuffix(".py") for p in path.replace("\\", "/").split("/")]
    return next((p for p in reversed(parts) if p in INNER_LAYERS), None)


def _fallback(tree: ast.Module, path: str) -> list[Det]:
    found: list[Det] = []
    for node in walk(tree):
        if isinstance(node, ast.ClassDef):
            found.extend(_class_smells(node))
    layer = _layer(path)
    if layer is not None:
        found.extend(_layer_violations(tree, layer))
    return sorted(found, key=lambda d: (d.start_line, d.pattern))


def _class_smells(node: ast.ClassDef) -> list[Det]:
    out: list[Det] = []
    end = node.end_lineno or node.lineno
    methods = _methods(node)
    groups = [c for c in clusters(node) if c.methods]
    big = [c for c in groups if len(c.methods) >= 2]
    if len(methods) >= GOD_CLASS_METHODS or (len(methods) >= COHESION_MIN_METHODS and len(big) >= 2):
        why = f"{len(methods)} methods in {len(groups)} groups that share no fields"
        out.append(Det("god_class", "smell", node.name, "god class", node.lineno, end, (why,),
                       (("methods", float(len(methods))), ("groups", float(len(groups))))))
    names = {m.name for m in methods}
    has_slot = any(isinstance(s, (ast.Assign, ast.AnnAssign)) and "_instance" in ast.unparse(s).split("=")[0]
                   for s in node.body)
    if has_slot and ("__new__" in names or names & {"instance", "get_instance", "getInstance"}):
        out.append(Det("singleton", "pattern", node.name, "singleton", node.lineno, end,
                       ("keeps its one instance in `_instance`",)))
    return out


def _layer_violations(tree: ast.Module, layer: str) -> list[Det]:
    out: list[Det] = []
    for node in tree.body:
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            targets = [node.module]
        for target in targets:
            parts = target.lower().split(".")
            outer = next((p for p in parts if p in OUTER_LAYERS), None)
            framework = parts[0] if parts[0] in FRAMEWORKS else None
            if outer or framework:
                why = (f"the {layer} layer imports `{target}` ("
                       + (f"{outer} layer" if outer else f"the {framework} framework") + ")")
                out.append(Det("layer_violation", "smell", target, "import across layers", node.lineno,
                               node.end_lineno or node.lineno, (why,)))
    return out


def describe(d: Det) -> str:
    """One line for the request and the review."""
    lines = f"line {d.start_line}" if d.start_line == d.end_line else f"lines {d.start_line}-{d.end_line}"
    text = f"{lines}: {d.pattern.replace('_', ' ')} ({d.kind}) — `{d.symbol}`"
    if d.role and d.role != d.pattern.replace("_", " "):
        text += f", role {d.role}"
    if d.evidence:
        text += "; " + "; ".join(d.evidence[:3])
    return text


def to_plain(dets: list[Det]) -> list[dict[str, Any]]:
    return [{"pattern": d.pattern, "kind": d.kind, "symbol": d.symbol, "role": d.role,
             "start_line": d.start_line, "end_line": d.end_line, "evidence": list(d.evidence)} for d in dets]
