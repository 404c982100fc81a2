"""Builder forms beside the fluent one: a builder assembling a product object it holds, and
builders that only a director reveals (steps with no arguments filling in a product the
builder created, run in order by a director that then takes the product off the builder:
`self.builder.make_wheels(); ...; return self.builder.vehicle`, or that is handed the builder:
`construct(self, builder)` calling `builder.build_part_a()`, ...)."""

from __future__ import annotations

from dataclasses import dataclass

from agentls.patterns.context import Ctx, per_workspace
from agentls.patterns.detectors._basics import home_module
from agentls.patterns.facts import FunctionFacts, ModuleIndex
from agentls.patterns.workspace import ClassRef

_ADDS = frozenset({"append", "add", "extend", "insert", "setitem", "update", "appendleft"})


@dataclass
class Directed:
    director: ClassRef
    method: FunctionFacts
    builders: list[ClassRef]  # the interface declaring the steps, then the implementations
    products: list[ClassRef]


def _records(m: FunctionFacts) -> bool:
    """A step: changes the builder's own state (or the object it assembles), answers nothing."""
    own = bool(m.self_writes) or any(s.receiver.startswith("self.") for s in m.attr_stores)
    return own and all(v == "none" for v in m.returns) and not m.yields


@per_workspace
def directed_builders(ctx: Ctx) -> dict[str, Directed]:
    """Class key -> what it takes part in, for directors and the builders they drive."""
    out: dict[str, Directed] = {}
    by_method: dict[str, list[ClassRef]] | None = None
    for ref in ctx.ws.all_classes():
        for m in ref.cls.methods.values():
            if m.name.startswith("_") or not m.calls:
                continue
            if len(m.calls) < 2:
                # one call: only a loop running the steps it gathered (`for step in steps`)
                if ref.key not in out:
                    _param_directed(ctx, ref, m, out)
                continue
            by_attr: dict[str, set[str]] = {}
            for c in m.calls:
                if c.receiver.startswith("self.") and "." not in c.receiver[5:] and not c.args:
                    by_attr.setdefault(c.receiver[5:], set()).add(c.method)
            for attr, called in by_attr.items():
                if len(called) < 2:
                    continue
                taken = [v for v in m.returns if v.startswith(f"attr:self.{attr}.")]
                if not taken:
                    # ... or a getter of the director's own hands it out (`get_car()` returning
                    # `self._builder.car` after `construct_car()` ran the steps)
                    taken = _getters_taking(ref, m, attr)
                if not taken:
                    continue
                if by_method is None:
                    by_method = ctx.by_method(public=False)
                first = sorted(called)[0]
                defining = [r for r in by_method.get(first, []) if called <= set(ctx.all_methods(r)) and r != ref]
                declared = [r for r in defining if r.cls.is_interface]
                impls = [
                    r
                    for r in defining
                    if not r.cls.is_interface and all(_records(ctx.all_methods(r)[n]) for n in called)
                ]
                part = taken[0][len(f"attr:self.{attr}.") :].partition(".")[0]
                # One implementation and no interface: a builder still when it makes the
                # product into the part taken off it and two or more steps fill that object
                # in (`self.car = Car()`, then `self.car.model = ...`, `self.car.tires = ...`).
                if (
                    len(impls) < 2
                    and not (impls and declared)
                    and not (impls and _fills_made(ctx, impls[0], part, called))
                ):
                    continue
                products: list[ClassRef] = []
                for i in impls:
                    for f in ctx.all_methods(i).values():
                        for v in f.self_writes.get(part, []):
                            p = ctx.resolve(v[5:], i.module) if v.startswith("call:") else None
                            if p is not None and p not in products and p not in impls:
                                products.append(p)
                # a base of theirs defining steps the director runs (`create_new_car()` making
                # the product they fill in) is part of the builder hierarchy
                bases = [a for i in impls for a in ctx.ancestors(i) if set(a.cls.methods) & called]
                bases = [a for a in dict.fromkeys(bases) if a not in declared and a not in impls]
                _record(out, Directed(ref, m, [*declared, *impls, *bases], products))
            if ref.key not in out:
                _param_directed(ctx, ref, m, out)
    return out


def _getters_taking(ref: ClassRef, m: FunctionFacts, attr: str) -> list[str]:
    """What the director's other public methods taking nothing answer off `self.<attr>`."""
    return [
        v
        for g in ref.cls.methods.values()
        if g is not m and not g.name.startswith("_") and not [p for p in g.params if p.name != "self"]
        for v in g.returns
        if v.startswith(f"attr:self.{attr}.")
    ]


