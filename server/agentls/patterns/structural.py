"""Which classes implement a Protocol without naming it (structural typing), for
``WorkspaceIndex.bases``: worked out once per workspace state (``workspace._Derived``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from agentls.patterns.facts import ClassFacts, ModuleIndex
from agentls.patterns.handed import handed_as, protocol_methods

if TYPE_CHECKING:
    from agentls.patterns.workspace import ClassRef, WorkspaceIndex


def implementations(
    ws: WorkspaceIndex, every: list[ModuleIndex], class_refs: list[ClassRef]
) -> dict[str, list[ClassRef]]:
    """Class key -> the Protocols it implements without naming them: its public methods
    (properties aside) are the Protocol's, callable as it declares them, it defines the
    context-manager methods the Protocol declares and keeps the attributes it declares
    (`uow.orders`), and it sits in the Protocol's module or in a module importing it by
    name (where a reader sees both). A class offering more counts when the program hands
    it out from a function declared to return the Protocol (wherever it sits). A class
    whose bases of the workspace already give it one of those methods is a subclass of
    that base, not a new implementation. The classes a module of no class of its own
    imports with the Protocol and with a class handed as it are seen with it there too (a
    main script wiring one-class files). A broader class also counts beside another class of its module that
    implements the Protocol, unless it calls the Protocol's methods on other objects (it
    passes them on) or a class naming the Protocol keeps it by its own type (the service
    that port narrows)."""
    # workspace imports this module: its ClassRef (one made per candidate) only once loaded
    from agentls.patterns.workspace import ClassRef

    out: dict[str, list[ClassRef]] = {}
    protocols = [r for r in class_refs if structural(r.cls) and protocol_methods(r.cls)]
    names = {p.cls.name for p in protocols}
    importers: dict[str, list[tuple[ModuleIndex, str]]] = {}
    if protocols:
        for m in every:
            for alias, target in m.import_map.items():
                if target.rpartition(".")[2] in names:
                    importers.setdefault(target.rpartition(".")[2], []).append((m, alias))
    handed = handed_as(ws, every, protocols)
    for p in protocols:
        needed = protocol_methods(p.cls)
        modules = [p.module, *(m for m, alias in importers.get(p.cls.name, []) if ws.resolve(m, alias) == p)]
        fields = set(p.cls.fields)
        declared = handed.get(p.key, {})
        candidates = [(m, c) for m in modules for c in m.classes.values()]
        # The classes a module of no class of its own imports beside the Protocol and
        # beside a class the program hands as it (a main script wiring one-class files
        # together): the others there of its shape are the alternatives. (A module
        # defining classes imports its collaborators, not a family.)
        brought: list[ClassRef] = []
        for m in modules:
            refs = [r for a in m.import_map if (r := ws.resolve(m, a)) is not None] if not m.classes else []
            if any(r.key in declared for r in refs):
                brought += refs
        candidates += [(r.module, r.cls) for r in dict.fromkeys([*brought, *declared.values()])]
        candidates = list({id(c): (m, c) for m, c in candidates}.values())
        broader: list[tuple[ModuleIndex, ClassFacts]] = []
        exact: set[int] = set()  # ids of the modules holding an implementation of it
        for m, c in candidates:
            if c is p.cls or structural(c) or not all(_accepts(c, p.cls, n) for n in needed):
                continue
            kept = set(c.fields) | set(c.class_attrs) | c.instance_attrs()
            if not fields <= kept or _keeps(ws, m, c, p):
                continue
            bases = [r for b in c.bases if (r := ws.resolve(m, b)) is not None]
            if any(n in r.cls.methods for r in bases for n in needed):
                continue  # the base it names implements it, or the Protocol itself
            public = {n for n, f in c.methods.items() if not n.startswith("_") and f.kind != "property"}
            # A broader class sharing a method is no implementation (a service a port
            # narrows), unless the program hands it out where it declares the Protocol.
            if public != {n for n in needed if not n.startswith("_")} and ClassRef(m, c).key not in declared:
                broader.append((m, c))
                continue
            exact.add(id(m))
            out.setdefault(ClassRef(m, c).key, []).append(p)
        # ... or it is written beside one that implements it (a composite adding
        # `add`/`remove` to its leaf's operation, a class satisfying two segregated
        # Protocols, an authorizer with its own verification step next to one handed
        # over as the Protocol): the module's family, some members doing more.
        # Not one calling the Protocol's methods on other objects (`self.strategy.execute()`,
        # `for o in self._observers: o.notify()`): a context, a subject or a chain's
        # driver passing the call on, whose members the Protocol types.
        # Nor one that a class naming the Protocol keeps by its own type (`service:
        # TimeService` in `ServiceClock(ClockPort)`): the service that port narrows,
        # its adaptee, not a member of the family.
        for m, c in broader:
            if id(m) in exact and not passes_on(c, needed) and not _adapted(ws, p, modules, ClassRef(m, c)):
                out.setdefault(ClassRef(m, c).key, []).append(p)
    return out


def structural(cls: ClassFacts) -> bool:
    """Typed by shape: a Protocol, or an ABC whose `__subclasshook__` accepts any class
    defining its methods (`issubclass(Fast, Algorithm)` true without deriving it), so its
    implementations need not name it either."""
    return cls.is_protocol or (cls.declares_abstract and "__subclasshook__" in cls.methods)


def _accepts(cls: ClassFacts, protocol: ClassFacts, name: str) -> bool:
    """``cls`` defines ``name`` callable as the Protocol declares it: it requires no more
    arguments than the Protocol passes, and takes as many as the Protocol requires. A context
    answering `transition()` to states declaring `transition(context)` forwards; it does not
    implement them."""
    mine, theirs = cls.methods.get(name), protocol.methods[name]
    if mine is None:
        return False
    required = sum(not q.has_default for q in mine.params)
    return required <= len(theirs.params) and len(mine.params) >= sum(not q.has_default for q in theirs.params)


def passes_on(cls: ClassFacts, names: set[str]) -> bool:
    """``cls`` calls one of ``names`` on an object it keeps: an attribute (`self.next.handle()`)
    or each member of one (`for o in self._observers: o.notify()`), not a local of its own
    (`out.write(text)` on a file it opened)."""
    for f in cls.methods.values():
        members = {loop.target for loop in f.loops if loop.iter.startswith("self.") and loop.target}
        for k in f.calls:
            if k.method in names and (k.receiver.startswith("self.") or k.receiver in members):
                return True
    return False


def _adapted(ws: WorkspaceIndex, protocol: ClassRef, modules: list[ModuleIndex], ref: ClassRef) -> bool:
    """A class of ``modules`` naming ``protocol`` as its base keeps ``ref`` (a field or a
    parameter annotated with it): the port implemented over ``ref``."""
    for m in modules:
        for c in m.classes.values():
            if c is not ref.cls and any(ws.resolve(m, b) == protocol for b in c.bases) and _keeps(ws, m, c, ref):
                return True
    return False


def _keeps(ws: WorkspaceIndex, module: ModuleIndex, cls: ClassFacts, protocol: ClassRef) -> bool:
    """``cls`` keeps or is handed an object typed as the Protocol (a field or a parameter
    annotated with it): it holds one and forwards to it (a context, a wrapper), whatever
    methods it shares with it."""
    anns = [*cls.fields.values(), *(q.annotation for f in cls.methods.values() for q in f.params)]
    for ann in anns:
        for word in re.findall(r"[\w.]+", ann or ""):
            if word.rpartition(".")[2] == protocol.cls.name and ws.resolve(module, word) == protocol:
                return True
    return False
