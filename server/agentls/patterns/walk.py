"""Walk one function body (or a module's top-level code) and record its facts.

Every walk here is iterative (``ast.walk`` uses a queue): a recursive visitor overflows on a
500-term sum. Each function body is walked once and its nodes bucketed by type.
"""

from __future__ import annotations

import ast
import re
from typing import Any

from agentls.patterns.facts import (
    AttrStore,
    Call,
    ContainerOp,
    FunctionFacts,
    Loop,
    Param,
    Value,
)
from agentls.patterns.model import Range
from agentls.text import split_lines

# A statement, not a word: `"update"` or `"delete"` as a plain string is an option name.
_SQL = re.compile(
    r"\s*(?:(select)\b[\s\S]*?\bfrom\s|(insert)\s+into\s|(update)\s+[\w.\"`\[\]]+\s+set\s|(delete)\s+from\s)",
    re.IGNORECASE,
)
_CONTAINER_METHODS = frozenset(
    {"append", "add", "extend", "insert", "appendleft", "setdefault"} | {"pop", "popleft", "remove", "discard", "clear"}
)
_FuncNode = ast.FunctionDef | ast.AsyncFunctionDef


def dotted(node: ast.AST | None) -> str:
    """``a.b.c`` for attribute chains; ``f()`` for a call result; ``x[]`` for a subscript."""
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


class Positions:
    """ast columns are UTF-8 byte offsets; we report code points."""

    def __init__(self, source: str) -> None:
        # The fast path splits in C; `\r` needs the LSP-style splitter (ast counts it too).
        self.lines = source.split("\n") if "\r" not in source else split_lines(source)

    def col(self, line: int, byte_col: int) -> int:
        if 0 <= line < len(self.lines):
            text = self.lines[line]
            if not text.isascii():
                return len(text.encode("utf-8")[:byte_col].decode("utf-8", "replace"))
        return byte_col

    def node_range(self, node: ast.AST, start: ast.AST | None = None) -> Range:
        first = start or node
        line = getattr(first, "lineno", 1) - 1
        end_line = (getattr(node, "end_lineno", None) or line + 1) - 1
        return Range(
            line,
            self.col(line, getattr(first, "col_offset", 0)),
            end_line,
            self.col(end_line, getattr(node, "end_col_offset", None) or 0),
        )

    def name_range(self, node: ast.AST, name: str) -> Range:
        line = getattr(node, "lineno", 1) - 1
        text = self.lines[line] if 0 <= line < len(self.lines) else ""
        col = self.col(line, getattr(node, "col_offset", 0))
        start = text.find(name, col)
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
            start = text.find(name, start + 1)  # `class AB` when looking for `B`
        if start < 0:
            start = col
        return Range(line, start, line, start + len(name))


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
        return f"call:{dotted(node.func)}"
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


def _body_kind(body: list[ast.stmt]) -> tuple[str, int]:
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


_DECISIONS = (ast.If, ast.For, ast.AsyncFor, ast.While, ast.IfExp, ast.ExceptHandler, ast.Assert)


def function_facts(node: _FuncNode, qual: str, kind: str, pos: Positions) -> FunctionFacts:
    args = node.args
    every = [*args.posonlyargs, *args.args]
    first_is_receiver = kind in ("method", "classmethod", "property") and every
    if first_is_receiver:
        every = every[1:]
    n_defaults = len(args.defaults)
    params = [Param(a.arg, annotation(a.annotation), i >= len(every) - n_defaults) for i, a in enumerate(every)]
    params += [
        Param(a.arg, annotation(a.annotation), d is not None)
        for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True)
    ]
    if args.vararg:
        params.append(Param(args.vararg.arg, annotation(args.vararg.annotation), True))
    if args.kwarg:
        params.append(Param(args.kwarg.arg, annotation(args.kwarg.annotation), True))
    decorators = [dotted(d.func if isinstance(d, ast.Call) else d) for d in node.decorator_list]
    body_kind, statements = _body_kind(node.body)
    facts = FunctionFacts(
        name=node.name,
        qualname=qual,
        range=pos.node_range(node, node.decorator_list[0] if node.decorator_list else None),
        selection=pos.name_range(node, node.name),
        kind=kind,
        params=params,
        returns_annotation=annotation(node.returns),
        decorators=decorators,
        abstract=any(d.rpartition(".")[2] == "abstractmethod" for d in decorators),
        body_kind=body_kind,
        statements=statements,
    )
    names = frozenset(p.name for p in params)
    walk_body(node.body, facts, names, pos)
    return facts


