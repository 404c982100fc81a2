from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx, Ev, per_workspace
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors import _creational as cr
from agentls.patterns.detectors._shared import is_exception
from agentls.patterns.detectors.factory import Factory
from agentls.patterns.facts import FunctionFacts, ModuleIndex
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef

# A family: the concrete factory and (creation method, product) pairs it makes.
Family = tuple[ClassRef, list[tuple[str, ClassRef]]]


def _answered(ctx: Ctx, m: FunctionFacts, module: ModuleIndex) -> list[ClassRef]:
    """The classes a creation method makes into a collection or a local it answers
    (`return [Garlic(), Onion()]`, `veggies = [BlackOlives(), Spinach()]; return veggies`),
    when they share a base (or it makes one class): products of one kind, several at once."""
    if not any(v in ("list", "tuple", "set") for v in m.returns):
        return cr.through_local(ctx, m, module)
    made: list[ClassRef] = []
    for _, r in ctx.instantiations(m, module):
        if r not in made and not is_exception(ctx, r):
            made.append(r)
    return made if len(made) == 1 or (made and cr.shared_bases(ctx, made)) else []


def _wrapped(ctx: Ctx, m: FunctionFacts, module: ModuleIndex, outer: ClassRef) -> list[ClassRef]:
    """The classes a creation method makes as the argument of the object it returns
    (`return QuackCounter(MallardDuck())`): a decorated product is made with what it wraps, so
    a factory wrapping every product in one decorator still makes a family of the wrapped."""
    out: list[ClassRef] = []
    for call, r in ctx.instantiations(m, module):
        if r != outer:
            continue
        for arg in call.args:
            inner = ctx.resolve(arg[5:], module) if arg.startswith("call:") else None
            if inner is not None and inner != outer and inner not in out and not is_exception(ctx, inner):
                out.append(inner)
    return out


def _filled(ctx: Ctx, m: FunctionFacts, module: ModuleIndex, outer: ClassRef | None) -> list[ClassRef]:
    """The classes a creation method makes into a collection it hands to the one object it
    returns (`return Veggies([Garlic(), Onion()])`, or made into the local it returns:
    `veggies = Veggies(items=[Garlic(), Onion()])`), when they share a base (or it makes one
    class): products of one kind made several at once and handed out in a holder, itself a
    product (``outer`` None: the returned local's class comes first). A method making other
    objects beside a holder given no collection builds something else."""
    if outer is None:
        names = [v[5:] for v in m.returns if v != "none"]
        local = m.call_locals.get(names[0]) if len(names) == 1 and m.returns[0].startswith("name:") else None
        outer = ctx.resolve(local, module) if local else None
        if outer is None:
            return []
        first = [outer]
    else:
        first = []
    holders = [c for c, r in ctx.instantiations(m, module) if r == outer]
    if not any(a in ("list", "tuple", "set") for c in holders for a in c.args):
        return []
    inner: list[ClassRef] = []
    for _, r in ctx.instantiations(m, module):
        if r != outer and r not in inner and not is_exception(ctx, r):
            inner.append(r)
    if not inner or (len(inner) > 1 and not cr.shared_bases(ctx, inner)):
        return []
    return [*first, *inner]


def _typed_kinds(ctx: Ctx, base: ClassRef, made: list[tuple[str, ClassRef]]) -> int:
    """How many product interfaces a lone family fills as its base declares them: creation
    methods the base types to return an abstract class of the program (`create_dough(self) ->
    Dough`, `Dough(ABC)`) whose override makes a subclass of it (`ThinCrustDough()`). A second
    family is what shows a design of families; an interface naming a product interface per
    method and filled per kind shows it before the second is written. A method typed to return
    a concrete class (an entity a repository answers) shows nothing."""
    kinds: set[str] = set()
    for name, product in made:
        declared = base.cls.methods[name].returns_annotation
        for kind in ctx.annotation_refs(declared, base.module) if declared else []:
            if kind.cls.is_interface and kind != product and kind in ctx.ancestors(product):
                kinds.add(kind.key)
    return len(kinds)


