from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx, Ev, per_workspace
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._basics import home_module
from agentls.patterns.detectors._builders import Directed, directed_builders, handed_builder, held_product
from agentls.patterns.detectors._class_directors import class_directors
from agentls.patterns.facts import FunctionFacts, ModuleIndex
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef


def _is_step(m: FunctionFacts) -> bool:
    """A method that records part of the product in the builder's state."""
    changes_state = bool(m.self_writes) or any(op.container.startswith("self.") for op in m.container_ops)
    changes_state = changes_state or any(s.receiver.startswith("self.") for s in m.attr_stores)
    return changes_state and not m.name.startswith("__") and bool(m.params)


def _parts(m: FunctionFacts) -> set[str]:
    """The ``self`` attributes a step records."""
    out = set(m.self_writes)
    out |= {op.container.removeprefix("self.").split(".")[0].rstrip("[]") for op in m.container_ops}
    out |= {s.receiver.removeprefix("self.").split(".")[0] for s in m.attr_stores if s.receiver.startswith("self.")}
    return out


@register
class Builder(Detector):
    """Separates the step-by-step construction of a complex object from its representation:
    callers set the parts they need (often fluently, `b.with_x(1).with_y(2).build()`), then
    ask for the finished product. It avoids telescoping constructors and half-built objects, at
    the cost of an extra class that must stay in step with the product.

    ## Roles
    - `builder`: accumulates the parts and produces the product.
    - `director`: drives a builder through a fixed sequence of steps.
    - `product`: the class the builder produces.

    ## How it is detected
    - A class with at least two methods that record a part in its own state and return `self`
      (a fluent builder), or at least two such steps that a director class calls on a held
      builder, and a public method without required parameters that returns a new instance of
      another class (the product) made from two or more of the recorded parts (not wrapping
      `self` itself). A fluent class without such a product method (a generative query or
      statement that is its own result, a cursor returning `self` for chaining) is not a
      builder; one that merely hands back an attribute it assembled is reported below the
      default threshold (0.45), unless its steps fill in one held object the result hands out
      (`self.person.city = city`) or rebuild one attribute from its own previous value
      (`self._query = self._query.where(c)`, a generative statement) that the result returns
      (`build()` -> `self._query`): those assemble a product (0.75).
    - A class that creates its product into an attribute (`self.house = House()`), has two or
      more public steps that add to that object (`self.house.doors = n`,
      `self._product.add(part)`, or a call of one of its own methods that records the part
      in it: `self.product.add_part("A")`), making up at least a third of its public methods, and a
      method without required parameters that hands the object out.
    - An abstract class declaring two or more of the steps (or the result method) a detected
      builder implements is a `builder` too (the builder interface).
    - `director`: a class or function that calls two or more steps of a builder it holds
      (typed as the builder or its interface; a chain of fluent steps on it counts each step,
      `self._builder.named(n).aged(a)`, as each returns the builder, while calls on what its
      result answers are no steps), or that creates a builder (or is handed one: typed, or
      untyped when one builder of the program has those steps), chains its steps and
      returns the result (`return HouseBuilder().set_a(1).set_b(2).get_result()`; a caller
      that keeps the result for itself is a client). A function that instantiates the class
      it is given (`building = cls()`), calls two or more of its steps and returns it is a
      director, and the classes defining those steps are builders: a base declaring them
      (raising `NotImplementedError`) and two or more implementations whose steps only record
      parts in their own state.
    - `product`: the class a detected builder produces.
    - Hierarchies of builders: steps that store onto a held object count, inherited ones too
      (what an inherited method makes is named as the file defining it names it), and so does
      a product made by a base constructor the subclass's own runs (`super().__init__(...)`)
      when two or more of the subclass's own steps fill it in;
      fluent steps filling in one held object that the result method hands out make a builder
      even when the product's class is not known (0.75); a concrete base defining steps or the
      result its builder subclasses use is a builder; a text builder's `__str__` is its result.
    - A director running no-argument steps on a builder it holds and taking the product off it
      (`self.builder.make_wheels(); ...; return self.builder.vehicle`) reveals the builders
      (the interface declaring the steps and two or more implementations whose steps only
      record parts) and the product they create. The product may be taken off in a getter
      of the director's own taking nothing (`get_car()` returning `self._builder.car` after
      `construct_car()` ran the steps), and one implementation is enough when it makes the
      product into that attribute (`self.car = Car()`, its base's method too) and two or
      more of the steps fill that object in (`self.car.model = ...`); steps changing the
      held object's own state build nothing. A base of the builders defining a step the
      director runs (`create_new_car()` making the product) is a builder too.
    - A director handed the builder (`construct(self, builder)` calling `builder.build_a()`,
      `builder.build_b()`, no arguments): the classes defining those steps are builders when
      each creates its product into an attribute in its constructor and every step fills that
      object in and answers nothing, under an interface declaring the steps (or two or more
      such classes); the class they create is the product (0.7). The steps may also be
      gathered as bound methods and run in a loop (`steps = (builder.prepare, builder.bake)`,
      `for step in steps: step()`); three quarters of them filling the product is enough (a
      last step may only move the builder's own progress).
    """

    id = "builder"
    category = "creational"
    roles: ClassVar[dict[str, str]] = {
        "builder": "accumulates parts, produces the product",
        "director": "drives the steps",
        "product": "what is built",
    }

    def _builder(self, ctx: Ctx, ref: ClassRef) -> tuple[list[FunctionFacts], FunctionFacts, list[ClassRef]] | None:
        own_steps = sum(
            1 for m in ref.cls.methods.values() if m.params and (m.self_writes or m.container_ops or m.attr_stores)
        )
        if own_steps < 2 and not (own_steps and ref.cls.bases):
            return None  # cheap exit before resolving the hierarchy
        methods = ctx.all_methods(ref)
        # Inherited methods are asked about once per subclass: memoised by identity (the
        # method is kept with its answer, so a reused id is not mistaken for it).
        memo: dict[int, tuple[FunctionFacts, bool]] = ctx._cache.setdefault("builder_steps", {})
        steps = []
        for m in methods.values():
            hit = memo.get(id(m))
            if hit is None or hit[0] is not m:
                hit = memo[id(m)] = (m, _is_step(m))
            if hit[1]:
                steps.append(m)
        if len(steps) < 2:
            return None
        parts = set().union(*(_parts(s) for s in steps))
        products: list[ClassRef] = []
        result = None
        step_ids = {id(s) for s in steps}  # identity: FunctionFacts compare field by field
        for m in methods.values():
            if m.name.startswith("_") or id(m) in step_ids or m.kind == "property":
                continue
            made = [r for r in ctx.returned_classes(m, home_module(ctx, ref, m)) if r != ref]
            # build() needs nothing more from the caller and copies the parts out; wrapping
            # `self` into another object (`Grouping(self)`) is not producing a product.
            required = any(not p.has_default for p in m.params)
            wraps_self = any("self" in c.args for c in m.calls)
            if made and len(m.self_reads & parts) >= 2 and not required and not wraps_self:
                result, products = m, made
                break
            assembled = any(v.startswith("attr:self.") for v in m.returns) and not m.params
            if assembled and result is None:
                result = m
        if result is None:
            return None
        fluent = [s for s in steps if "self" in s.returns]
        if len(fluent) < 2 and not products:
            return None  # neither a fluent interface nor a product: just a stateful class
        return steps, result, products

    def _found(
        self, ctx: Ctx, ref: ClassRef
    ) -> tuple[list[str], FunctionFacts, list[ClassRef], float, list[Ev]] | None:
        """(step names, result method, products, confidence, evidence) of a builder class."""
        key = ("builder_found", ref.key)
        if key in ctx._cache:
            return ctx._cache[key]  # type: ignore[no-any-return]
        out = None
        found = self._builder(ctx, ref)
        if found:
            steps, result, products = found
            fluent = [s for s in steps if "self" in s.returns]
            # A holder driving two steps counts only when not fluent: asked last (costly map).
            named = {s.name for s in steps}
            if len(fluent) >= 2 or (products and any(len(set(c.methods) & named) >= 2 for _, c in ctx.holders(ref))):
                ev: list[Ev] = (
                    [(fluent[0].selection.line, f"`{fluent[0].name}` records a part and returns `self`")]
                    if fluent
                    else []
                )
                ev.append((result.selection.line, f"`{result.name}` produces the result"))
                conf = (0.85 if fluent else 0.8) if products else 0.45
                # Fluent steps filling in one held object that the result hands out
                # (`self.person.city = city; return self` ... `return self.person`) assemble a
                # product even when its class is not known here.
                held = {s.receiver[5:] for st in fluent for s in st.attr_stores if s.receiver.startswith("self.")}
                if not products and any(f"attr:self.{a}" in result.returns for a in held):
                    conf = 0.75
                # ... and so do steps rebuilding one attribute from its previous value
                # (`self._query = self._query.where(c)`: a generative SQL statement).
                writes = [(a, v) for st in fluent for a, vs in st.self_writes.items() for v in vs]
                rebuilt = {a for a, v in writes if v.startswith(f"call:self.{a}.")}
                if not products and any(f"attr:self.{a}" in result.returns for a in rebuilt):
                    conf = 0.75
                out = ([s.name for s in steps], result, products, conf, ev)
        if out is None or not out[2]:
            assembled = held_product(ctx, ref)
            if assembled:
                names, result, products = assembled
                m = ctx.all_methods(ref)[names[0]]
                ev = [
                    (m.selection.line, f"`{names[0]}` adds a part to the `{products[0].cls.name}` it is assembling"),
                    (result.selection.line, f"`{result.name}` hands out the finished `{products[0].cls.name}`"),
                ]
                out = (names, result, products, 0.8, ev)
        ctx._cache[key] = out
        return out

    @per_workspace
    def _interfaces(self, ctx: Ctx) -> dict[str, list[ClassRef]]:
        """Builder interfaces: abstract bases declaring the steps a detected builder implements."""
        out: dict[str, list[ClassRef]] = {}
        for ref in ctx.ws.all_classes():
            if not ref.cls.is_interface:
                if ref.cls.methods and ctx.ws.subclasses(ref):
                    self._base_of_builders(ctx, ref, out)
                continue
            declared = ref.cls.abstract_methods
            for d in ctx.descendants(ref):
                found = self._found(ctx, d) if len(declared) >= 2 else None
                if found and found[3] >= 0.5 and len(declared & {*found[0], found[1].name}) >= 2:
                    out.setdefault(ref.key, []).append(d)
        return out

    def _base_of_builders(self, ctx: Ctx, ref: ClassRef, out: dict[str, list[ClassRef]]) -> None:
        """A concrete base that defines steps or the result method its builder subclasses use
        (`PersonBuilder.build()` under `PersonJobBuilder`) is a builder of the same hierarchy."""
        if self._found(ctx, ref) is not None:
            return
        own = set(ref.cls.methods)
        for d in ctx.descendants(ref):
            found = self._found(ctx, d)
            if found and found[3] >= 0.5 and own & {*found[0], found[1].name}:
                out.setdefault(ref.key, []).append(d)
                return

    def _builders(self, ctx: Ctx) -> dict[str, tuple[list[str], list[ClassRef]]]:
        """Every builder of the workspace (by key): its step names and products."""
        key = ("builder_all",)
        if key in ctx._cache:
            return ctx._cache[key]  # type: ignore[no-any-return]
        out: dict[str, tuple[list[str], list[ClassRef]]] = {}
        for ref in ctx.ws.all_classes():
            if ref.cls.methods:
                found = self._found(ctx, ref)
                if found and found[3] >= 0.5:
                    out[ref.key] = (found[0], found[2])
        ctx._cache[key] = out
        return out

    @per_workspace
    def _step_names(self, ctx: Ctx) -> frozenset[str]:  # what every step family is drawn from
        return frozenset(n for steps, _ in self._builders(ctx).values() for n in steps)

    def _step_family(self, ctx: Ctx, ref: ClassRef) -> list[str]:
        """The steps of a builder, or of the builders implementing a builder interface."""
        builders = self._builders(ctx)
        if ref.key in builders:
            return builders[ref.key][0]
        for d in self._interfaces(ctx).get(ref.key, []):
            if d.key in builders:
                return builders[d.key][0]
        return []

    def _directs(self, ctx: Ctx, fn: FunctionFacts, module: ModuleIndex, owner: ClassRef | None) -> ClassRef | None:
        """The builder ``fn`` drives through two or more of its steps: one it holds, or one it
        creates and chains (`HouseBuilder().set_a(1).set_b(2).get_result()`)."""
        # Asked of every method of the workspace: most call fewer than two builder steps.
        if len(self._step_names(ctx).intersection([c.method for c in fn.calls])) < 2:
            return None
        by_receiver: dict[str, set[str]] = {}
        for c in fn.calls:
            receiver = c.receiver
            if receiver[:5] == "self." and "()" in receiver:
                # A chain of fluent steps on the held builder (`self._builder.add_a(x).add_b(y)`):
                # each step is asked of the builder itself, as each returns it.
                head = receiver.partition("()")[0].rpartition(".")[0]
                receiver = head if "." not in head[5:] else receiver
            if receiver:
                by_receiver.setdefault(receiver, set()).add(c.method)
        chains: dict[str, set[str]] = {}
        handed = {p.name: p.annotation for p in fn.params if p.name not in ("self", "cls")}
        for receiver, methods in by_receiver.items():
            root = receiver.partition(".")[0]
            if root in handed and any(v.startswith(f"call:{root}.") for v in fn.returns):
                # a builder it is handed, chained: `return builder.with_a(1).with_b(2).build()`
                chains.setdefault(f"param:{root}", set()).update(methods)
            elif receiver.startswith("self.") and owner is not None and "." not in receiver[5:]:
                chains.setdefault(receiver, set()).update(methods)
            elif "()" in receiver and not receiver.startswith(("self.", "cls.")):
                # A director hands out what the chain builds; a client uses it itself.
                head = receiver.partition("()")[0]
                if any(v.startswith(f"call:{head}().") for v in fn.returns):
                    chains.setdefault(f"{head}()", set()).update(methods)
        for receiver, methods in chains.items():
            targets: list[ClassRef] = []
            if receiver.startswith("param:"):
                targets += handed_builder(ctx, handed[receiver[6:]], methods, module, self._builders(ctx))
            elif receiver.startswith("self.") and owner is not None:
                attr = receiver[5:]
                collabs = ctx.collabs(owner)
                for name in (attr, f"_{attr}"):
                    held = collabs.get(name)
                    if held is not None:
                        targets += held.types
            else:
                made = ctx.resolve(receiver[:-2], module)
                targets += [made] if made is not None else []
            for t in targets:
                if t == owner:
                    continue
                if len(methods & set(self._step_family(ctx, t))) >= 2:
                    return t
        return None

    @per_workspace
    def _directors(self, ctx: Ctx) -> dict[str, ClassRef]:
        out: dict[str, ClassRef] = {}
        if self._builders(ctx):
            for ref in ctx.ws.all_classes():
                for m in ref.cls.methods.values():
                    t = self._directs(ctx, m, ref.module, ref)
                    if t is not None:
                        out[ref.key] = t
                        break
        return out

    @per_workspace
    def _products(self, ctx: Ctx) -> dict[str, ClassRef]:
        out: dict[str, ClassRef] = {}
        for k, (_, products) in self._builders(ctx).items():
            for p in products:
                out.setdefault(p.key, ctx.ws.derived.by_key[k])
        return out

    def _directed(self, ctx: Ctx, ref: ClassRef, hit: Directed) -> Iterator[Detection]:
        parts: list[tuple[ClassRef, str]] = [
            (hit.director, "director"),
            *((b, "builder") for b in hit.builders),
            *((p, "product") for p in hit.products),
        ]
        others = [p for p in parts if p[0] != ref]
        m = hit.method
        if ref == hit.director:
            ev = [(m.selection.line, f"`{m.name}` runs the builder's steps in order and takes the product off it")]
            yield ctx.det(ref, self.id, "director", 0.75, ev, others)
        elif ref in hit.builders:
            ev = [(ref.cls.selection.line, f"its steps are run in order by `{hit.director.cls.name}.{m.name}`")]
            yield ctx.det(ref, self.id, "builder", 0.75, ev, others)
        elif ref in hit.products:
            ev = [(ref.cls.selection.line, f"filled in by the builders `{hit.director.cls.name}` drives")]
            yield ctx.det(ref, self.id, "product", 0.7, ev, others)

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        directors = self._directors(ctx)
        products = self._products(ctx)
        interfaces = self._interfaces(ctx)
        handed_class = class_directors(ctx)
        directed = directed_builders(ctx)
        for ref in ctx.classes():
            found = self._found(ctx, ref)
            drive = directed.get(ref.key)
            if drive is not None and not found:
                yield from self._directed(ctx, ref, drive)
                continue
            if found:
                _, _, made, conf, ev = found
                holders = [d for d, t in directors.items() if t == ref or t.key in {a.key for a in ctx.ancestors(ref)}]
                parts = [*((p, "product") for p in made), *((ctx.ws.derived.by_key[d], "director") for d in holders)]
                yield ctx.det(ref, self.id, "builder", conf, ev, parts)
            elif ref.key in handed_class:
                fn, builders = handed_class[ref.key]
                ev = [(ref.cls.selection.line, f"its build steps are driven in order by `{fn.qualname}`")]
                yield ctx.det(
                    ref, self.id, "builder", 0.75, ev, [*((b, "builder") for b in builders), (fn, "director")]
                )
            elif ref.key in interfaces:
                impls = interfaces[ref.key]
                if ref.cls.is_interface:
                    ev = [(ref.cls.selection.line, f"declares the steps `{impls[0].cls.name}` implements to build")]
                else:
                    ev = [(ref.cls.selection.line, f"defines steps its builder subclass `{impls[0].cls.name}` uses")]
                conf = 0.8 if ref.cls.is_interface else 0.75
                yield ctx.det(ref, self.id, "builder", conf, ev, [(i, "builder") for i in impls])
            if ref.key in directors:
                t = directors[ref.key]
                ev = [(ref.cls.selection.line, f"drives the builder `{t.cls.name}` step by step")]
                yield ctx.det(ref, self.id, "director", 0.75, ev, [(t, "builder")])
            elif ref.key in products:
                b = products[ref.key]
                ev = [(ref.cls.selection.line, f"assembled by the builder `{b.cls.name}`")]
                yield ctx.det(ref, self.id, "product", 0.75, ev, [(b, "builder")])
        for fn in ctx.index.functions.values():
            hit = handed_class.get(f"{ctx.index.path}:{fn.qualname}")
            if hit is not None:
                ev = [(fn.selection.line, "creates the builder it is given and calls its steps in order")]
                yield ctx.det(fn, self.id, "director", 0.75, ev, [(b, "builder") for b in hit[1]])
        if self._builders(ctx):
            for fn in ctx.index.functions.values():
                driven = self._directs(ctx, fn, ctx.index, None)
                if driven is not None:
                    ev = [(fn.selection.line, f"drives the builder `{driven.cls.name}` step by step")]
                    yield ctx.det(fn, self.id, "director", 0.75, ev, [(driven, "builder")])