_FIELDS: dict[type, tuple[str, ...]] = {}
# Fields that never hold nodes worth visiting: expression contexts, operators, plain strings.
_SKIP_FIELDS = frozenset({"ctx", "op", "ops", "type_comment", "kind", "names", "attr", "id", "arg", "name", "module"})


def _child_fields(t: type) -> tuple[str, ...]:
    keep = tuple(n for n in t._fields if n not in _SKIP_FIELDS)  # type: ignore[attr-defined]
    if t is ast.ImportFrom or t is ast.Import or t is ast.Constant:
        return ()
    return keep


def walk_body(body: list[ast.stmt], f: FunctionFacts, params: frozenset[str], pos: Positions) -> None:
    called: set[int] = set()  # Attribute nodes that are the callee of a Call
    loops, subs = f.loops, f.subscripts
    reads, foreign = f.self_reads, f.foreign_reads
    complexity = 1
    stack: list[Any] = list(body)
    pop, push, extend = stack.pop, stack.append, stack.extend
    fields = _FIELDS
    while stack:
        # Depth-first, parents before children (a Call is seen before its callee Attribute).
        node = pop()
        t = type(node)
        names = fields.get(t)
        if names is None:
            if not isinstance(node, ast.AST):
                continue  # None in Dict.keys, str in Global.names
            names = fields[t] = _child_fields(t)
        for name in names:
            child = getattr(node, name)
            if child.__class__ is list:
                extend(child)
            elif child is not None:
                push(child)
        if t is ast.Name:
            continue
        if t is ast.Attribute:
            value = node.value
            if type(value) is ast.Name and type(node.ctx) is ast.Load:
                if value.id == "self":
                    reads.add(node.attr)
                elif value.id != "cls" and id(node) not in called:
                    foreign.add(f"{value.id}.{node.attr}")
        elif t is ast.Call:
            _call(node, f, params, called)
        elif t is ast.Constant:
            v = node.value
            if type(v) is str and len(v) > 6:
                m = _SQL.match(v)
                if m:
                    f.sql.add(next(g for g in m.groups() if g).lower())
        elif t is ast.Assign or t is ast.AnnAssign or t is ast.AugAssign:
            targets = node.targets if t is ast.Assign else [node.target]
            _assign(targets, node.value, f, params)
        elif t is ast.Subscript:
            if type(node.ctx) is ast.Load:
                key = node.slice
                subs.append((dotted(node.value), value_of(key, params)))
                if (type(key) is ast.Call and dotted(key.func) == "type") or (
                    type(key) is ast.Attribute and key.attr == "__class__"
                ):
                    f.type_dispatch = True
        elif t is ast.Return:
            f.returns.append(value_of(node.value, params))
        elif t is ast.BoolOp:
            complexity += len(node.values) - 1
        elif t in _DECISIONS:
            complexity += 1
            if t is ast.For or t is ast.AsyncFor:
                target = node.target
                loops.append(
                    Loop(
                        dotted(node.iter),
                        target.id if type(target) is ast.Name else "",
                        node.lineno - 1,
                    )
                )
        elif t is ast.comprehension:
            complexity += 1 + len(node.ifs)
            target = node.target
            loops.append(
                Loop(
                    dotted(node.iter),
                    target.id if type(target) is ast.Name else "",
                    node.iter.lineno - 1,
                )
            )
        elif t is ast.Compare:
            _compare(node, f)
        elif t is ast.Yield or t is ast.YieldFrom:
            f.yields = True
        elif t is ast.Raise:
            exc = node.exc
            f.raises.append(dotted(exc.func if type(exc) is ast.Call else exc))
        elif t is ast.With or t is ast.AsyncWith:
            f.with_items.extend(dotted(i.context_expr) for i in node.items)
        elif t is ast.Global:
            f.globals.update(node.names)
        elif t is ast.match_case:
            complexity += 1
        elif t is ast.UnaryOp and type(node.op) is ast.Not:
            name = dotted(node.operand)
            if name:
                f.none_checks.add(name)
    f.complexity = complexity


