"""State machines that `_families` does not see: states kept in a table by the machine and
selected by key or in turn, and objects that switch their own class."""

from __future__ import annotations

from dataclasses import dataclass, field

from agentls.patterns.context import Ctx, Ev, per_workspace
from agentls.patterns.detectors._shared import is_exception
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.workspace import ClassRef

# Calls that step through a table of states in turn (`self._handle = iter(self.states)`).
_STEPPERS = frozenset({"iter", "next", "cycle", "itertools.cycle"})


@dataclass
class Machine:
    """A context keeping a table of states of one family and replacing its current state."""

    context: ClassRef | None
    root: ClassRef | None  # the state interface (None when the family has no common base here)
    states: list[ClassRef]
    evidence: list[Ev] = field(default_factory=list)
    owner: ClassRef | None = None  # the state whose method the evidence quotes (a class switch)


def _ancestors(ctx: Ctx, ref: ClassRef) -> list[ClassRef]:
    """Workspace ancestors; for a script next to its base's module (`from interface_x import
    IX` in a folder without `__init__.py`), the bases found in sibling modules."""
    found = ctx.ancestors(ref)
    if found or not ref.cls.bases:
        return found
    out: list[ClassRef] = []
    for b in ref.cls.bases:
        r = _resolve_near(ctx, ref, ref.module.import_map.get(b, b))
        if r is not None and r != ref and r not in out:
            out.append(r)
            out.extend(a for a in ctx.ancestors(r) if a not in out)
    return out


def _family_root(ctx: Ctx, made: list[ClassRef]) -> tuple[ClassRef, list[ClassRef]] | None:
    """The workspace base shared by most of ``made`` (two or more), the nearest on a tie."""
    count: dict[str, tuple[int, int, ClassRef, list[ClassRef]]] = {}
    for r in made:
        for depth, a in enumerate(_ancestors(ctx, r)):
            n, d, _, members = count.get(a.key, (0, 0, a, []))
            count[a.key] = (n + 1, max(d, depth), a, [*members, r])
    best = max(count.values(), key=lambda t: (t[0], -t[1]), default=None)
    if best is None or best[0] < 2 or is_exception(ctx, best[2]):
        return None
    root = best[2]
    if not (root.cls.methods or root.cls.is_interface):
        return None
    return root, best[3]


def _table_switch(fn: FunctionFacts, attr: str, values: list[str], tables: set[str]) -> str | None:
    """The table a write of ``self.<attr>`` selects from (`self.states[name]`, `iter(self.states)`)."""
    for v in values:
        if v.startswith("sub:self.") and v[9:] in tables:
            return v[9:]
        if v.startswith("call:") and v[5:] in _STEPPERS:
            for c in fn.calls:
                if c.func == v[5:]:
                    for a in c.args:
                        if a.startswith("attr:self.") and a[10:] in tables:
                            return a[10:]
    return None


def _client_choice(ctx: Ctx, ref: ClassRef, m: FunctionFacts, table: str, made: list[ClassRef]) -> bool:
    """The method picks the entry by its own argument (`set_format(kind)` doing
    `self.formatter = self._formatters[kind]`) and neither the states nor the machine's other
    methods call it: a client configuring a strategy, not a transition."""
    if not any(c == f"self.{table}" and key.startswith("param:") for c, key in m.subscripts):
        return False
    if any(m.name in other.self_calls for n, other in ref.cls.methods.items() if n != m.name):
        return False
    for state in made:
        for fn in state.cls.methods.values():
            if any(c.method == m.name and c.receiver not in ("", "self") for c in fn.calls):
                return False
    return True


def _table_machine(ctx: Ctx, ref: ClassRef) -> Machine | None:
    methods = ref.cls.methods
    # Tables: container attributes built by a method that creates two or more sibling states.
    tables: dict[str, list[ClassRef]] = {}
    for m in methods.values():
        built = [a for a, vs in m.self_writes.items() if any(v in ("list", "dict", "tuple") for v in vs)]
        if not built:
            continue
        made = [r for _, r in ctx.instantiations(m, ref.module) if r != ref and not is_exception(ctx, r)]
        made = list({r.key: r for r in made}.values())
        if len(made) < 2:
            continue
        for a in built:
            tables[a] = made
    if not tables:
        return None
    for m in methods.values():
        if m.name == "__init__" and m.kind != "method":
            continue
        for attr, values in m.self_writes.items():
            if attr in tables:
                continue
            table = _table_switch(m, attr, values, set(tables))
            if table is None or _client_choice(ctx, ref, m, table, tables[table]):
                continue
            fam = _family_root(ctx, tables[table])
            if fam is None:
                continue
            root, _ = fam
            states = [d for d in ctx.descendants(root) if not d.cls.is_interface]
            how = "steps through" if values and values[0].startswith("call:") else "selects from"
            return Machine(
                ref,
                root,
                states,
                [
                    (m.selection.line, f"`{m.name}` replaces the current state `self.{attr}`: it {how} `self.{table}`"),
                    (ref.cls.selection.line, f"keeps {len(tables[table])} `{root.cls.name}` states in `self.{table}`"),
                ],
            )
    return None


