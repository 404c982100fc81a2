"""What an assignment in a function body records: the locals it binds (``call_locals``,
``getter_locals``), the attributes of ``self`` it writes and what they may keep, stores to
other objects' attributes and keyed stores into containers (``walk`` calls it per
assignment).
"""

from __future__ import annotations

import ast
from typing import Any

from agentls.patterns.facts import AttrStore, ContainerOp, FunctionFacts, Value
from agentls.patterns.render import dotted, value_of


def _picks(value: ast.expr | None, attr: str, params: frozenset[str]) -> list[Value]:
    """`self._route = Fast() if hurry else Slow()`: the attribute may keep what either branch
    makes, chosen by a condition on other data, so each branch is kept as a `pick:` value (a
    choice made once, no replacement of the object kept: the context of a strategy, not a
    state machine). A test reading the attribute itself (`B() if self._state is a else A()`)
    picks the next state from the current one: the expression stays one value, as before."""
    if type(value) is not ast.IfExp or any(
        type(n) is ast.Attribute and n.attr == attr and type(n.value) is ast.Name and n.value.id == "self"
        for n in ast.walk(value.test)
    ):
        return []
    out = [
        v for branch in (value.body, value.orelse) for v in _picks(branch, attr, params) or [value_of(branch, params)]
    ]
    # Only a conditional making an object in one branch at least chooses an implementation.
    if not any(v.startswith(("call:", "pick:call:")) for v in out):
        return []
    return [v if v.startswith("pick:") else f"pick:{v}" for v in out]


def record_assign(targets: list[ast.expr], value: ast.expr | None, f: FunctionFacts, params: frozenset[str]) -> None:
    rendered = value_of(value, params) if value is not None else "none"
    stack: list[Any] = list(targets)
    while stack:
        target = stack.pop()
        t = type(target)
        if t is ast.Tuple or t is ast.List:
            stack.extend(target.elts)
        elif t is ast.Name:
            # `factory = NYFactory()`: the local names what that call made, unless it is bound
            # to anything else too (kept as "" until the body is walked, in whatever order).
            callee = dotted(value.func) if type(value) is ast.Call else ""
            if f.call_locals.setdefault(target.id, callee) != callee:
                f.call_locals[target.id] = ""
            # `real = self._get_real()`: what the local's methods are called on is what that
            # method of the class answers (a lazy getter's attribute); `ls = self.strategy`:
            # what they are called on is that attribute. A local bound again to anything else
            # (`node = node.next`) stands for no one thing ("").
            alias = None
            if (
                type(value) is ast.Call
                and type(value.func) is ast.Attribute
                and type(value.func.value) is ast.Name
                and value.func.value.id == "self"
                and not value.args
                and not value.keywords
            ):
                alias = value.func.attr
            elif type(value) is ast.Attribute and type(value.value) is ast.Name and value.value.id == "self":
                alias = f"self.{value.attr}"
            if alias is None or f.getter_locals.get(target.id, alias) != alias:
                f.getter_locals[target.id] = ""  # dropped once the body is walked
            else:
                f.getter_locals[target.id] = alias
        elif t is ast.Attribute:
            receiver = dotted(target.value)
            attr = target.attr
            if receiver == "self":
                f.self_writes.setdefault(attr, []).extend(_picks(value, attr, params) or [rendered])
            elif attr == "__dict__":
                f.dict_writes.add(f"{receiver}.__dict__")
            elif receiver:
                f.attr_stores.append(AttrStore(receiver, attr, rendered, target.lineno - 1))
            if attr == "__dict__" and receiver == "self":
                f.dict_writes.add("self.__dict__")
        elif t is ast.Subscript:
            f.container_ops.append(
                ContainerOp(
                    dotted(target.value),
                    "setitem",
                    rendered,
                    target.lineno - 1,
                    value_of(target.slice, params),
                )
            )
