"""Walk one function body (or a module's top-level code) and record its facts.

Every walk here is iterative (``ast.walk`` uses a queue): a recursive visitor overflows on a
500-term sum. Each function body is walked once and its nodes bucketed by type.
"""

from __future__ import annotations

import ast
import re
from typing import Any

from agentls.patterns import bodies
from agentls.patterns.assigns import record_assign
from agentls.patterns.columns import AstColumns
from agentls.patterns.facts import (
    Call,
    ContainerOp,
    FunctionFacts,
    Loop,
    Value,
    make_call,
    make_param,
    new_function_facts,
)
from agentls.patterns.next_loops import next_loops
from agentls.patterns.render import annotation, dotted, value_of

# A statement, not a word: `"update"` or `"delete"` as a plain string is an option name.
_SQL = re.compile(
    r"\s*(?:(select)\b[\s\S]*?\bfrom\s|(insert)\s+into\s|(update)\s+[\w.\"`\[\]]+\s+set\s|(delete)\s+from\s)",
    re.IGNORECASE,
)
_CONTAINER_METHODS = frozenset(
    {"append", "add", "extend", "insert", "appendleft", "setdefault"} | {"pop", "popleft", "remove", "discard", "clear"}
)
_FuncNode = ast.FunctionDef | ast.AsyncFunctionDef


def _returned(node: Any, params: frozenset[str]) -> list[Value]:
    """What a `return` may answer: both branches of a conditional expression
    (`return Circle() if kind == "circle" else Square()` returns one of two classes, as an
    `if` with two `return`s would), one value otherwise."""
    if type(node) is ast.IfExp:
        return _returned(node.body, params) + _returned(node.orelse, params)
    return [value_of(node, params)]


def function_facts(node: _FuncNode, qual: str, kind: str, pos: AstColumns) -> FunctionFacts:
    args = node.args
    every = [*args.posonlyargs, *args.args]
    first_is_receiver = kind in ("method", "classmethod", "property") and every
    if first_is_receiver:
        every = every[1:]
    n_defaults = len(args.defaults)
    params = [make_param(a.arg, annotation(a.annotation), i >= len(every) - n_defaults) for i, a in enumerate(every)]
    params += [
        make_param(a.arg, annotation(a.annotation), d is not None)
        for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True)
    ]
    if args.vararg:
        params.append(make_param(args.vararg.arg, annotation(args.vararg.annotation), True))
    if args.kwarg:
        params.append(make_param(args.kwarg.arg, annotation(args.kwarg.annotation), True))
    decorators = [dotted(d.func if isinstance(d, ast.Call) else d) for d in node.decorator_list]
    body_kind, statements = bodies.body_kind(node.body)
    facts = new_function_facts(
        node.name,
        qual,
        pos.node_range(node, node.decorator_list[0] if node.decorator_list else None),
        pos.name_range(node, node.name),
        kind,
        params,
        annotation(node.returns),
        decorators,
        any(d.rpartition(".")[2] == "abstractmethod" for d in decorators),
        body_kind,
        statements,
    )
    names = frozenset(p.name for p in params)
    walk_body(node.body, facts, names, pos)
    if facts.getter_locals:  # locals bound to anything else, in whatever order, name nothing
        facts.getter_locals = {k: v for k, v in facts.getter_locals.items() if v}
    if facts.call_locals:
        facts.call_locals = {k: v for k, v in facts.call_locals.items() if v}
    return facts


# Fields that never hold nodes worth visiting: expression contexts, operators, plain strings.
_SKIP_FIELDS = frozenset({"ctx", "op", "ops", "type_comment", "kind", "names", "attr", "id", "arg", "name", "module"})

# What the walker does with a node type, besides visiting its children (codes below).
_NOTHING, _ASSIGN, _SUBSCRIPT, _RETURN, _BOOLOP, _DECISION, _FOR, _COMPREHENSION = range(8)
_COMPARE, _YIELD, _RAISE, _WITH, _GLOBAL, _MATCH_CASE, _UNARY, _NESTED = range(8, 16)
_CODES: dict[type, int] = {
    ast.FunctionDef: _NESTED,
    ast.AsyncFunctionDef: _NESTED,
    ast.Assign: _ASSIGN,
    ast.AnnAssign: _ASSIGN,
    ast.AugAssign: _ASSIGN,
    ast.Subscript: _SUBSCRIPT,
    ast.Return: _RETURN,
    ast.BoolOp: _BOOLOP,
    ast.If: _DECISION,
    ast.While: _DECISION,
    ast.IfExp: _DECISION,
    ast.ExceptHandler: _DECISION,
    ast.Assert: _DECISION,
    ast.For: _FOR,
    ast.AsyncFor: _FOR,
    ast.comprehension: _COMPREHENSION,
    ast.Compare: _COMPARE,
    ast.Yield: _YIELD,
    ast.YieldFrom: _YIELD,
    ast.Raise: _RAISE,
    ast.With: _WITH,
    ast.AsyncWith: _WITH,
    ast.Global: _GLOBAL,
    ast.match_case: _MATCH_CASE,
    ast.UnaryOp: _UNARY,
}


