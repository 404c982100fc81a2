from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx, Ev, per_workspace
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.facts import ClassFacts, FunctionFacts
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef

_COPIES = ("copy.copy", "copy.deepcopy", "deepcopy", "copy")
_OWN = ("type()", "self.__class__")

# (role, confidence, evidence line, reason, method name)
Found = tuple[str, float, int, str, str]


def _own_copy(m: FunctionFacts, own: str = "") -> bool:
    """Makes a new instance of its own class from its state (`type(self)(self.field)`,
    `self.__class__(**self.__dict__)`), needing from the caller at most a choice of how to
    copy: a required argument handed on to other code (`as_sql(compiler)`,
    `relabeled_clone(relabels)`) makes it an operation that yields a changed object."""
    made = [c for c in m.calls if c.func in _OWN or (own and c.func == own)]
    if not made:
        return False
    required = {f"param:{p.name}" for p in m.params if not p.has_default}
    if required and m.complexity < 2:
        return False  # an argument that chooses nothing is a new part for a changed object
    if any(required & set(c.args) or c.receiver.partition(".")[0] in {r[6:] for r in required} for c in m.calls):
        return False
    if any(a == "const" for c in made for a in c.args):
        return False  # new literal values (`Version(self.major + 1, 0, 0)`): a changed object
    copied = any(a.startswith("attr:self.") for c in made for a in c.args)
    return copied or "__dict__" in m.self_reads or len(m.self_reads) >= 2


def _named_copy(cls: ClassFacts, m: FunctionFacts) -> bool:
    """`def clone(self): return Note(self.fraction)`: a method of no argument answering only
    a new instance of its own class, named, handed back every attribute the class keeps (a
    class keeping none answers a fresh one, `Sharp()`). Handing back only part of it
    (`Stack()` from a stack holding items) makes another object, not a copy."""
    if m.kind != "method" or m.params or not m.returns or any(v != f"call:{cls.name}" for v in m.returns):
        return False  # (a property answering a new object of its class is an attribute, no copy)
    args = [a for c in m.calls if c.func == cls.name for a in c.args]
    if any(not a.startswith("attr:self.") or "." in a[10:] for a in args):
        return False
    return {a[10:] for a in args} >= cls.instance_attrs()


def _find(cls: ClassFacts) -> Found | None:
    # Several public methods each deriving a new instance (`bump_major`, `bump_minor`): an
    # immutable value's operations, not a prototype's one way of cloning itself.
    deriving = [m for n, m in cls.methods.items() if not n.startswith("_") and m.returns and _own_copy(m)]
    pure = [m for m in deriving if not m.params]  # `clone()`: nothing changes in the copy
    for m in cls.methods.values():
        if m.name.startswith("_"):
            continue
        copies = [c for c in m.calls if c.func in _COPIES]
        if any(c.args[:1] == ("self",) for c in copies) and any(
            v.startswith("call:") or v.startswith("name:") for v in m.returns
        ):
            return ("prototype", 0.85, m.selection.line, f"`{m.name}` returns a copy of `self`", m.name)
        if m.returns and (len(deriving) == 1 or any(m is p for p in pure)) and _own_copy(m):
            reason = f"`{m.name}` builds a new instance of its own class from its state"
            return ("prototype", 0.75, m.selection.line, reason, m.name)
        if _named_copy(cls, m):
            reason = f"`{m.name}` answers a new `{cls.name}` made from all its state"
            return ("prototype", 0.75, m.selection.line, reason, m.name)
        handed_out = any(v[5:] in _COPIES for v in m.returns if v.startswith("call:"))
        if any(c.args[:1] and c.args[0].startswith("sub:self.") for c in copies) and m.params and handed_out:
            return ("prototype_registry", 0.8, m.selection.line, f"`{m.name}` returns a copy of a stored prototype", "")
        # `found = self.registry.get(key)`; `obj = copy.deepcopy(found)`; ...; `return obj`
        looked_up = any(
            c.receiver.startswith("self.") and c.method == "get" and c.args[:1] and c.args[0].startswith("param:")
            for c in m.calls
        )
        copied_local = any(c.args[:1] and c.args[0].startswith("name:") for c in copies)
        if looked_up and copied_local and any(v.startswith("name:") for v in m.returns):
            return ("prototype_registry", 0.75, m.selection.line, f"`{m.name}` returns a copy of a stored object", "")
    # Cloning through the copy protocol, both shallow and deep, each building its own class.
    shallow, deep = cls.methods.get("__copy__"), cls.methods.get("__deepcopy__")
    # There the class may name itself (`MyClass(self.a, self.b)`): the hook copies this class.
    # A hook answering a copy of another object it holds (`copy.copy(self._wrapped)`, a lazy
    # proxy) copies what it stands for, not itself.
    hooks = [m for m in (shallow, deep) if m is not None]
    if (
        len(hooks) == 2
        and any(_own_copy(m, cls.name) for m in hooks)
        and not any(v[5:] in _COPIES for m in hooks for v in m.returns if v.startswith("call:"))
    ):
        reason = "`__copy__` and `__deepcopy__` build new instances of its own class from its state"
        return ("prototype", 0.75, hooks[0].selection.line, reason, "__copy__")
    return None


