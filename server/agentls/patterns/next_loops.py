"""Loops written with ``iter()`` / ``next()`` and a ``while``, as code ported from Java does.

``for duck in self.ducks: duck.quack()`` is a loop over ``self.ducks``. Ports of Java's
``Iterator`` write the same loop by hand::

    iterator = iter(self.ducks)
    duck = next(iterator, None)
    while duck != None:
        duck.quack()
        duck = next(iterator, None)

The detectors that ask "does this method call the same method on every element of a
container it keeps" (a composite forwarding to its children, a subject notifying its
observers) read ``FunctionFacts.loops``; this module recovers the loop the ``while`` writes,
so both spellings give the same ``Loop``. Only run on a body that calls ``next`` (rare), so
the second walk costs nothing elsewhere.
"""

from __future__ import annotations

import ast
from typing import Any

from agentls.patterns.facts import Loop
from agentls.patterns.render import dotted


def _bound(node: ast.stmt) -> tuple[str, ast.expr] | None:
    """`name = value` or `name: T = value`, one plain name bound."""
    if type(node) is ast.Assign and len(node.targets) == 1 and type(node.targets[0]) is ast.Name:
        return node.targets[0].id, node.value
    if type(node) is ast.AnnAssign and type(node.target) is ast.Name and node.value is not None:
        return node.target.id, node.value
    return None


def _builtin_call(value: ast.expr, name: str) -> ast.Call | None:
    if type(value) is ast.Call and type(value.func) is ast.Name and value.func.id == name and value.args:
        return value
    return None


def next_loops(body: list[ast.stmt]) -> list[Loop]:
    """The loops of one function body written as `it = iter(xs)`, `x = next(it, ...)` and a
    `while` testing `x`: one `Loop(xs, x)` each, at the first `next`. Nested functions and
    classes are their own bodies and are not looked into."""
    iterables: dict[str, str] = {}  # local -> the dotted iterable it was made from
    nexts: list[tuple[str, str, int]] = []  # (element local, iterator local, line)
    tested: set[str] = set()  # names a `while` test reads
    stack: list[Any] = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
            continue
        bound = _bound(node) if isinstance(node, ast.stmt) else None
        if bound is not None:
            name, value = bound
            made = _builtin_call(value, "iter")
            stepped = _builtin_call(value, "next")
            if made is not None and dotted(made.args[0]):
                iterables[name] = dotted(made.args[0])
            elif stepped is not None and type(stepped.args[0]) is ast.Name:
                nexts.append((name, stepped.args[0].id, node.lineno - 1))
        if type(node) is ast.While:
            tested.update(n.id for n in ast.walk(node.test) if type(n) is ast.Name)
        stack.extend(ast.iter_child_nodes(node))
    out: dict[tuple[str, str], Loop] = {}
    for element, iterator, line in sorted(nexts, key=lambda n: n[2]):
        if iterator in iterables and element in tested:
            out.setdefault((iterables[iterator], element), Loop(iterables[iterator], element, line))
    return list(out.values())