def _child_fields(t: type) -> tuple[str, ...]:
    if t is ast.ImportFrom or t is ast.Import or t is ast.Constant:
        return ()
    return tuple(n for n in t._fields if n not in _SKIP_FIELDS)  # type: ignore[attr-defined]


def _plan(t: type) -> tuple[tuple[str, ...], int]:
    return _child_fields(t), _CODES.get(t, _NOTHING)


# Per node type: the fields holding children, and what to do with the node (a code above).
# Every node class of this Python's ``ast``, worked out once at import; never written after.
_PLAN: dict[type, tuple[tuple[str, ...], int]] = {t: _plan(t) for t in bodies.node_types(ast.AST)}


def walk_body(body: list[ast.stmt], f: FunctionFacts, params: frozenset[str], pos: AstColumns) -> None:
    """Depth-first, parents before children, each child list pushed in order (so popped last
    first): the order facts are appended in is part of the result."""
    loops, subs = f.loops, f.subscripts
    reads, foreign = f.self_reads, f.foreign_reads
    complexity = 1
    type_locals: set[str] = set()  # rendered locals bound to a value's type
    nested: dict[int, str] = {}  # a `return` (or def) in a function defined inside -> that function
    inside: list[tuple[int, str]] = []  # (place in f.returns, function defined inside)
    stack: list[Any] = list(body)
    pop, push, extend = stack.pop, stack.append, stack.extend
    plans = _PLAN
    Name, Attribute, Call, Constant, Load = ast.Name, ast.Attribute, ast.Call, ast.Constant, ast.Load
    sql_match = _SQL.match
    while stack:
        node = pop()
        t = type(node)
        if t is Name:
            continue
        # A Name records nothing when popped: one met as a child here is never pushed.
        if t is Attribute:
            value = node.value
            if type(value) is not Name:
                push(value)
            elif type(node.ctx) is Load:
                if value.id == "self":
                    reads.add(node.attr)
                elif value.id != "cls":
                    foreign.add(f"{value.id}.{node.attr}")
            continue
        if t is Call:
            func = node.func
            if type(func) is Attribute:
                # The callee is no foreign read (`other.method()`); `self.method` is a read.
                value = func.value
                if type(value) is not Name:
                    push(value)
                elif value.id == "self":
                    reads.add(func.attr)
            elif type(func) is not Name:
                push(func)
            extend(node.args)
            extend(node.keywords)
            _call(node, f, params)
            continue
        if t is Constant:
            v = node.value
            if type(v) is str and len(v) > 6:
                m = sql_match(v)
                if m:
                    f.sql.add(next(g for g in m.groups() if g).lower())
            continue
        plan = plans.get(t)
        if plan is None:
            if not isinstance(node, ast.AST):
                continue  # None in Dict.keys, str in Global.names
            plan = _plan(t)
        names, code = plan
        for name in names:
            child = getattr(node, name)
            if child.__class__ is list:
                extend(child)
            elif child is not None:
                push(child)
        if code == _NOTHING:
            continue
        if code == _ASSIGN:
            record_assign(node.targets if t is ast.Assign else [node.target], node.value, f, params)
            if t is ast.AugAssign:
                _augmented(node, f, params)
            if t is ast.Assign and _type_of(node.value):
                type_locals.update(f"name:{n.id}" for n in node.targets if type(n) is Name)
        elif code == _SUBSCRIPT:
            if type(node.ctx) is Load:
                key = node.slice
                subs.append((dotted(node.value), value_of(key, params)))
                if _type_of(key):
                    f.type_dispatch = True
        elif code == _RETURN:
            values = _returned(node.value, params)
            owner = nested.get(id(node))
            if owner is not None:
                inside.extend((len(f.returns) + i, owner) for i in range(len(values)))
            f.returns.extend(values)
        elif code == _DECISION:
            complexity += 1
        elif code == _COMPARE:
            _compare(node, f)
        elif code == _BOOLOP:
            complexity += len(node.values) - 1
        elif code == _FOR:
            complexity += 1
            target = node.target
            loops.append(Loop(dotted(node.iter), target.id if type(target) is Name else "", node.lineno - 1))
        elif code == _COMPREHENSION:
            complexity += 1 + len(node.ifs)
            target = node.target
            loops.append(Loop(dotted(node.iter), target.id if type(target) is Name else "", node.iter.lineno - 1))
        elif code == _RAISE:
            exc = node.exc
            f.raises.append(dotted(exc.func if type(exc) is Call else exc))
        elif code == _UNARY:
            if type(node.op) is ast.Not:
                name = dotted(node.operand)
                if name:
                    f.none_checks.add(name)
        elif code == _YIELD:
            f.yields = True
        elif code == _WITH:
            f.with_items.extend(dotted(i.context_expr) for i in node.items)
        elif code == _GLOBAL:
            f.globals.update(node.names)
        elif code == _MATCH_CASE:
            complexity += 1
        elif code == _NESTED and id(node) not in nested:
            # One walk per outermost function defined inside: the ones nested in it are
            # marked here too, their returns already being that outermost function's.
            bodies.mark_nested(node, nested)
    f.complexity = complexity
    if inside:
        # A function defined inside that this one does not hand back (a route handler an app
        # factory registers) answers its own callers: its answers are none of this function's.
        # (A closure it returns, `return get_instance`, still speaks for it, as a decorator's.)
        drop = {i for i, owner in inside if f"name:{owner}" not in f.returns}
        f.returns[:] = [v for i, v in enumerate(f.returns) if i not in drop]
    # `x = next(it, None)` ... `while x != None:` is a `for` loop spelled as in Java.
    if any(c.func == "next" for c in f.calls):
        loops.extend(next_loops(body))
    # `kind = type(event)` then `self._handlers[kind]` / `self._handlers.get(kind)`: the same
    # lookup by the message's type as `self._handlers[type(event)]`, through a local, in a
    # table of the object's own (a module table of library types keyed so, `_BRACES[kind]`,
    # picks a formatter). The walk is not in source order: the keys are matched once it is over.
    if type_locals and not f.type_dispatch:
        f.type_dispatch = any(c.startswith("self.") and k in type_locals for c, k in subs) or any(
            c.method == "get" and c.receiver.startswith("self.") and c.args[:1] and c.args[0] in type_locals
            for c in f.calls
        )


