"""Whether a class looks like a message, and which kind (command, query or event) a message
is: what its handler does (changes state, only answers) and what its names say."""

from __future__ import annotations

import builtins
import re

from agentls.patterns.context import Ctx
from agentls.patterns.detectors._basics import memo_class
from agentls.patterns.detectors._shared import is_data_holder, is_repository, is_uow
from agentls.patterns.facts import FunctionFacts, ModuleIndex
from agentls.patterns.workspace import ClassRef

# Dunders that give an object a job (a context manager, a callable, a proxy, a container):
# no data carrier defines them.
_JOB_DUNDERS = frozenset(
    {
        "__enter__",
        "__exit__",
        "__aenter__",
        "__aexit__",
        "__call__",
        "__getattr__",
        "__get__",
        "__set__",
        "__setitem__",
        "__delitem__",
        "__await__",
    }
)
# `queries` does not contain `query`: a read-side package (`app/core/queries/`) says query too.
_WORDS = (("command", "command"), ("query", "query"), ("event", "event"))
_PAST = re.compile(r"[a-z](ed|Created|Deleted|Changed|Added|Removed)$")


# The builtin exceptions by name (`KeyboardInterrupt`): a set, not `getattr(builtins, name)`,
# which raises and catches an AttributeError for every other name.
_BUILTIN_EXCEPTIONS = frozenset(
    n for n, v in vars(builtins).items() if isinstance(v, type) and issubclass(v, BaseException)
)


def is_exception(ctx: Ctx, ref: ClassRef) -> bool:
    """Whether the class's ancestry reaches an exception: a base, its own or a workspace
    ancestor's, named like one (`...Error`, `...Exception`, `...Warning`) or a builtin one
    (`KeyboardInterrupt`). Kept per class: the message roles ask it of every descendant of
    every class, twice (a third of the analysis over Django + SQLAlchemy, asked afresh)."""

    def compute() -> bool:
        for base in [*ref.cls.bases, *(b for a in ctx.ancestors(ref) for b in a.cls.bases)]:
            name = base.removeprefix("builtins.")
            if name.rpartition(".")[2].endswith(("Error", "Exception", "Warning")) or name in _BUILTIN_EXCEPTIONS:
                return True
        return False

    return memo_class(ctx, "is_exception", ref, compute)


def is_message_like(ctx: Ctx, ref: ClassRef) -> bool:
    """Data and little else: a data holder, or a dataclass whose methods only convert it.
    A small class defining its own equality or hash is a value (an id, an amount); an
    exception, however little it carries (`DomainError(message)`), is raised, never sent."""
    cls = ref.cls
    if is_exception(ctx, ref):
        return False
    if ("__eq__" in cls.methods or "__hash__" in cls.methods) and len(cls.instance_attrs() | set(cls.fields)) <= 2:
        return False
    if is_data_holder(cls):
        return True
    if not (cls.dataclass or cls.fields or "__init__" in cls.methods):
        # `class ListingWasCancelled(DomainEvent): ...`: a subclass adding nothing carries
        # what its base declares; a literal it answers (`event_name()`) or an alternative
        # constructor adds no behaviour
        return (
            all(m.kind in ("classmethod", "staticmethod") or m.body_kind == "constant" for m in cls.methods.values())
            and not cls.instance_attrs()
            and bool(cls.bases)
        )
    for n, m in cls.methods.items():
        if n in _JOB_DUNDERS:
            return False
        if n.startswith("__") or m.kind in ("property", "classmethod", "staticmethod") or m.body_kind == "constant":
            continue  # (a method answering a literal, `event_name()`, is data too)
        if _getter(m):
            continue  # a getter spelled as in Java (`def event_data(self): return self.__data`)
        if any(m.self_writes.values()) or not n.startswith(("to_", "as_", "from_", "name", "get_")):
            return False
    return True


def _getter(m: FunctionFacts) -> bool:
    """A method taking nothing whose one statement returns one of the object's own attributes."""
    return (
        not m.params
        and m.statements == 1
        and not m.calls
        and len(m.returns) == 1
        and m.returns[0].startswith("attr:self.")
        and "." not in m.returns[0][10:]
    )


# What storage is told to do with what it is handed: a call adding the message, converted or
# not, to storage handles it (`repo.add(command.to_order())`), it does not pass it on.
_STORES = ("commit", "add", "add_all", "save", "flush", "delete", "remove", "update")


