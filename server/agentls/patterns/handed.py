"""Where the program hands an object of one of its classes to a place declared as a Protocol.

A class satisfying a Protocol by shape often lives in a module that never names it (an adapter
in `infrastructure/` for a port of the domain): the link is made where the program hands one
to the other. A type checker holds the object to the Protocol there, so those sites are
evidence that the class implements it, whatever module it sits in:

- a function declared to return the Protocol returns it (`def provide_repo() -> UserRepo:
  return SqlUserRepo(session)`, also through `Optional`, `Awaitable`, `Callable[..., P]`);
- a call hands it to a parameter declared as the Protocol: a constructor's `__init__` (or a
  dataclass's field), a module function, a method of the caller's own class
  (`UserService(repo=SqlUserRepo(session))`, `repo = SqlUserRepo(s); UserService(repo)`);
- it is assigned to an attribute a class declares as the Protocol (`repo: UserRepo` in the
  class body, then `self.repo = SqlUserRepo()` or `service.repo = SqlUserRepo()`);
- a dependency-injection container's class body provides it as the Protocol (`repo =
  provide(SqlUserRepo, provides=UserRepo)`, `repo: Provider[UserRepo] = Factory(SqlUserRepo)`).

Which argument goes to which parameter is not worked out: an object counts when it defines
every method of the Protocol, and the caller (``structural.implementations``) still checks
each method is callable as the Protocol declares it. The scan is one pass over the call sites,
each looked up by its callee's simple name among the few functions with a parameter naming a
Protocol: no search of every class against every call.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING

from agentls.patterns.facts import BodyCall, ClassFacts, FunctionFacts, ModuleIndex
from agentls.patterns.protocol_places import constructor_annotations, protocol_fields, protocol_takers

if TYPE_CHECKING:
    from agentls.patterns.workspace import ClassRef, WorkspaceIndex

Handed = dict[str, dict[str, "ClassRef"]]  # Protocol key -> class key -> class

_WORD = re.compile(r"[A-Za-z_][\w.]*")
# Wrappers through which a declared return still hands out the Protocol itself: the index of
# the type argument that is the object handed out (-1: the last one).
_WRAPPERS = {
    "Optional": 0,
    "Awaitable": -1,
    "Coroutine": -1,
    "Callable": -1,
    "Iterator": 0,
    "AsyncIterator": 0,
    "Generator": 0,
    "AsyncGenerator": 0,
    "ContextManager": 0,
    "AsyncContextManager": 0,
}
# Collections of the Protocol a function may return, made in a display (`return [A(), B()]`).
_COLLECTIONS = frozenset({"list", "List", "Sequence", "Iterable", "Collection", "tuple", "Tuple", "set", "Set"})
_DISPLAYS = frozenset({"list", "tuple", "set"})


def handed_as(ws: WorkspaceIndex, modules: list[ModuleIndex], protocols: list[ClassRef]) -> Handed:
    """Protocol key -> the classes the program hands where it declares that Protocol."""
    out: Handed = {}
    if not protocols:
        return out
    names = {p.cls.name for p in protocols}
    keys = {p.key for p in protocols}
    takers = protocol_takers(modules, names)
    fields = protocol_fields(modules, names)
    provided: dict[str, list[ClassRef]] | None = None  # made on the first class-body call
    for m in modules:
        for fn in m.units():
            site = _Site(ws, m, fn, keys, out)
            for c in fn.calls:
                if c.method in takers:
                    site.call(c.func, c.method, c.args, takers[c.method])
            for store in fn.attr_stores if fields else ():
                for where, ann in fields.get(store.attr, ()):
                    site.hand(store.value, ann, where)
            declared = fn.returns_annotation
            if declared and any(w.rpartition(".")[2] in names for w in _WORD.findall(declared)):
                site.returns(declared)
        for cls in m.classes.values():
            for b in cls.body_calls:
                _provided_as(ws, m, cls, b, keys, out)
                if provided is None:
                    provided = _providers(ws, modules)
                _provider_arguments(ws, m, cls, b, provided, keys, out)
            # `repo: UserRepo` in a class body, then `self.repo = SqlUserRepo()` in a method
            for attr, declared in cls.fields.items():
                if declared and declared.rpartition(".")[2] in names:
                    for f in cls.methods.values():
                        for v in f.self_writes.get(attr, ()):
                            _Site(ws, m, f, keys, out).hand(v, declared, m)
    return out


def _provided_as(ws: WorkspaceIndex, m: ModuleIndex, cls: ClassFacts, b: BodyCall, keys: set[str], out: Handed) -> None:
    """A provider declared in a class body: the class it builds (its first positional
    argument, or dishka's `source=`) handed as what it `provides=`, or as the Protocol the
    declaration is annotated with (`repo: Provider[UserRepo] = Factory(SqlUserRepo)`)."""
    r = _source(ws, m, b)
    if r is None:
        return
    provides = b.keyword("provides")
    declared = [provides.partition(":")[2]] if provides and provides.startswith(("name:", "attr:")) else []
    ann = cls.fields.get(b.target) if b.target else None
    if not declared and ann:
        declared = _WORD.findall(ann)
    for name in declared:
        p = ws.resolve(m, name)
        if p is not None and p.key in keys and r != p and _has_all(r.cls, p.cls):
            out.setdefault(p.key, {})[r.key] = r


def _source(ws: WorkspaceIndex, m: ModuleIndex, b: BodyCall) -> ClassRef | None:
    """The workspace class a provider call builds: its first positional argument, or `source=`."""
    args = b.call.args
    positional = args[: len(args) - len(b.keywords)]
    source = positional[0] if positional else b.keyword("source")
    if source is None or not source.startswith(("name:", "attr:")):
        return None
    return ws.resolve(m, source.partition(":")[2])


def _providers(ws: WorkspaceIndex, modules: list[ModuleIndex]) -> dict[str, list[ClassRef]]:
    """Provider attribute name -> the classes the containers' providers of that name build
    (`password_hasher = providers.Factory(BcryptHasher)`): the outermost call of each
    declaration, the one the name is bound to."""
    out: dict[str, list[ClassRef]] = {}
    for m in modules:
        for cls in m.classes.values():
            seen: set[str] = set()
            for b in cls.body_calls:
                if not b.target or b.target in seen:
                    continue
                seen.add(b.target)
                r = _source(ws, m, b)
                if r is not None and r not in out.setdefault(b.target, []):
                    out[b.target].append(r)
    return out


def _provider_arguments(
    ws: WorkspaceIndex,
    m: ModuleIndex,
    cls: ClassFacts,
    b: BodyCall,
    provided: dict[str, list[ClassRef]],
    keys: set[str],
    out: Handed,
) -> None:
    """`Factory(RegisterUser, adapters.uow, adapters.password_hasher)`: the container builds
    the class from other providers, so what each of those builds is handed to the class's
    constructor (to a parameter declared as a Protocol) as a call would hand it. A provider
    named in the same container, or the one class every container's provider of that
    name builds."""
    built = _source(ws, m, b)
    if built is None:
        return
    anns = [a for a in constructor_annotations(built.cls) if a]
    if not anns:
        return
    args = b.call.args
    given = args[1:] if len(args) > len(b.keywords) else args  # past the class built
    for a in given:
        kind, _, name = a.partition(":")
        if kind == "name":  # a sibling provider of the same container
            own = next((x for x in cls.body_calls if x.target == name), None)
            makers = [r] if own is not None and (r := _source(ws, m, own)) is not None else []
        elif kind == "attr":  # another container's (`adapters.password_hasher`)
            makers = provided.get(name.rpartition(".")[2], [])
        else:
            continue
        if len(makers) != 1:
            continue
        r = makers[0]
        for ann in anns:
            p = ws.resolve(built.module, ann.strip("'\" "))
            if p is not None and p.key in keys and r != p and _has_all(r.cls, p.cls):
                out.setdefault(p.key, {})[r.key] = r


class _Site:
    """One function's call sites, returns and stores (``fn`` in ``module``)."""

    def __init__(self, ws: WorkspaceIndex, module: ModuleIndex, fn: FunctionFacts, keys: set[str], out: Handed):
        self.ws, self.module, self.fn, self.keys, self.out = ws, module, fn, keys, out

    @cached_property
    def built(self) -> list[ClassRef]:
        """The classes of the workspace the function makes (`SqlRepo(s)`), in call order: read
        once per function, not once per argument handed."""
        return [r for c in self.fn.calls if c.func[:1].isupper() and (r := self.ws.resolve(self.module, c.func))]

    def protocol(self, where: ModuleIndex, ann: str) -> ClassRef | None:
        p = self.ws.resolve(where, ann.strip("'\" "))
        return p if p is not None and p.key in self.keys else None

    def made(self, value: str) -> list[ClassRef]:
        """The classes of the workspace an argument or a returned value is an object of: one
        made there (`call:SqlRepo`), a module variable made at the top (`REPO = SqlRepo()`), or
        a local the function (or the main block) fills (`repo = SqlRepo(s); Service(repo)`:
        the index keeps no locals, so every class it makes, left to the shape test)."""
        kind, _, name = value.partition(":")
        if kind == "call":
            r = self.ws.resolve(self.module, name)
            return [r] if r is not None else []
        if kind != "name":
            return []
        built = self.built
        if self.fn is not self.module.toplevel and built:
            return built
        top = self.module.assigns.get(name, "")
        if top.startswith("call:"):
            return self.made(top)
        # a variable of the `if __name__ == "__main__":` block, which `assigns` does not keep
        return built if self.fn is self.module.toplevel else []

    def hand(self, value: str, ann: str | ClassRef, where: ModuleIndex | None = None) -> None:
        p = ann if not isinstance(ann, str) else self.protocol(where or self.module, ann)
        if p is None:
            return
        for r in self.made(value):
            if r != p and _has_all(r.cls, p.cls):
                self.out.setdefault(p.key, {})[r.key] = r

    def call(self, func: str, method: str, args: tuple[str, ...], takers: list[tuple[ModuleIndex, str]]) -> None:
        """A call that may reach a function or a constructor with a parameter declared as a
        Protocol: resolved only when some argument is an object of the workspace."""
        if not any(a.startswith(("call:", "name:")) for a in args):
            return
        where = self._callee(func, method, takers)
        if where is None:
            return
        owner, anns = where
        for a in args:
            for ann in anns:
                self.hand(a, ann, owner)

    def _callee(
        self, func: str, method: str, takers: list[tuple[ModuleIndex, str]]
    ) -> tuple[ModuleIndex, list[str]] | None:
        """(module, Protocol annotations of its parameters) of what `func(...)` calls."""
        ws, module = self.ws, self.module
        if method[:1].isupper():
            owner = ws.resolve(module, func)
            if owner is not None and any(m is owner.module and n == owner.cls.name for m, n in takers):
                return owner.module, constructor_annotations(owner.cls)
            return None
        receiver = func.rpartition(".")[0]
        if receiver == "self":  # a method of the caller's own class
            cls = module.classes.get(self.fn.qualname.rpartition(".")[0])
            target = cls.methods.get(method) if cls is not None else None
            return (module, [q.annotation or "" for q in target.params]) if target is not None else None
        found = ws.function(module, func)
        if found is not None:
            return found[0], [q.annotation or "" for q in found[1].params]
        return self._made_here(receiver, method, takers)

    def _made_here(
        self, receiver: str, method: str, takers: list[tuple[ModuleIndex, str]]
    ) -> tuple[ModuleIndex, list[str]] | None:
        """`context = PaymentContext(...)` then `context.set_strategy(PayPal())`: a method of
        a local, taken to be of the one class this function makes that has the method."""
        if not receiver.isidentifier() or receiver in self.module.import_map:
            return None
        owners = []
        for m, name in takers:
            cls = m.classes.get(name)
            target = cls.methods.get(method) if cls is not None else None
            if target is not None and target.kind == "method":
                owners.append((m, cls, target))
        made = {r.key for r in self.built}
        here = [(m, t) for m, cls, t in owners if cls is not None and f"{m.module}.{cls.qualname}" in made]
        if len(here) != 1:
            return None
        m, target = here[0]
        return m, [q.annotation or "" for q in target.params]

    def returns(self, ann: str) -> None:
        ann, many = _produced(ann)
        p = self.protocol(self.module, ann)
        if p is None:
            return
        if many and any(v in _DISPLAYS for v in self.fn.returns):
            # `-> list[EventSubscriber]` returning `[OnUserCreated(...), OnOrderPaid(...)]`:
            # each object the function makes into the list it returns
            for c in self.fn.calls:
                if c.func[:1].isupper():
                    self.hand(f"call:{c.func}", p)
            return
        made = [v for v in self.fn.returns if v.startswith("call:")]
        for v in made:
            self.hand(v, p)
        if not made and any(v.startswith("name:") for v in self.fn.returns):
            # built into a local first (`bus = InMemoryEventBus(); return bus`): the one class
            # the function makes
            built = {r.key: r for r in self.built}
            if len(built) == 1:
                r = next(iter(built.values()))
                if r != p:
                    self.out.setdefault(p.key, {})[r.key] = r


# The dunders of a port that is a context manager or a callable (a unit of work entered with
# `async with uow:`): what it asks of an implementation as much as its public methods.
_PROTOCOL_DUNDERS = frozenset({"__enter__", "__exit__", "__aenter__", "__aexit__", "__call__"})


def protocol_methods(cls: ClassFacts) -> set[str]:
    """The public methods (and properties) a Protocol asks of its implementations, with the
    context-manager and call dunders it declares."""
    return {n for n in cls.methods if not n.startswith("_") or n in _PROTOCOL_DUNDERS}


def _has_all(cls: ClassFacts, protocol: ClassFacts) -> bool:
    return all(n in cls.methods for n in protocol_methods(protocol))


def _produced(ann: str) -> tuple[str, bool]:
    """The type a declared return hands out, through `Optional[P]`, `P | None`,
    `Awaitable[P]`, `Callable[..., Awaitable[P]]` (a provider of providers), and whether it
    hands out a collection of them (`list[P]`)."""
    ann, many = ann.strip("'\" "), False
    for _ in range(4):
        if " | " in ann and "[" not in ann:
            parts = [x for x in ann.split(" | ") if x not in ("None", "none")]
            return (parts[0] if len(parts) == 1 else ""), many
        head, bracket, rest = ann.partition("[")
        wrapper = head.rpartition(".")[2]
        if (
            not bracket
            or (wrapper not in _WRAPPERS and wrapper not in _COLLECTIONS)
            or (many and wrapper in _COLLECTIONS)
        ):
            return ann, many
        args = split_type_args(rest[:-1])
        if not args:
            return "", many
        many = many or wrapper in _COLLECTIONS
        ann = args[_WRAPPERS.get(wrapper, 0)].strip()
    return ann, many


def split_type_args(text: str) -> list[str]:
    """Type arguments split at the commas outside brackets."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        elif ch == "," and depth == 0:
            out.append(text[start:i])
            start = i + 1
    out.append(text[start:])
    return out
