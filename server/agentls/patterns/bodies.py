"""What a function's body amounts to: a stub, ``raise NotImplementedError``, a trivial or a
constant answer, or real code (with its statement count, the docstring left out)."""

from __future__ import annotations

import ast

from agentls.patterns.render import dotted


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
