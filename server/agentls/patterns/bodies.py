"""What a function's body amounts to: a stub, ``raise NotImplementedError``, a trivial or a
constant answer, or real code (with its statement count, the docstring left out); and which
of its statements belong to a function defined inside it."""

from __future__ import annotations

import ast
from typing import Any

from agentls.patterns.render import dotted

_RETURN_OR_DEF = (ast.Return, ast.FunctionDef, ast.AsyncFunctionDef)


def node_types(*roots: type) -> list[type]:
    """The ``ast`` classes ``roots`` and every class below them (subclasses of subclasses too)."""
    found: list[type] = []
    todo: list[type] = list(roots)
    while todo:
        t = todo.pop()
        found.append(t)
        todo.extend(t.__subclasses__())
    return found


# Per statement type (and ``except`` clause, ``case``), the fields holding statements: a
# `return` or a `def` is a statement, never inside an expression (a lambda holds neither).
_STMT_LISTS: dict[type, tuple[str, ...]] = {
    t: tuple(n for n in ("body", "orelse", "finalbody", "handlers", "cases") if n in t._fields)  # type: ignore[attr-defined]
    for t in node_types(ast.stmt, ast.excepthandler, ast.match_case)
}


def mark_nested(node: ast.FunctionDef | ast.AsyncFunctionDef, nested: dict[int, str]) -> None:
    """Every `return` and `def` inside ``node`` (itself included) is ``node``'s, unless an
    outer one already claimed it (``nested``: node id -> name): only statements are walked,
    not the expressions an ``ast.walk`` would visit too."""
    name = node.name
    stack: list[Any] = [node]
    while stack:
        n = stack.pop()
        t = type(n)
        if t in _RETURN_OR_DEF:
            nested.setdefault(id(n), name)
        for field in _STMT_LISTS.get(t, ()):
            stack.extend(getattr(n, field))


def body_kind(body: list[ast.stmt]) -> tuple[str, int]:
    stmts = list(body)
    if (
        stmts
        and isinstance(stmts[0], ast.Expr)
        and isinstance(stmts[0].value, ast.Constant)
        and isinstance(stmts[0].value.value, str)
    ):
        stmts = stmts[1:]
    if not stmts:
        return "stub", 0
    if len(stmts) == 1:
        s = stmts[0]
        if isinstance(s, ast.Pass) or (
            isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant) and s.value.value is ...
        ):
            return "stub", 1
        if isinstance(s, ast.Raise) and "NotImplementedError" in dotted(
            s.exc.func if isinstance(s.exc, ast.Call) else s.exc
        ):
            return "not_implemented", 1
        if isinstance(s, ast.Return) and (
            s.value is None
            or (isinstance(s.value, ast.Constant) and s.value.value in (None, "", b""))
            or (isinstance(s.value, ast.List | ast.Dict | ast.Tuple | ast.Set) and not _has_elts(s.value))
        ):
            return "trivial", 1
        if isinstance(s, ast.Return) and isinstance(s.value, ast.Constant):
            return "constant", 1  # `return "SmallInt"`, `return False`: an answer, not nothing
    return "real", len(stmts)


def _has_elts(node: ast.expr) -> bool:
    if isinstance(node, ast.Dict):
        return bool(node.keys)
    return bool(getattr(node, "elts", ()))