def _fills_made(ctx: Ctx, ref: ClassRef, part: str, steps: set[str]) -> bool:
    """The builder makes a class of the program into `self.<part>` in one of its methods (or
    its base's) and two or more of ``steps`` store on that object."""
    methods = ctx.all_methods(ref)
    made = any(
        v.startswith("call:") and ctx.resolve(v[5:], ref.module) not in (None, ref)
        for f in methods.values()
        for v in f.self_writes.get(part, [])
    )
    inside = f"self.{part}"
    filling = [n for n in steps if any(s.receiver == inside for s in methods[n].attr_stores)]
    return made and len(filling) >= 2


def _record(out: dict[str, Directed], found: Directed) -> None:
    out.setdefault(found.director.key, found)
    for b in found.builders:
        out.setdefault(b.key, found)
    for p in found.products:
        out.setdefault(p.key, found)


def _param_directed(ctx: Ctx, ref: ClassRef, m: FunctionFacts, out: dict[str, Directed]) -> None:
    """A director handed the builder (`construct(self, builder)` calling `builder.build_a()`,
    `builder.build_b()`): the classes defining those no-argument steps are builders when each
    creates its product into an attribute in its constructor and every step fills it in
    (`self.product.add("A1")`), under an interface declaring the steps or two or more of them."""
    given = {p.name for p in m.params if p.name not in ("self", "cls") and not p.annotation}
    called: dict[str, set[str]] = {}
    for c in m.calls:
        if c.receiver in given and not c.args:
            called.setdefault(c.receiver, set()).add(c.method)
    # ... or gathers them as bound methods to run in order (`steps = (builder.prepare_dough,
    # builder.add_sauce)`, `for step in steps: step()`)
    if any(c.func in {lp.target for lp in m.loops} for c in m.calls):
        for read in m.foreign_reads:
            head, _, name = read.partition(".")
            if head in given and name.isidentifier() and name in ctx.by_method(public=False):
                called.setdefault(head, set()).add(name)  # a method, not `builder.salad`
    for steps in called.values():
        if len(steps) < 2:
            continue
        first = sorted(steps)[0]
        defining = [
            r for r in ctx.by_method(public=False).get(first, []) if steps <= set(ctx.all_methods(r)) and r != ref
        ]
        declared = [r for r in defining if r.cls.is_interface]
        impls: list[ClassRef] = []
        products: list[ClassRef] = []
        for r in defining:
            if r in declared:
                continue
            made = _filled_product(ctx, r, steps)
            if made is None:
                impls = []
                break
            impls.append(r)
            if made not in products:
                products.append(made)
        if len(impls) >= 2 or (impls and declared):
            _record(out, Directed(ref, m, [*declared, *impls], products))
            return


def _filled_product(ctx: Ctx, ref: ClassRef, steps: set[str]) -> ClassRef | None:
    """The class ``ref`` creates into an attribute in its constructor when every step in
    ``steps`` fills that object in (stores on it, adds to it or calls it) and answers nothing."""
    methods = ctx.all_methods(ref)
    init = methods.get("__init__")
    if init is None:
        return None
    for attr, values in init.self_writes.items():
        made = [ctx.resolve(v[5:], ref.module) for v in values if v.startswith("call:")]
        product = next((p for p in made if p is not None and p != ref), None)
        if product is None:
            continue
        inside = f"self.{attr}"

        def fills(f: FunctionFacts, inside: str = inside) -> bool:
            return all(v == "none" for v in f.returns) and (
                any(s.receiver == inside or s.receiver.startswith(f"{inside}.") for s in f.attr_stores)
                or any(op.container.startswith(inside) and op.op in _ADDS for op in f.container_ops)
                or any(c.receiver == inside for c in f.calls)
            )

        # every step answers nothing and changes the builder; most fill the product in (a
        # last `bake()` may only move the builder's own progress)
        quiet = all(all(v == "none" for v in methods[n].returns) for n in steps)
        filling = [n for n in steps if fills(methods[n])]
        if quiet and len(filling) >= 2 and len(filling) * 4 >= len(steps) * 3:
            return product
    return None