def _type_of(node: ast.expr | None) -> bool:
    """`type(x)` or `x.__class__`: a value's class, the key a dispatch by type looks up; or its
    name (`type(x).__name__`, `x.__class__.__name__`), the same key spelled as a string."""
    t = type(node)
    if t is ast.Attribute and node.attr == "__name__":  # type: ignore[union-attr]
        node = node.value  # type: ignore[union-attr]
        t = type(node)
    return (t is ast.Call and dotted(node.func) == "type") or (  # type: ignore[union-attr]
        t is ast.Attribute and node.attr == "__class__"  # type: ignore[union-attr]
    )


def call_record(node: ast.Call, params: frozenset[str]) -> Call | None:
    """One call as recorded (``FunctionFacts.calls``, ``ClassFacts.body_calls``): the dotted
    callee, the values of its positional then keyword arguments; None for a callee of no
    dotted name (`f()()`, `xs[0]()`)."""
    name = dotted(node.func)
    if not name:
        return None
    args = [value_of(a, params) for a in node.args]
    args += [value_of(k.value, params) for k in node.keywords]
    receiver, _, tail = name.rpartition(".")
    return make_call(name, node.lineno - 1, tuple(args), receiver, tail)


# `items |= {x}` / `items += [x]` / `items -= {x}`: the container operation they spell.
_AUGMENTED: dict[tuple[type, type], str] = {
    (ast.BitOr, ast.Set): "add",
    (ast.Add, ast.List): "append",
    (ast.Add, ast.Tuple): "append",
    (ast.Sub, ast.Set): "discard",
}


def _augmented(node: ast.AugAssign, f: FunctionFacts, params: frozenset[str]) -> None:
    """A one-element display joined to (or taken from) a container in place (`self._observers
    |= {observer}`, `self.items += [item]`) adds (or removes) that element, as `add()` or
    `append()` would: recorded as that container operation."""
    value = node.value
    op = _AUGMENTED.get((type(node.op), type(value)))
    if op is None or not isinstance(value, ast.Set | ast.List | ast.Tuple) or len(value.elts) != 1:
        return
    container = dotted(node.target)
    if container:
        f.container_ops.append(ContainerOp(container, op, value_of(value.elts[0], params), node.lineno - 1))


def _call(node: ast.Call, f: FunctionFacts, params: frozenset[str]) -> None:
    call = call_record(node, params)
    if call is None:
        return
    f.calls.append(call)
    func, name, line, receiver = node.func, call.func, call.line, call.receiver
    if type(func) is ast.Attribute:
        method = func.attr
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


def _compare(node: ast.Compare, f: FunctionFacts) -> None:
    left = dotted(node.left)
    for op, right in zip(node.ops, node.comparators, strict=True):
        # `x == None` (as code ported from Java writes it) tests the same as `x is None`.
        if (
            isinstance(op, ast.Is | ast.IsNot | ast.Eq | ast.NotEq)
            and isinstance(right, ast.Constant)
            and right.value is None
        ):
            if left:
                f.none_checks.add(left)
        elif isinstance(op, ast.In | ast.NotIn):
            container = dotted(right)
            if container:
                f.in_checks.add(container)
