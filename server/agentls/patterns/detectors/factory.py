from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx, Ev, Target, per_workspace
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors import _creational as cr
from agentls.patterns.detectors._class_configured import configured_made
from agentls.patterns.detectors._creation_methods import attribute_methods, creation_methods, declared
from agentls.patterns.detectors._duck_creators import implied_creators, implied_products
from agentls.patterns.detectors._introspected import introspected
from agentls.patterns.facts import FunctionFacts, ModuleIndex
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef

# (evidence, products) of one factory function
Found = tuple[list[Ev], list[ClassRef]]


@register
class Factory(Detector):
    """Puts the decision of *which* class to instantiate in one place, so callers ask for a
    product by kind and depend only on its common interface. New products need only the factory
    changed; the cost is one more indirection, and a factory that grows a long `if` chain or
    table becomes a place every change must touch. Covers simple factories (a function or
    method choosing among classes) and the GoF factory method (subclasses decide the class).

    ## Roles
    - `factory`: a function, method or class that returns one of several classes chosen by
      argument.
    - `creator`: a class whose method calls an overridable creation method.
    - `concrete_creator`: a subclass that overrides the creation method.
    - `product`: a class the factory creates.

    ## How it is detected
    - A function or method whose `return` statements instantiate two or more different classes
      of the workspace (its own, or those of a closure it hands back: a route handler defined
      inside it and registered, not returned, answers its own callers; both branches of a
      conditional expression count, `return Circle() if round else Square()`; or that
      creates them, behind its branches, into one local it returns:
      `pizza = CheesePizza()` ... `return pizza`, when they share a base; an object made into
      another local and handed to each, `kit = RegionKit()` then `CheesePizza(kit)`, is no
      product), behind a branch,
      with at least two thirds of its `return`s being such instantiations (a `return None`,
      or of an argument as it came, `return auth` when it is one already, not counted: a
      coercion building a class per kind of input) and no more
      decisions than choosing among them needs (cyclomatic complexity at most twice the
      number of products plus two: a long request handler that sometimes redirects is not a
      factory); or that instantiates the value found in a
      module-level dict of classes keyed by its argument (`return SHAPES[kind](...)`; the dict
      may be imported from the module defining it, its entries may be lambdas making the class,
      `"circle": lambda size: Circle(size)`, and the class may be looked up into a local first,
      `cls = SHAPES[kind]; return cls(size)`, when the classes share a base); or that
      returns the class itself found in such a dict for its arguments (a class-selecting
      factory, `return _CLASS_MAP[(graph, nested)]`, when the classes share a base); or that
      instantiates the value its own table maps its argument to, a dict built in the function
      or a class attribute (`kinds = {...}; return kinds[room]()`, `cls._stock.get(style,
      LedLamp)()`, or looked up into a local first: `lamp = cls._stock.get(style)` ...
      `return lamp()`), or answers the instance such a table of instances it makes there maps its
      argument to (`factories = {ELF: ElfFactory(), ORC: OrcFactory()}; return
      factories[kind]`: its products are the classes it makes there), when it is annotated
      to return an interface (or the method it overrides is: `ToyShop.make(name)` under
      `Shop.make(name) -> Toy`; or the default is a class of one, or, for a table built in a
      function annotated with nothing, the one interface of
      the module (defined, imported, or implemented by a class imported there, as in a folder
      of one class per file) whose declared methods the function's callers there call) that two or more
      classes defined or imported in the module implement, by deriving from it or, for a
      `Protocol`, structurally: those (and the `Protocol`) are its products (a table of
      callbacks answering plain values, one filled at run time or read with a constant key
      is none); a table of instances with nothing of these to tell its interface by counts
      when the classes made there (two or more) share a base or public methods (`pets =
      dict(dog=Dog("rex"), cat=Cat("tom")); return pets[kind]`); or, a method, that
      instantiates what it finds by its argument in a dict
      attribute another method of its class fills with the class it is handed (`register(
      kind, queue_class)`), the classes the program registers there (two or more sharing a
      base; else the implementations of the `type[Base]` the registering parameter is
      annotated with) being its products (looked up by the class of its argument,
      `.get(type(command))`, it routes a message to its handler instead); or, a method, that
      instantiates what it finds by its argument in a dict attribute another method of its
      class fills by introspection with the classes passing a subclass check (`if
      issubclass(kind, Vehicle): self.vehicles[name] = kind` over `inspect.getmembers(mod)`),
      the concrete subclasses of that base being its products (a table of functions found the
      same way holds hooks, not classes); or that chooses between two or more such
      factories and returns what they make; or, a method, that makes an instance of a local
      it set from a class attribute its class's subclasses set to two or more classes
      (`Storage = self.storage_class` ... `return Storage(self.name)`): those classes are its
      products (a builtin or a module's function called there makes nothing). Not a
      factory: a parser method that advances the token stream it reads (`next(self.stream)`)
      and returns the node the tokens call for.
    - A class whose public methods are all such factories and that keeps no state of its own
      (a factory class of static methods) is reported as the `factory` itself, in place of its
      method.
    - Factory method: a method declared in a base class (abstract or overridden) that two or
      more subclasses override, each returning an instance of a different class (made in the
      `return`, or into a local or an attribute it then answers, `self._car = Volt()` ... `return
      self._car`; not `self`,
      nor a wrapper around `self`, nor a class of the base's own hierarchy, nor a conversion
      of an argument's fields, read as attributes or by name from a document or row dict:
      `Card(doc["title"], doc.get("width"))`), or each choosing among two or more classes, the same ones
      (a parameterized factory method: two pizza stores making the same pizzas, each with
      its own ingredient factory), and that another method of the base calls on `self` (0.85),
      or that the base only declares, abstract or empty, for the subclasses to fill in
      (0.75: `LocalizerFactory.create_localizer`). One overriding subclass is enough when
      the base's own method makes a default product of one other class and another method
      of the base calls it on `self`, both answering a new object on every path
      (`Dialog.create_button()` making a `Button`, `WebDialog`'s an `HtmlButton`): both
      products. So is one subclass whose override chooses among two or more classes, of a
      method the base declares (abstract or empty) and another method of the base calls on
      `self` (`order_pizza` running `self._create_pizza(item)`): the first concrete creator.
    - Factory method through a class attribute: a base method returns a new instance of
      `cls.<attr>` / `self.<attr>`, a class attribute naming a class that subclasses replace
      with other classes, and other methods of the base call it. The base is the `creator`,
      each subclass replacing the class a `concrete_creator`.
    - Factory method with no creator interface written (duck typing, 0.7): a module function
      calling one method, without arguments, on a parameter typed as no class of the program,
      and the program (outside tests) handing it objects of two or more classes (made in
      place, a module variable, a local made before) sharing no base defining that method,
      each answering it with a new object of one class of its own, different between them
      (`admit(Booth())`, `admit(App())`): each is a `concrete_creator`. A function asking what
      it is handed for two or more things is an abstract factory's client; the same classes
      handed nowhere are no creators.

    Every class a detected factory or factory method creates is a `product` (0.75), and so is
    the base class all of one factory's products share (the product interface). Names imported
    from a sibling module by bare module name (script-style examples) are resolved in the
    importing module's own folder.
    """

    id = "factory"
    category = "creational"
    roles: ClassVar[dict[str, str]] = {
        "factory": "chooses and creates a product",
        "creator": "calls an overridable creation method",
        "concrete_creator": "overrides the creation method",
        "product": "a created class",
    }

    # -- simple factories -------------------------------------------------------------------

    def _simple(self, ctx: Ctx, fn: FunctionFacts, module: ModuleIndex, owner: str = "") -> Found | None:
        key = ("factory_simple", module.path, fn.qualname)
        if key not in ctx._cache:
            ctx._cache[key] = None  # a factory delegating to itself is not two factories
            ctx._cache[key] = self._compute_simple(ctx, fn, module, owner)
        return ctx._cache[key]  # type: ignore[no-any-return]

    def _compute_simple(self, ctx: Ctx, fn: FunctionFacts, module: ModuleIndex, owner: str) -> Found | None:
        if fn.name.startswith("__") or fn.kind == "property" or not fn.returns or cr.parses(fn):
            return None
        products = [r for r in ctx.returned_classes(fn, module) if r.cls.name != owner]
        made = sum(1 for v in fn.returns if v.startswith("call:") and ctx.resolve(v[5:], module) is not None)
        if not products:
            # `toy = None`; `if kind == "car": toy = Car()` ...; `return toy`
            products = [r for r in cr.through_local(ctx, fn, module) if r.cls.name != owner]
            made = len(fn.returns) if products else 0
        # A factory's answers are its products; a function that mostly returns other things
        # (a request handler that sometimes redirects) only happens to construct some.
        choosing = 1 < fn.complexity <= 2 * len(products) + 2  # its decisions pick the class
        # Handing back None, or what it was given (`return auth` when that is an `Auth`
        # already), is no other answer: a coercion building a class per kind of input chooses.
        answers = [v for v in fn.returns if v != "none" and not v.startswith("param:")]
        if len(products) >= 2 and choosing and made * 3 >= len(answers) * 2:
            return [(fn.selection.line, f"returns one of {len(products)} classes depending on its input")], products
        takes_input = any(p.name not in ("self", "cls") for p in fn.params)
        for value in fn.returns:
            kind, _, rest = value.partition(":")
            if kind == "call" and rest.endswith("[]"):
                table = rest[:-2].removeprefix("self.").removeprefix("cls.")
                classes = cr.table_classes(ctx, module, table)
                if len(classes) >= 2:
                    return [(fn.selection.line, f"instantiates the class found in `{table}` for its argument")], classes
                classes = introspected(ctx, fn, module, table) if takes_input else []
                if classes:
                    ev = (fn.selection.line, f"instantiates the class it loaded into `{table}` for its argument")
                    return [ev], classes
            elif kind == "sub" and takes_input and len(fn.returns) <= 2:
                # `return TABLE[key]`: the class itself, chosen by the arguments, for the caller
                # to instantiate. Only a table of related classes (one family) is a factory.
                keyed = any(c == rest and k not in ("const", "none") for c, k in fn.subscripts)
                classes = cr.table_classes(ctx, module, rest) if keyed else []
                if len(classes) >= 2 and cr.shared_bases(ctx, classes):
                    ev = (fn.selection.line, f"returns the class found in `{rest}` for its arguments")
                    return [ev], classes
        cls = module.classes.get(fn.qualname.rpartition(".")[0])
        configured = configured_made(ctx, ClassRef(module, cls), fn) if cls is not None else []
        if configured:
            ev = (fn.selection.line, "instantiates the class its subclasses set in a class attribute")
            return [ev], configured
        looked_up = cr.looked_up(ctx, fn, module) if takes_input and len(fn.returns) <= 2 else None
        if looked_up is not None:
            ev = (fn.selection.line, f"instantiates the class it looks up in `{looked_up[0]}` by its argument")
            return [ev], looked_up[1]
        own = cr.table_products(ctx, fn, module)
        if own is not None:
            ev = (fn.selection.line, f"instantiates the class its table `{own[0]}` maps its argument to")
            return [ev], own[1]
        kept = cr.registered(ctx, fn, module) if takes_input else None
        if kept is not None:
            return [(fn.selection.line, f"instantiates the class registered in `{kept[0]}` for its argument")], kept[1]
        # Choosing between other factories and returning what they make.
        delegated: list[tuple[str, Found]] = []
        for value in fn.returns:
            if value.startswith("call:"):
                inner = self._factory_called(ctx, value[5:], module)
                if inner is not None and inner[0] not in (d[0] for d in delegated):
                    delegated.append(inner)
        if len(delegated) >= 2 and fn.complexity > 1 and len(delegated) * 3 >= len(fn.returns) * 2:
            products = []
            for _, (_, ps) in delegated:
                products += [p for p in ps if p not in products]
            names = ", ".join(f"`{n}`" for n, _ in delegated)
            return [(fn.selection.line, f"chooses between the factories {names}")], products
        return None

    def _factory_called(self, ctx: Ctx, func: str, module: ModuleIndex) -> tuple[str, Found] | None:
        """`ChairFactory.get_chair` or `make_shape`: a simple factory of the workspace."""
        receiver, _, name = func.rpartition(".")
        if receiver:
            owner = ctx.resolve(receiver, module)
            fn = owner.cls.methods.get(name) if owner is not None else None
            if owner is None or fn is None or fn.kind not in ("staticmethod", "classmethod"):
                return None
            found = self._simple(ctx, fn, owner.module, owner.cls.name)
            return (f"{owner.cls.name}.{name}", found) if found else None
        fn = module.functions.get(name)
        found = self._simple(ctx, fn, module) if fn is not None else None
        return (name, found) if found else None

    @per_workspace
    def _factory_class(self, ctx: Ctx, ref: ClassRef) -> list[tuple[FunctionFacts, Found]]:
        """The factories of a class that does nothing else and keeps no state."""
        out: list[tuple[FunctionFacts, Found]] = []
        cls = ref.cls
        init = cls.methods.get("__init__")
        public = [m for n, m in cls.methods.items() if not n.startswith("_")]
        plain = all(a.cls.is_interface for a in ctx.ancestors(ref))  # no behaviour inherited
        if public and not (init is not None and init.self_writes) and plain:
            for m in public:
                found = self._simple(ctx, m, ref.module, cls.name)
                if not found:
                    out = []
                    break
                out.append((m, found))
        return out

    # -- detection --------------------------------------------------------------------------

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        owners = {}
        for ref in ctx.classes():
            for m, _ in self._factory_class(ctx, ref):
                owners[id(m)] = ref
        for ref in ctx.classes():
            made = self._factory_class(ctx, ref)
            if made:
                ev = [ev for _, (evs, _) in made for ev in evs]
                prods = [(p, "product") for _, (_, ps) in made for p in ps]
                yield ctx.det(ref, self.id, "factory", 0.85, ev, prods)
        for fn in ctx.index.functions.values():
            found = self._simple(ctx, fn, ctx.index)
            if found:
                yield ctx.det(fn, self.id, "factory", 0.85, found[0], [(p, "product") for p in found[1]])
        for ref in ctx.classes():
            for fn in ref.cls.methods.values():
                if id(fn) in owners:
                    continue
                found = self._simple(ctx, fn, ctx.index, ref.cls.name)
                if found:
                    yield ctx.det(fn, self.id, "factory", 0.85, found[0], [(p, "product") for p in found[1]])
        products = self._products(ctx)
        implied = implied_creators(ctx)
        for ref in ctx.classes():
            if (c := implied.get(ref.key)) is not None:
                m = ctx.all_methods(ref)[c.method]
                ev = [
                    (m.selection.line, f"`{c.method}` creates `{c.product.cls.name}`; no creator interface is written"),
                    (ref.cls.selection.line, f"`{c.user}` calls `{c.method}()` on what it is handed; {c.site}"),
                ]
                yield ctx.det(ref, self.id, "concrete_creator", 0.7, ev, [(c.product, "product")])
            yield from self._factory_method(ctx, ref)
            yield from self._attribute_creator(ctx, ref)
            maker = products.get(ref.key)
            if maker is not None:
                where, made_by, path = maker
                # A factory function elsewhere cannot be placed from here: named in the evidence.
                parts = [(made_by, "factory")] if path == ctx.index.path or isinstance(made_by, ClassRef) else []
                yield ctx.det(ref, self.id, "product", 0.75, [(ref.cls.selection.line, where)], parts)

    @per_workspace
    def _products(self, ctx: Ctx) -> dict[str, tuple[str, Target, str]]:
        """Every class some factory of the workspace creates, and the base they share."""
        out: dict[str, tuple[str, Target, str]] = {}

        def add(made: list[ClassRef], by: Target, name: str, path: str) -> None:
            for p in made:
                made_by = f"the interface of what `{name}` creates" if p.cls.is_interface else f"created by `{name}`"
                out.setdefault(p.key, (made_by, by, path))
            for a in cr.shared_bases(ctx, made):
                out.setdefault(a.key, (f"the interface of what `{name}` creates", by, path))

        for module in ctx.ws.modules():
            for fn in module.functions.values():
                if fn.returns:
                    found = self._simple(ctx, fn, module)
                    if found:
                        add(found[1], fn, fn.qualname, module.path)
            for cls in module.classes.values():
                ref = ClassRef(module, cls)
                for fn in cls.methods.values():
                    if fn.returns:
                        found = self._simple(ctx, fn, module, cls.name)
                        if found:
                            add(found[1], ref, fn.qualname, module.path)
                for name, subs in creation_methods(ctx, ref).items():
                    add([p for _, p in subs], ref, f"{cls.name}.{name}", module.path)
                for name, (_, made, _) in attribute_methods(ctx, ref).items():
                    add(made, ref, f"{cls.name}.{name}", module.path)
        for key, product in implied_products(ctx).items():  # what creators implied by duck typing make
            out.setdefault(key, product)
        return out

    # -- factory method ---------------------------------------------------------------------

    def _factory_method(self, ctx: Ctx, ref: ClassRef) -> Iterator[Detection]:
        creators = creation_methods(ctx, ref)
        if len(creators) == 1:
            name, subs = next(iter(creators.items()))
            users = [m for m in ref.cls.methods.values() if name in m.self_calls]
            if users:
                ev: list[Ev] = [
                    (users[0].selection.line, f"`{users[0].name}` calls `self.{name}()`, which subclasses override")
                ]
                yield ctx.det(ref, self.id, "creator", 0.85, ev, [(s, "concrete_creator") for s, _ in subs if s != ref])
            elif declared(ref, name):
                m = ref.cls.methods[name]
                ev = [(m.selection.line, f"declares `{name}`, which each subclass overrides to create its own class")]
                yield ctx.det(ref, self.id, "creator", 0.75, ev, [(s, "concrete_creator") for s, _ in subs if s != ref])
        for base in ctx.ancestors(ref):
            for name, subs in creation_methods(ctx, base).items():
                called = any(name in m.self_calls for m in base.cls.methods.values())
                for sub, product in subs:
                    if sub == ref and (called or declared(base, name)):
                        line = ref.cls.methods[name].selection.line
                        yield ctx.det(
                            ref,
                            self.id,
                            "concrete_creator",
                            0.85 if called else 0.75,
                            [(line, f"overrides `{name}` to create `{product.cls.name}`")],
                            [(base, "creator"), (product, "product")],
                        )

    # -- factory method through a class attribute -------------------------------------------

    def _attribute_creator(self, ctx: Ctx, ref: ClassRef) -> Iterator[Detection]:
        methods = attribute_methods(ctx, ref)
        if methods:
            ev: list[Ev] = [
                (ref.cls.methods[n].selection.line, f"`{n}` creates `{a}`, a class subclasses replace")
                for n, (a, _, _) in methods.items()
            ]
            subs = {s.key: s for _, _, ss in methods.values() for s in ss}
            yield ctx.det(ref, self.id, "creator", 0.8, ev, [(s, "concrete_creator") for s in subs.values()])
            return
        if ref.key in self._products(ctx):
            return  # reported once, as a product of the factory choosing it
        for base in ctx.ancestors(ref):
            for name, (attr, _, overriding) in attribute_methods(ctx, base).items():
                if ref in overriding and attr in ref.cls.class_attrs:
                    product = ctx.resolve(ref.cls.class_attrs[attr][5:], ref.module)
                    yield ctx.det(
                        ref,
                        self.id,
                        "concrete_creator",
                        0.75,
                        [(ref.cls.selection.line, f"replaces `{attr}`, the class `{base.cls.name}.{name}` creates")],
                        [(base, "creator"), *([(product, "product")] if product else [])],
                    )
                    return