@register
class AbstractFactory(Detector):
    """Provides an interface for creating *families* of related objects, with one concrete
    factory per family, so a client can switch whole families (light and dark widgets, say) at one
    point and never mixes products of different families. Adding a new *kind* of product means
    changing every factory.

    ## Roles
    - `abstract_factory`: the interface with two or more creation methods.
    - `concrete_factory`: an implementation creating one family.
    - `product`: a class a concrete factory creates.

    ## How it is detected
    - An abstract class (or a base whose public methods are all stubs) with at least two
      methods that at least two concrete subclasses override (whatever other interfaces they
      implement too), each override returning a new
      instance of a class of the workspace, of two or more classes per subclass (creation
      methods all making one class are no family). A method answering new objects sharing a
      base in a collection or a local (`return [Garlic(), Onion()]`) creates each of them, and
      one returning a new object wrapping another it makes (`return Counter(Mallard())`, a
      decorated product) creates both, as does one returning a holder it fills with a
      collection of new objects sharing a base (`Veggies(items=[Garlic(), Onion()])`). One
      concrete subclass is enough when two or more of the base's creation methods are typed to
      return abstract classes of the program the override makes a subclass of
      (`create_dough(self) -> Dough`, `Dough(ABC)`, `return ThinCrustDough()`): the first
      family of a declared design (methods typed to return concrete classes show none). A
      base with helpers of its own (a static chooser, a method building through its creation
      methods) counts its abstract (or stub) methods only, so it may be abstract through a
      base of the program (`class Factory(Model)` with `class Model(ABC)`). A method that builds its result from the
      fields of an argument it requires (`to_entity(model)`, or `doc["name"]` / `doc.get("name")`
      from a document dict) converts between representations
      (a data mapper) and does not count; one handing that argument whole to the class it
      returns (`create_document(config)` reading `config.format`, then `return
      PdfDocument(config)`) creates.
    - Duck-typed families: a class keeps an object it was given and calls two or more of its
      methods; two or more classes of the workspace offer all of those methods without a
      common base, and each creates a different class of the workspace in one of them. The
      same for an untyped parameter a function or constructor calls two or more methods of on
      the spot (`factory.make_character()`, `factory.make_obstacle()`), when every one of
      those methods creates a class in each of the offering classes.
    - Factories of factories: a method that chooses between two or more simple factories (see
      `factory`) whose products are of different kinds (no common base) creates a family: its
      class is a `concrete_factory`, the interface it implements the `abstract_factory`, and
      the classes of the factories it chooses between are `concrete_factory` too.

    Every class a concrete factory creates is a `product`, and so are the product interfaces
    those classes implement (not a base the factories derive too).
    """

    id = "abstract_factory"
    category = "creational"
    roles: ClassVar[dict[str, str]] = {
        "abstract_factory": "interface for creating a family",
        "concrete_factory": "creates one family",
        "product": "a created class",
    }

    # -- interface families -----------------------------------------------------------------

    def _families(self, ctx: Ctx, base: ClassRef) -> list[Family] | None:
        key = ("af_families", base.key)
        if key not in ctx._cache:
            ctx._cache[key] = self._compute_families(ctx, base)
        return ctx._cache[key]  # type: ignore[no-any-return]

    def _compute_families(self, ctx: Ctx, base: ClassRef) -> list[Family] | None:
        creation = [n for n in base.cls.methods if not n.startswith("_")]
        if not base.cls.is_interface:
            # The abstract creation methods of a base that also has helpers of its own (a
            # static `get_factory(name)`, a `create_yahoo_page()` building through them), as
            # an ABC declared through a base of the program has.
            creation = [n for n in creation if base.cls.methods[n].abstract or base.cls.methods[n].is_stub]
        if len(creation) < 2:
            return None
        families = []
        for sub in ctx.descendants(base):
            if sub.cls.is_interface:
                continue
            made = []
            for name in creation:
                m = sub.cls.methods.get(name)
                products = ctx.returned_classes(m, sub.module) if m and not cr.converts(m) else []
                if m is not None and products:
                    made.append((name, products[0]))
                    made += [(name, p) for p in _wrapped(ctx, m, sub.module, products[0])]
                    made += [(name, p) for p in _filled(ctx, m, sub.module, products[0])]
                elif m is not None and not cr.converts(m):
                    answered = _answered(ctx, m, sub.module) or _filled(ctx, m, sub.module, None)
                    made += [(name, p) for p in answered]
            # Two or more kinds of product: methods all making one class (a template engine's
            # `from_string` and `get_template` both answering its `Template`) are no family.
            # (Several classes answered by one method, a Factory Method choosing, are no
            # family either: two or more creation methods must make something.)
            if len({p.key for _, p in made}) >= 2 and len({n for n, _ in made}) >= 2:
                families.append((sub, made))
        if len(families) == 1 and _typed_kinds(ctx, base, families[0][1]) >= 2:
            return families  # the first family of a declared design (see `_typed_kinds`)
        return families if len(families) >= 2 else None

    # -- duck-typed families ----------------------------------------------------------------

    @per_workspace
    def _duck(self, ctx: Ctx) -> dict[str, Family]:
        """Concrete factories sharing, without a base, the methods a holder calls on them."""
        out: dict[str, Family] = {}
        by_method = ctx.by_method(public=True)
        asked: dict[frozenset[str], int] = {}  # called methods -> products each family must make
        for ref in ctx.ws.all_classes():
            for c in ctx.collabs(ref).values():
                if c.from_param and not c.types and len(c.methods) >= 2:
                    asked[frozenset(c.methods)] = 1
        # A parameter used on the spot (`GameEnvironment(factory)` setting `self.hero =
        # factory.make_character()`): only a whole family, every method creating, counts.
        for module in ctx.ws.modules():
            for fn in module.all_functions():
                for p in fn.params:
                    if p.name in ("self", "cls") or p.annotation:
                        continue
                    called = frozenset(c.method for c in fn.calls if c.receiver == p.name and c.method)
                    if len(called) >= 2 and not any(n.startswith("_") for n in called):
                        asked.setdefault(called, len(called))
        for called, needed in asked.items():
            names = sorted(called)
            offering = [r for r in by_method.get(names[0], []) if all(n in r.cls.methods for n in names)]
            families: list[Family] = []
            for r in offering:
                made = []
                for n in names:
                    m = r.cls.methods[n]
                    products = [p for p in ctx.returned_classes(m, r.module) if p != r]
                    if products and not cr.converts(m):
                        made.append((n, products[0]))
                if made and len(made) >= needed:
                    families.append((r, made))
            made_keys = {p.key for _, made in families for _, p in made}
            related = any(
                cr.shared_bases(ctx, [a, b]) for i, (a, _) in enumerate(families) for b, _ in families[i + 1 :]
            )
            if len(families) >= 2 and len(made_keys) >= len(families) and not related:
                for f in families:
                    out.setdefault(f[0].key, f)
        return out

    # -- factories of factories -------------------------------------------------------------

    def _delegating(self, ctx: Ctx) -> dict[str, tuple[str, list[ClassRef], list[ClassRef], list[ClassRef]]]:
        """{class key: (role, interfaces, concrete factories, products)} for the families built
        by a method choosing between simple factories of different product kinds."""
        key = ("af_delegating",)
        if key in ctx._cache:
            return ctx._cache[key]  # type: ignore[no-any-return]
        out: dict[str, tuple[str, list[ClassRef], list[ClassRef], list[ClassRef]]] = {}
        factory = Factory()
        for ref in ctx.ws.all_classes():
            for m in ref.cls.methods.values():
                calls = [v[5:] for v in m.returns if v.startswith("call:")]
                if len(calls) < 2 or m.complexity < 2:
                    continue
                owners: list[ClassRef] = []
                kinds: list[list[ClassRef]] = []
                for func in calls:
                    inner = factory._factory_called(ctx, func, ref.module)
                    owner = ctx.resolve(func.rpartition(".")[0], ref.module) if inner else None
                    if inner is None or owner is None or owner in owners:
                        continue
                    owners.append(owner)
                    kinds.append(inner[1][1])
                everything = [p for ps in kinds for p in ps]
                if len(owners) < 2 or cr.shared_bases(ctx, everything):
                    continue
                products = list(everything)
                for ps in kinds:
                    products += [b for b in cr.shared_bases(ctx, ps) if b not in products]
                interfaces = [a for a in ctx.ancestors(ref) if a.cls.is_interface]
                factories = [ref, *owners]
                for f in factories:
                    out.setdefault(f.key, ("concrete_factory", interfaces, factories, products))
                for i in interfaces:
                    out.setdefault(i.key, ("abstract_factory", interfaces, factories, products))
                for p in products:
                    out.setdefault(p.key, ("product", interfaces, factories, products))
                break
        ctx._cache[key] = out
        return out

    # -- detection --------------------------------------------------------------------------

    @per_workspace
    def _products(self, ctx: Ctx) -> dict[str, ClassRef]:
        """Classes a concrete factory creates, and the product interfaces they implement."""
        out: dict[str, ClassRef] = {}
        families: list[Family] = []
        for base in ctx.ws.all_classes():
            families += self._families(ctx, base) or []
        families += list(self._duck(ctx).values())
        for factory, made in families:
            # A base the factory derives too (a framework's model base under everything) is no
            # product interface.
            shared = {a.key for a in ctx.ancestors(factory)}
            for _, p in made:
                out.setdefault(p.key, factory)
                for a in ctx.ancestors(p):
                    if a.key not in shared:
                        out.setdefault(a.key, factory)
        return out

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        products = self._products(ctx)
        duck = self._duck(ctx)
        delegating = self._delegating(ctx)
        for ref in ctx.classes():
            done: set[str] = set()
            if ref.key in products:
                factory = products[ref.key]
                done.add("product")
                yield ctx.det(
                    ref,
                    self.id,
                    "product",
                    0.8,
                    [
                        (
                            ref.cls.selection.line,
                            f"made by the concrete factory `{factory.cls.name}` (or implemented by what it makes)",
                        )
                    ],
                    [(factory, "concrete_factory")],
                )
            fams = self._families(ctx, ref)
            if fams:
                done.add("abstract_factory")
                yield ctx.det(
                    ref,
                    self.id,
                    "abstract_factory",
                    0.9,
                    [(ref.cls.selection.line, f"{len(fams)} implementations each create a family of products")],
                    [(f, "concrete_factory") for f, _ in fams],
                )
            # Interfaces first (the abstract factory is the interface, not a class between),
            # then the other bases: a factory base with helpers of its own is no interface, and
            # a concrete factory deriving it beside a mixin ABC is one of its factories still.
            for base in sorted(ctx.ancestors(ref), key=lambda a: not a.cls.is_interface):
                for f, made in self._families(ctx, base) or []:
                    if f == ref and "concrete_factory" not in done:
                        done.add("concrete_factory")
                        yield self._concrete(ctx, ref, made, [(base, "abstract_factory")])
            if ref.key in duck and "concrete_factory" not in done:
                done.add("concrete_factory")
                yield self._concrete(ctx, ref, duck[ref.key][1], [])
            if ref.key in delegating:
                role, interfaces, factories, made_all = delegating[ref.key]
                if role in done:
                    continue
                ev: list[Ev] = [(ref.cls.selection.line, self._why(role, factories))]
                parts = [
                    *((i, "abstract_factory") for i in interfaces),
                    *((f, "concrete_factory") for f in factories),
                    *((p, "product") for p in made_all if role != "product"),
                ]
                yield ctx.det(ref, self.id, role, 0.8, ev, parts)

    def _concrete(
        self, ctx: Ctx, ref: ClassRef, made: list[tuple[str, ClassRef]], parts: list[tuple[ClassRef, str]]
    ) -> Detection:
        ev: list[Ev] = [(ref.cls.methods[n].selection.line, f"`{n}` creates `{p.cls.name}`") for n, p in made]
        return ctx.det(ref, self.id, "concrete_factory", 0.9, ev, [*parts, *((p, "product") for _, p in made)])

    @staticmethod
    def _why(role: str, factories: list[ClassRef]) -> str:
        names = ", ".join(f"`{f.cls.name}`" for f in factories[1:])
        if role == "concrete_factory":
            first = factories[0].cls.name
            return f"one of the factories `{first}` chooses between ({names}) for products of different kinds"
        if role == "abstract_factory":
            return (
                f"implemented by `{factories[0].cls.name}`, which creates products of different kinds through {names}"
            )
        return f"created through `{factories[0].cls.name}`, which chooses between the factories {names}"