def _builds_other(ctx: Ctx, ref: ClassRef, m: FunctionFacts) -> bool | None:
    """Whether ``m`` answers a new object of another class than its own (`DropIndexOp(...)`,
    `CreateTableOp.from_table(...)`); None when it is not known to build one."""
    own = False
    for v in m.returns:
        if not v.startswith("call:"):
            continue
        target = v[5:]
        if target in _OWN:
            own = True
            continue
        made = ctx.resolve(target, ref.module) or ctx.resolve(target.rpartition(".")[0], ref.module)
        if made is not None:
            if made.key != ref.key:
                return True
            own = True
    return False if own else None


def _hierarchy_operation(ctx: Ctx, ref: ClassRef, name: str) -> bool:
    """The method overrides one its hierarchy declares, and most of the classes answering it
    there build objects of *other* classes (`reverse()` of migration operations: the inverse
    of an add is a drop): an operation that here happens to yield its own class, not a clone."""
    tops = [a for a in ctx.ancestors(ref) if name in a.cls.methods]
    if not tops:
        return False
    other = own = 0
    for d in ctx.descendants(tops[-1]):
        m = d.cls.methods.get(name)
        answer = _builds_other(ctx, d, m) if m is not None and d != ref else None
        other += answer is True
        own += answer is False
    return other >= 2 and other > own


