"""Short string renderings of expressions, the words facts are written in: a dotted name
(``a.b.c``, ``f()``, ``x[]``), a type annotation, a value (``param:x``, ``call:f``, ``const``).

Bounded and iterative where a chain may be long; never ``ast.unparse``.
"""

from __future__ import annotations

import ast
from typing import Any

from agentls.patterns.facts import Value


def dotted(node: ast.AST | None) -> str:
    """``a.b.c`` for attribute chains; ``f()`` for a call result; ``x[]`` for a subscript."""
    n: Any = node
    t = type(n)
    if t is ast.Name:
        name: str = n.id
        return name
    if t is ast.Attribute:
        value = n.value
        if type(value) is ast.Name:
            return f"{value.id}.{n.attr}"
    return _dotted(node)


def _dotted(node: ast.AST | None) -> str:
    parts: list[str] = []
    while node is not None:
        if isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Name):
            parts.append(node.id)
            break
        elif isinstance(node, ast.Call):
            inner = dotted(node.func) if isinstance(node.func, ast.Name | ast.Attribute) else ""
            if not inner:
                return ""
            parts.append(inner + "()")
            break
        elif isinstance(node, ast.Subscript):
            parts.append("[]")
            node = node.value
        else:
            return ""
    out = ""
    for part in reversed(parts):
        out = out + part if part == "[]" else (f"{out}.{part}" if out else part)
    return out


def annotation(node: ast.expr | None, depth: int = 0) -> str | None:
    """A short rendering of a type annotation; bounded depth, never ``ast.unparse``."""
    if node is None or depth > 3:
        return None
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Subscript):
        inner = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        args = ", ".join(annotation(e, depth + 1) or "?" for e in inner)
        return f"{dotted(node.value)}[{args}]"
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return f"{annotation(node.left, depth + 1)} | {annotation(node.right, depth + 1)}"
    return dotted(node) or None


_CASTS = frozenset({"cast", "typing.cast"})


def value_of(node: Any, params: frozenset[str]) -> Value:
    if node is None:
        return "none"
    t = type(node)
    if t is ast.Name:
        name = node.id
        if name == "self":
            return "self"
        return f"param:{name}" if name in params else f"name:{name}"
    if t is ast.Constant:
        return "none" if node.value is None else "const"
    if t is ast.Call:
        func = dotted(node.func)
        if func in _CASTS and len(node.args) == 2:
            return value_of(node.args[1], params)  # `cast(T, x)` is `x`: a note for the type checker
        return f"call:{func}"
    if t is ast.Attribute:
        return f"attr:{dotted(node)}"
    if t is ast.Subscript:
        return f"sub:{dotted(node.value)}"
    if t in (ast.List, ast.ListComp):
        return "list"
    if t in (ast.Dict, ast.DictComp):
        return "dict"
    if t in (ast.Set, ast.SetComp):
        return "set"
    if t is ast.Tuple:
        return "tuple"
    if t is ast.Lambda:
        return "lambda"
    if t is ast.JoinedStr:
        return "fstring"
    return "other"