def _resolve_near(ctx: Ctx, ref: ClassRef, name: str) -> ClassRef | None:
    """A class name, or `module.Class` of a sibling module imported as a script would
    (`import leopard` next to `lion.py`)."""
    found = ctx.resolve(name, ref.module)
    if found is not None or "." not in name:
        return found
    head, _, tail = name.rpartition(".")
    package = ref.module.module.rpartition(".")[0]
    module = ctx.ws.module_named(f"{package}.{head}" if package else head)
    cls = module.classes.get(tail) if module is not None else None
    return ClassRef(module, cls) if module is not None and cls is not None else None


def _class_switch(ctx: Ctx, ref: ClassRef) -> Machine | None:
    """A state that turns the object into a sibling state (`self.__class__ = Other`)."""
    for m in ref.cls.methods.values():
        values = m.self_writes.get("__class__")
        if not values:
            continue
        names = [v.partition(":")[2] for v in values if v.startswith(("attr:", "name:", "param:"))]
        if any(v == "other" for v in values):
            names += sorted(m.foreign_reads) + sorted(m.names)
        targets = [r for n in names if (r := _resolve_near(ctx, ref, n)) is not None and r != ref]
        if not targets:
            # The class it becomes is handed in (`self.__class__ = state`, the caller passing
            # `On`): a base written so turns its objects into any of its own subclasses, the
            # states, when two or more derive from it.
            kinds = [d for d in ctx.descendants(ref) if not d.cls.is_interface]
            if any(v.startswith("param:") for v in values) and len(kinds) >= 2 and not m.name.startswith("__"):
                why = f"`{m.name}` turns the object into the subclass it is handed"
                # The context: a class outside the family keeping one of the states (made
                # there: `self.state = Off()`) and asking it to switch (`self.state.handle(On)`).
                family = {ref.key, *(d.key for d in kinds)}
                held = [h for k in kinds for h, c in ctx.holders(k) if m.name in c.methods and h.key not in family]
                return Machine(held[0] if held else None, ref, kinds, [(m.selection.line, why)])
            continue
        others = ", ".join(f"`{t.cls.name}`" for t in targets[:3])
        fam = _family_root(ctx, [ref, *targets])
        if fam is None and _same_face(ctx, ref, targets):
            # No base (duck typing): the siblings answer all the object's public methods.
            why = f"`{m.name}` turns the object into {others}, which answer all its public methods"
            return Machine(None, None, [ref, *targets], [(m.selection.line, why)], ref)
        if fam is None or ref not in fam[1]:
            continue
        root = fam[0]
        states = [d for d in ctx.descendants(root) if not d.cls.is_interface] or fam[1]
        return Machine(None, root, states, [(m.selection.line, f"`{m.name}` turns the object into {others}")])
    return None


def _same_face(ctx: Ctx, ref: ClassRef, targets: list[ClassRef]) -> bool:
    """Each sibling defines every public method of the class turning into it (one at least)."""
    public = {n for n in ref.cls.methods if not n.startswith("_")}
    unrelated = all(ref not in ctx.ancestors(t) and t not in ctx.ancestors(ref) for t in targets)
    return bool(public) and unrelated and all(public <= set(ctx.all_methods(t)) for t in targets)


@per_workspace
def machines(ctx: Ctx) -> dict[str, list[tuple[str, Machine]]]:
    """Class key -> (role, machine) for every table-driven or class-switching state machine."""
    out: dict[str, list[tuple[str, Machine]]] = {}
    for ref in ctx.ws.all_classes():
        cls = ref.cls
        found: list[Machine] = []
        if any("__class__" in m.self_writes for m in cls.methods.values()):
            sw = _class_switch(ctx, ref)
            if sw is not None:
                found.append(sw)
        if any(m.self_writes for m in cls.methods.values()):
            tm = _table_machine(ctx, ref)
            if tm is not None:
                found.append(tm)
        for mach in found:
            if mach.context is not None:
                out.setdefault(mach.context.key, []).append(("context", mach))
            if mach.root is not None:
                out.setdefault(mach.root.key, []).append(("state", mach))
            for s in mach.states:
                if s != mach.root:
                    # A state's own switch first: its evidence quotes that state's method.
                    at = 0 if s == mach.owner else len(out.get(s.key, []))
                    out.setdefault(s.key, []).insert(at, ("concrete_state", mach))
    return out