@register
class Prototype(Detector):
    """Creates new objects by copying a configured existing one instead of instantiating a
    class, so callers need not know concrete classes or repeat costly set-up. The catch is
    copy depth: shallow copies share mutable parts, deep copies can be slow or copy too much.

    ## Roles
    - `prototype`: a class that clones itself through a public method, or the interface
      declaring that method.
    - `prototype_registry`: keeps named prototypes and hands out copies of them.

    ## How it is detected
    - A public method returning `copy.copy(self)` / `copy.deepcopy(self)`, or a new
      `type(self)(...)` / `self.__class__(...)` whose state it copies from `self` (its
      attributes, or `**self.__dict__`), with or without overrides passed in; a required
      argument may choose how to copy, but one handed on to other code (`as_sql(compiler)`)
      makes the method an operation returning a changed object, not a clone, and so does
      one passing new literal values to the constructor (`self.__class__(self.major + 1, 0)`).
      A class with several such methods (`bump_major`, `bump_minor`) and none that takes no
      argument at all is an immutable value deriving new ones, not a prototype.
    - A public method of no argument answering only a new instance of its own class, named,
      handed back every attribute the class keeps (`def clone(self): return
      Note(self.fraction)`; a class keeping none answers a fresh one, `Sharp()`).
    - A class implementing both `__copy__` and `__deepcopy__`, at least one building a new
      instance of its own class from its state (deliberate cloning, not a one-off hook; there
      the class may name itself, `Sheet(self.title, self.rows)`), neither answering a copy of
      an object it holds (`copy.copy(self._wrapped)`: a lazy proxy copying what it stands for).
    - An abstract class declaring the method through which its implementations clone
      themselves is a `prototype` too.
    - A subclass with state of its own (its constructor sets attributes) inheriting such a
      clone method from a prototype it does not override is a `prototype` too (0.7).
    - A class returning a deep or shallow copy of an object looked up in its own dict (the
      copy itself is returned, not merged into something else; also through a local,
      `found = self.registry.get(key)`, `obj = copy.deepcopy(found)`, `return obj`), or one that keeps objects
      of a prototype class under names (`self._objects[name] = obj` where `obj` is annotated
      as the prototype), is a `prototype_registry`; so is one returning the clone of an object
      kept in its own table (`return cls._cache[key].clone()`).

    Not a clone: an override of a method its hierarchy declares that most other classes
    there answer with objects of other classes (`reverse()` of migration operations, the
    inverse of an add being a drop). Implementing only one of `__copy__`/`__deepcopy__` is
    copy protocol support, not reported.
    """

    id = "prototype"
    category = "creational"
    roles: ClassVar[dict[str, str]] = {
        "prototype": "clones itself",
        "prototype_registry": "hands out copies of stored prototypes",
    }

    @per_workspace
    def _all(self, ctx: Ctx) -> dict[str, Found]:
        out: dict[str, Found] = {}
        for ref in ctx.ws.all_classes():
            found = _find(ref.cls)
            if found and not (found[0] == "prototype" and _hierarchy_operation(ctx, ref, found[4])):
                out[ref.key] = found
        return out

    def _extended(self, ctx: Ctx, ref: ClassRef) -> Found | None:
        """An interface declaring the clone method, or a registry of prototypes."""
        protos = self._all(ctx)
        cls = ref.cls
        if cls.is_interface:
            for d in ctx.descendants(ref):
                hit = protos.get(d.key)
                if hit and hit[0] == "prototype" and hit[4] in cls.abstract_methods:
                    m = cls.methods[hit[4]]
                    reason = f"declares `{hit[4]}`, through which `{d.cls.name}` clones itself"
                    return ("prototype", 0.75, m.selection.line, reason, hit[4])
        # A registry handing out clones of what it keeps by key (`return
        # cls._cache[key].clone()`), the clone method being a detected prototype's.
        clones = {f[4] for f in protos.values() if f[0] == "prototype" and f[4]}
        for m in cls.methods.values():
            if m.name.startswith("_") or not m.params:
                continue
            for v in m.returns:
                recv, _, meth = v.removeprefix("call:").rpartition(".")
                if (
                    v.startswith("call:")
                    and meth in clones
                    and recv.endswith("[]")
                    and recv.startswith(("self.", "cls."))
                ):
                    reason = f"`{m.name}` hands out a clone of the prototype kept under the key"
                    return ("prototype_registry", 0.75, m.selection.line, reason, "")
        dicts = {c.attr for c in ctx.collabs(ref).values() if c.container == "dict"}
        for m in cls.methods.values():
            for op in m.container_ops:
                attr = op.container.removeprefix("self.")
                p = m.param(op.arg[6:]) if op.op == "setitem" and op.arg.startswith("param:") else None
                if attr not in dicts or p is None or not op.key.startswith("param:"):
                    continue
                for t in ctx.annotation_refs(p.annotation, ref.module):
                    if protos.get(t.key, ("",))[0] == "prototype":
                        reason = f"`{m.name}` keeps `{t.cls.name}` prototypes by name in `{op.container}`"
                        return ("prototype_registry", 0.75, m.selection.line, reason, "")
        return None

    def _inherits_clone(self, ctx: Ctx, ref: ClassRef) -> Found | None:
        """A subclass with state of its own that clones itself through the method it inherits
        from a prototype (`ConcretePrototypeA(Prototype)` keeping `self.data`)."""
        init = ref.cls.methods.get("__init__")
        if ref.cls.is_interface or init is None or not init.self_writes:
            return None
        protos = self._all(ctx)
        for a in ctx.ancestors(ref):
            hit = protos.get(a.key)
            if hit and hit[0] == "prototype" and hit[4] and hit[4] not in ref.cls.methods:
                reason = f"clones itself through `{hit[4]}`, inherited from `{a.cls.name}`"
                return ("prototype", 0.7, ref.cls.selection.line, reason, hit[4])
        return None

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        protos = self._all(ctx)
        for ref in ctx.classes():
            found = protos.get(ref.key) or self._extended(ctx, ref) or self._inherits_clone(ctx, ref)
            if found:
                role, conf, line, reason, _ = found
                ev: list[Ev] = [(line, reason)]
                yield ctx.det(ref, self.id, role, conf, ev)
