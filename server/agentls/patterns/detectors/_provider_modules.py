"""Provider modules of a dependency-injection graph: classes whose methods each build one
dependency from the typed dependencies they receive (`@provider def repo(self, session:
Session) -> Repo`), or bind an abstraction to what implements it (`binder.bind(Port,
to=Impl)`), and do nothing else."""

from __future__ import annotations

from agentls.patterns.context import Ctx, Ev
from agentls.patterns.detectors._shared import is_test_file
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.handed import split_type_args
from agentls.patterns.workspace import ClassRef


def _tail(name: str | None) -> str:
    return (name or "").strip("'\"").rpartition(".")[2].partition("[")[0]


_SCALARS = frozenset({"int", "str", "float", "bool", "bytes", "dict", "list", "Dict", "List"})
_NOT_PROVIDED = frozenset({"list", "List", "tuple", "Tuple", "set", "Set", "Sequence", "Self", "bool", "None", "str"})
_GENERATORS = frozenset({"Iterator", "AsyncIterator", "Generator", "AsyncGenerator", "Iterable", "AsyncIterable"})


def _unannotated(ann: str) -> str:
    """`Annotated[str, Field(...)]` -> `str`."""
    return ann[len("Annotated[") :].partition(",")[0] if ann.startswith("Annotated[") else ann


def _provided(ann: str) -> str:
    """What a provider hands out, through the callables it may return instead: a provider of
    a factory (`-> Callable[[], Awaitable[Repo]]`, the factory building a `Repo` per call)
    provides `Repo`; inside such a factory a list (`Awaitable[list[Subscriber]]`, a
    multi-provider) provides its items. Anything else is what it declares."""
    wrapped = False
    while True:
        head, _, rest = ann.partition("[")
        tail = head.rpartition(".")[2]
        if not rest.endswith("]"):
            return ann
        args = [a.strip() for a in split_type_args(rest[:-1])]
        if tail == "Callable":
            ann, wrapped = args[-1], True
        elif tail in ("Awaitable", "Coroutine") or (wrapped and tail in ("list", "List", "Sequence")):
            ann = args[-1]
        else:
            return ann


def _provider(ctx: Ctx, ref: ClassRef, m: FunctionFacts) -> str:
    """'strong' when a registered method builds and returns an object of the type it declares
    from the typed dependencies it receives, 'weak' when it only declares and returns one."""
    if m.kind != "method" or not m.decorators or m.abstract or m.is_stub or not m.returns_annotation:
        return ""
    params = [p for p in m.params if p.name != "self"]
    # An injector supplies objects, not request values: `restaurant_id: int` marks a web
    # handler (`@http(...)`), not a provider.
    if any(p.annotation is None or _tail(_unannotated(p.annotation)) in _SCALARS for p in params):
        return ""
    # A provider hands out one object: not a list of nodes (a GraphQL resolver), not itself (a
    # settings validator returning `Self`), not a flag.
    provided = _provided(m.returns_annotation)
    if _tail(m.returns_annotation) in _NOT_PROVIDED or _tail(provided) in _NOT_PROVIDED or "self" in m.returns:
        return ""
    if m.yields and _tail(m.returns_annotation) in _GENERATORS:
        return "weak"  # a provider with a finaliser: yields the engine, then disposes of it
    if not m.returns:
        return ""
    ann = _tail(provided)
    declared = ctx.resolve(provided, ref.module)
    names = {p.name for p in params}
    for v in m.returns:
        if v.startswith("name:") and v[5:] not in names and declared is not None:
            # built into a local first (`bus = MemoryBus(); return bus`), or by the factory
            # function it returns: the object it makes is the provided type or implements it
            made = [r for _, r in ctx.instantiations(m, ref.module)]
            if any(r == declared or declared in ctx.ancestors(r) for r in made):
                return "strong"
        if not v.startswith("call:"):
            continue
        built = ctx.resolve(v[5:], ref.module)
        if _tail(v[5:]) == ann:
            return "strong"
        if built is not None and declared is not None and (built == declared or declared in ctx.ancestors(built)):
            return "strong"
        # built by a function of the program declared to make what it provides
        # (`return config_logger(__name__)`, `def config_logger(name) -> Logger`)
        helper = ctx.ws.function(ref.module, v[5:]) if built is None else None
        if helper is not None and helper[1].body_kind == "real" and _tail(helper[1].returns_annotation) == ann:
            return "strong"
    return "weak"


def _binder(ctx: Ctx, ref: ClassRef, m: FunctionFacts) -> bool:
    """Binds a type to what provides it on a binder it receives: `binder.bind(Port, to=Impl)`,
    the type one of the program's classes or an imported name spelled as a class."""
    params = {p.name for p in m.params if p.name not in ("self", "cls")}
    for c in m.calls:
        if c.receiver not in params or len(c.args) < 2 or not c.args[0].startswith(("name:", "sub:", "attr:")):
            continue
        typ = c.args[0].partition(":")[2]
        if ctx.resolve(typ, ref.module) is not None or (
            typ.partition(".")[0] in ref.module.import_map and _class_like(_tail(typ))
        ):
            return True
    return False


def _class_like(name: str) -> bool:
    """A name spelled as a class (`Session`, `IRepo`), not as a constant: an imported `DEBUG`
    handed to a received logger's call (`client.log(DEBUG, msg)`) binds no type."""
    return name[:1].isupper() and not name.isupper()


def module_evidence(ctx: Ctx, ref: ClassRef) -> list[Ev]:
    """A provider module: every method but dunders and private helpers provides a dependency
    or binds a type, with one strong provider or binder, or two or more weak ones sharing a
    registration decorator."""
    cls = ref.cls
    # In a test file (not merely a tests folder, whose helpers may wire doubles)
    if cls.name.startswith("Test") or is_test_file(ref.module):
        return []
    strong: list[FunctionFacts] = []
    weak: list[FunctionFacts] = []
    binders: list[FunctionFacts] = []
    for n, m in cls.methods.items():
        if n.startswith("__"):
            continue
        kind = _provider(ctx, ref, m)
        if kind == "strong":
            strong.append(m)
        elif kind == "weak":
            weak.append(m)
        elif _binder(ctx, ref, m):
            binders.append(m)
        elif not n.startswith("_"):
            return []  # a method doing something else: an ordinary class
    providers = strong + weak
    shared = set.intersection(*(set(m.decorators) for m in providers)) if providers else set()
    if not (strong or binders or (len(weak) >= 2 and shared)):
        return []
    ev: list[Ev] = []
    if providers:
        p = providers[0]
        ev.append((p.selection.line, f"`{p.name}` provides a `{_tail(p.returns_annotation)}` from its dependencies"))
    if binders:
        ev.append((binders[0].selection.line, f"`{binders[0].name}` binds types to their providers"))
    return ev