def _call(node: ast.Call, f: FunctionFacts, params: frozenset[str], called: set[int]) -> None:
    func = node.func
    name = dotted(func)
    if not name:
        return
    line = node.lineno - 1
    args = [value_of(a, params) for a in node.args]
    args += [value_of(k.value, params) for k in node.keywords]
    f.calls.append(Call(name, line, tuple(args)))
    if type(func) is ast.Attribute:
        called.add(id(func))
        receiver, method = name.rpartition(".")[0], func.attr
        if receiver == "self":
            f.self_calls.add(method)
        if method in _CONTAINER_METHODS and receiver:
            container = receiver
            for suffix in (".setdefault()", ".get()"):
                if container.endswith(suffix):
                    container = container[: -len(suffix)] + "[]"
            arg = node.args[-1] if node.args else None
            f.container_ops.append(ContainerOp(container, method, value_of(arg, params), line))
    elif name == "getattr" and len(node.args) >= 2 and type(node.args[0]) is ast.Name and node.args[0].id == "self":
        # Dispatch on the *kind* of something: `"visit_" + type(node).__name__`,
        # `f"visit_{node.__visit_name__}"`. A bare name (`f"_memo_{key}"`) is a lookup by
        # attribute name, and `getattr(other, ...)` asks another object.
        prefix = node.args[1]
        if isinstance(prefix, ast.BinOp) and isinstance(prefix.left, ast.Constant):
            if _derived(prefix.right):
                f.dynamic_getattr.append(str(prefix.left.value).split("%")[0])
        elif isinstance(prefix, ast.JoinedStr) and len(prefix.values) >= 2:
            head, rest = prefix.values[0], prefix.values[1]
            if isinstance(head, ast.Constant) and isinstance(rest, ast.FormattedValue) and _derived(rest.value):
                f.dynamic_getattr.append(str(head.value))


def _derived(node: ast.expr) -> bool:
    """An attribute or call result (`node.kind`, `type(x).__name__`, `x.name.lower()`)."""
    if isinstance(node, ast.Tuple):
        return any(_derived(e) for e in node.elts)
    return isinstance(node, ast.Attribute | ast.Call)


def _assign(targets: list[ast.expr], value: ast.expr | None, f: FunctionFacts, params: frozenset[str]) -> None:
    rendered = value_of(value, params) if value is not None else "none"
    stack: list[Any] = list(targets)
    while stack:
        target = stack.pop()
        t = type(target)
        if t is ast.Tuple or t is ast.List:
            stack.extend(target.elts)
        elif t is ast.Attribute:
            receiver = dotted(target.value)
            attr = target.attr
            if receiver == "self":
                f.self_writes.setdefault(attr, []).append(rendered)
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


def _compare(node: ast.Compare, f: FunctionFacts) -> None:
    left = dotted(node.left)
    for op, right in zip(node.ops, node.comparators, strict=True):
        if isinstance(op, ast.Is | ast.IsNot) and isinstance(right, ast.Constant) and right.value is None:
            if left:
                f.none_checks.add(left)
        elif isinstance(op, ast.In | ast.NotIn):
            container = dotted(right)
            if container:
                f.in_checks.add(container)