@per_workspace
def held_product(ctx: Ctx, ref: ClassRef) -> tuple[list[str], FunctionFacts, list[ClassRef]] | None:
    """A builder assembling a product object it holds: it creates the product into an
    attribute (`self.house = House()`), two or more steps change that object
    (`self.house.doors = n`, `self._product.add(part)`), and a method hands it out."""
    out = None
    created: dict[str, list[ClassRef]] = {}
    # Inherited too: a hierarchy of builders sharing the product its base creates, also when
    # the subclass's own constructor runs the base's (`super().__init__("Gaming")`).
    methods = ctx.all_methods(ref) if ref.cls.bases else ref.cls.methods
    # (the module a method's names are read in, `home_module`, looked up only for a method
    # that makes something: most of a model base's hundred inherited methods make nothing)
    makers: list[tuple[FunctionFacts, ModuleIndex | None, bool]] = [(m, None, False) for m in methods.values()]
    makers += [(a.cls.methods["__init__"], a.module, True) for a in _constructors_run(ctx, ref)]
    run_base: set[str] = set()  # made only by a base constructor the class's own one runs
    for m, known_home, by_base in makers:
        home = known_home  # (its own name: looked up below at most once per method)
        for attr, values in m.self_writes.items():
            for v in values:
                if not v.startswith("call:"):
                    continue
                if home is None:
                    home = home_module(ctx, ref, m)
                r = ctx.resolve(v[5:], home)
                if r is not None and r != ref and not r.cls.is_interface:
                    if by_base and attr not in created:
                        run_base.add(attr)
                    created.setdefault(attr, []).append(r)
    for attr, made in created.items():
        inside = f"self.{attr}"

        # What the product's own methods change in it (`add_part` appending to its parts).
        mutators = {
            n
            for r in made
            for n, f in r.cls.methods.items()
            if not n.startswith("_")
            and (_records(f) or any(op.container.startswith("self.") and op.op in _ADDS for op in f.container_ops))
        }

        def on_product(m: FunctionFacts, inside: str = inside, mutators: set[str] = mutators) -> bool:
            return (
                any(s.receiver == inside or s.receiver.startswith(f"{inside}.") for s in m.attr_stores)
                or any(
                    (op.container == inside or op.container.startswith(f"{inside}.")) and op.op in _ADDS
                    for op in m.container_ops
                )
                # a step calling a method of the product that records the part in it
                or any(c.receiver == inside and c.method in mutators for c in m.calls)
            )

        steps = [n for n, m in methods.items() if not n.startswith("_") and on_product(m)]
        steps = [n for n in steps if not any(v == f"attr:{inside}" for v in methods[n].returns)]
        if attr in run_base and sum(n in ref.cls.methods for n in steps) < 2:
            continue  # the base's own steps: it is the builder, if any, not each subclass
        result = None
        for m in methods.values():
            required = any(not p.has_default for p in m.params)
            if (m.name.startswith("_") and m.name != "__str__") or required or m.name in steps:
                continue
            hands_out = f"attr:{inside}" in m.returns or (
                attr in m.self_reads and any(v.startswith("name:") for v in m.returns)
            )
            # A text builder hands out the rendering of what it assembled.
            hands_out = hands_out or (m.name == "__str__" and attr in m.self_reads)
            if hands_out:
                result = m
                break
        public = [n for n in methods if not n.startswith("_")]
        # Assembling is what the class is for, not one of many things a big class does.
        if len(steps) >= 2 and result is not None and len(steps) * 3 >= len(public):
            out = (steps, result, made)
            break
    return out


def _constructors_run(ctx: Ctx, ref: ClassRef) -> list[ClassRef]:
    """The ancestors whose `__init__` the class's own constructor runs through
    `super().__init__(...)`, each reaching the next the same way: their attributes are the
    object's too, though `all_methods` answers only the overriding constructor."""
    out: list[ClassRef] = []
    current = ref
    for anc in ctx.ancestors(ref):
        init = current.cls.methods.get("__init__")
        if init is not None and not any(c.func == "super().__init__" for c in init.calls):
            break
        if "__init__" in anc.cls.methods:
            out.append(anc)
            current = anc
    return out


def handed_builder(
    ctx: Ctx,
    hint: str | None,
    steps: set[str],
    module: ModuleIndex,
    builders: dict[str, tuple[list[str], list[ClassRef]]],
) -> list[ClassRef]:
    """The builder a director's parameter holds: its declared class, or, untyped, the one
    builder of the program (``builders``: key -> its step names) whose steps include two or
    more of those chained on it."""
    if hint:
        declared = ctx.resolve(hint, module)
        return [declared] if declared is not None else []
    fits = [k for k, (names, _) in builders.items() if len(steps & set(names)) >= 2]
    return [ctx.ws.derived.by_key[fits[0]]] if len(fits) == 1 else []