def forwards_message(fn: FunctionFacts) -> bool:
    """The function hands the message it takes, as it is or converted by its own method
    (`payload.to_input()`), to a collaborator it was handed or got from one (`await
    interactor(request)`, `handler.handle(request)`, `use_case = container.register();
    use_case.execute(payload.to_input())`): an entrypoint passing the message on to its
    handler, not the handler itself."""
    if not fn.params:
        return False
    name = fn.params[0].name
    others = {p.name for p in fn.params[1:]}
    # a local bound to what a collaborator answers (`container.users.register_command()`)
    got = {k for k, v in fn.call_locals.items() if v.split(".")[0] in others}

    def passes(arg: str) -> bool:
        return arg == f"param:{name}" or (arg.startswith(f"call:{name}.") and arg.count(".") == 1)

    return any(
        any(passes(a) for a in c.args)
        and (c.func in others or c.receiver in others or (c.receiver in got and c.method not in _STORES))
        for c in fn.calls
    )


def uses_infra(ctx: Ctx, ref: ClassRef | None, fn: FunctionFacts, module: ModuleIndex) -> bool:
    refs = [r for p in fn.params for r in ctx.annotation_refs(p.annotation, module)]
    if ref is not None:
        refs += [t for c in ctx.collabs(ref).values() for t in c.types]
    # a block over what it is given or holds (`with uow:`, `with self.uow:`), not `with open(...)`
    given = {p.name for p in fn.params} | {"self"}
    blocks = any(w.split("(")[0].split(".")[0] in given for w in fn.with_items)
    return blocks or any(is_uow(ctx, r) or is_repository(ctx, r) for r in refs)


_READS = frozenset({"find", "search", "get", "query", "execute", "all", "list", "fetch", "count", "read"})


_COLLECTIONS = frozenset(
    {"list", "set", "dict", "frozenset", "deque", "defaultdict", "mutableset", "mutablesequence", "mutablemapping"}
)


def _own_collection(ctx: Ctx, ref: ClassRef | None, receiver: str) -> bool:
    """`self.seen` kept as a plain list, set or dict of the handler's own (made empty, or a
    field annotated so): adding to it is the object's bookkeeping, not storage."""
    attr = receiver[5:] if receiver[:5] == "self." else ""
    if ref is None or not attr.isidentifier():
        return False
    held = ctx.collabs(ref).get(attr)
    if held is not None and held.container:
        return True
    return (ref.cls.fields.get(attr) or "").split("[")[0].rpartition(".")[2].lower() in _COLLECTIONS


def handler_kind(ctx: Ctx, fn: FunctionFacts, module: ModuleIndex, ref: ClassRef | None = None) -> str:
    """command when the handler changes state, query when it only answers, "" when unsure."""
    changes = bool(fn.sql & {"insert", "update", "delete"}) or any(
        c.method in _STORES and not _own_collection(ctx, ref, c.receiver) for c in fn.calls
    )
    answers = any(v not in ("none", "const") for v in fn.returns)
    if changes or (uses_infra(ctx, ref, fn, module) and not answers):
        return "command"
    if answers and ("select" in fn.sql or _reads(fn, ref)):
        return "query"
    return ""


def _reads(fn: FunctionFacts, ref: ClassRef | None, depth: int = 2) -> bool:
    """Whether the handler reads, however spelled out (`find_by_email`, `list_users`,
    `get_current_user`), from something other than the message it is given: looking into the
    message itself (`request.headers.get(...)`) reads no storage, and a helper of its own
    (`self._get_route(request)`) reads only when that helper does."""
    message = fn.params[0].name if fn.params else ""
    for c in fn.calls:
        if c.method.lstrip("_").split("_")[0] not in _READS:
            continue
        if message and c.receiver.split(".")[0] == message:
            continue
        helper = ref.cls.methods.get(c.method) if ref is not None and c.receiver == "self" else None
        if helper is not None and helper is not fn:
            if depth > 0 and _reads(helper, ref, depth - 1):
                return True
            continue
        return True
    return False


def name_kind(ref: ClassRef, ctx: Ctx, modules: bool = True) -> str:
    """The kind the names suggest: the class, its bases, then (``modules``) its module."""
    texts = [ref.cls.name, *(a.cls.name for a in ctx.ancestors(ref)), *ref.cls.bases]
    if modules:
        texts.append(ref.module.module)
    for text in texts:
        low = text.lower()
        for word, kind in _WORDS:
            if word in low and not (word == "command" and "handler" in low):
                return kind
    return "event" if _PAST.search(ref.cls.name) else ""


def pick_kind(ref: ClassRef, ctx: Ctx, behaviour: str) -> str:
    """Names of the class and its bases first, then what the handler does, then the module."""
    return name_kind(ref, ctx, modules=False) or behaviour or name_kind(ref, ctx)
