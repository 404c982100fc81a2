"""What the creational detectors share: the nearest common base of what a factory makes, and
the classes a function hands out."""

from __future__ import annotations

import builtins

from agentls.patterns.context import Ctx, per_workspace
from agentls.patterns.detectors._basics import structural
from agentls.patterns.detectors._shared import is_exception
from agentls.patterns.facts import ClassFacts, FunctionFacts, ModuleIndex
from agentls.patterns.workspace import ClassRef


def shared_bases(ctx: Ctx, made: list[ClassRef]) -> list[ClassRef]:
    """The classes every one of ``made`` is or derives from (their common interface)."""
    if len(made) < 2:
        return []
    common = set.intersection(*({p.key} | {a.key for a in ctx.ancestors(p)} for p in made))
    shared = [a for a in [made[0], *ctx.ancestors(made[0])] if a.key in common]
    # The nearest ones: not the bases of a shared base (`Field`, not its mixins too).
    above = {b.key for a in shared for b in ctx.ancestors(a)}
    return [a for a in shared if a.key not in above]


def converts(m: FunctionFacts) -> bool:
    """Builds its result from the fields of an argument it requires (`to_entity(row)`, the
    fields read as attributes or, from a document or row dict, by name: `doc["name"]`,
    `doc.get("name")`): a mapping between representations, not the creation of a product. An
    argument handed whole to the class it returns (`create_document(config)` checking
    `config.format`, then `return PdfDocument(config)`) is what the product is made with, not
    what it unpacks."""
    required = {p.name for p in m.params if p.name not in ("self", "cls") and not p.has_default}
    handed = {a[6:] for c in m.calls if f"call:{c.func}" in m.returns for a in c.args if a.startswith("param:")}
    unpacked = required - handed
    if any(r.partition(".")[0] in unpacked for r in m.foreign_reads):
        return True
    by_name = {c for c, k in m.subscripts if k == "const"}
    by_name |= {c.receiver for c in m.calls if c.method == "get" and c.args[:1] == ("const",)}
    return bool(by_name & unpacked)


def through_local(ctx: Ctx, fn: FunctionFacts, module: ModuleIndex) -> list[ClassRef]:
    """The classes a function creates into one local it then returns, behind its branches
    (`pizza = None`, `if kind == "cheese": pizza = CheesePizza()` ..., `return pizza`): what
    it instantiates, when every `return` hands out that one local and all it instantiates
    share a base (or it instantiates one class); or into one attribute it then returns, when
    all it writes there is what it makes. Exceptions raised on the way, and an object
    made into another local that is handed to calls (the ingredient factory each pizza is
    given), do not count."""
    if fn.loops or ctx.returned_classes(fn, module):
        return []  # a loop assembles (a parser building a tree), a factory chooses
    names = {v for v in fn.returns if v != "none"}
    if len(names) != 1:
        return []
    only = next(iter(names))
    # The product made into an attribute of its own and answered from it (`self._car =
    # ChevyVolt()`, `self._car.name = ...`, `return self._car`): a local that outlives the call.
    kept = only.startswith("attr:self.") and only[10:] in fn.self_writes
    if not (only.startswith("name:") or kept):
        return []
    if kept and not all(v.startswith("call:") for v in fn.self_writes[only[10:]]):
        return []
    # What is made into another local and handed to calls (`factory = NYFactory()`, then
    # `pizza = CheesePizza(factory)` in each branch) is a collaborator of the products.
    handed = {
        callee
        for local, callee in fn.call_locals.items()
        if f"name:{local}" not in names and any(f"name:{local}" in c.args for c in fn.calls)
    }
    made: list[ClassRef] = []
    for call, r in ctx.instantiations(fn, module):
        if is_exception(ctx, r):
            continue
        if any(f"call:{call.func}" in c.args for c in fn.calls):
            return []  # an object made to be handed on (`tree.append(Number(x))`), not returned
        if call.func in handed:
            continue
        if r not in made:
            made.append(r)
    if len(made) == 1 or (made and shared_bases(ctx, made)):
        return made
    return []


def _table_call(fn: FunctionFacts, value: str) -> tuple[str, bool, str] | None:
    """(table, keyed by an input, default) of a `return` instantiating a table's value:
    `makers[kind](...)` or `makers.get(kind, Default)(...)`; or answering it (`return
    factories[kind]`, a table of instances)."""
    rest = value[5:] if value.startswith("call:") else ""
    if fn.call_locals.get(rest, "").endswith(".get"):
        # Looked up into a local first: `kind = cls._kinds.get(name)`, then `return kind()`.
        rest = f"{fn.call_locals[rest]}()"
    if rest.endswith("[]"):
        table = rest[:-2]
        return table, any(c == table and k not in ("const", "none") for c, k in fn.subscripts), ""
    if rest.endswith(".get()"):
        table = rest[:-6]
        for c in fn.calls:
            if c.func == f"{table}.get" and c.args:
                default = c.args[1][5:] if len(c.args) == 2 and c.args[1].startswith("name:") else ""
                return table, c.args[0] not in ("const", "none"), default
    if value.startswith("sub:"):  # `return factories[kind]`: an instance the table holds
        table = value[4:]
        return table, any(c == table and k not in ("const", "none") for c, k in fn.subscripts), ""
    return None


def _own_table(fn: FunctionFacts, module: ModuleIndex, table: str) -> bool:
    """A dict the function builds itself, or a class attribute of its class (`cls._kinds`):
    not one filled at run time (`self._handlers`, a parameter, a module-level registry)."""
    head, _, attr = table.partition(".")
    if not attr:
        params = {p.name for p in fn.params}
        return table not in params and table not in module.assigns and table not in module.import_map
    owner = module.classes.get(fn.qualname.rpartition(".")[0])
    return head in ("cls", "self") and "." not in attr and owner is not None and owner.class_attrs.get(attr) == "dict"


def _implementers(ctx: Ctx, base: ClassRef) -> list[ClassRef]:
    """The concrete subclasses of an interface, or the concrete classes implementing every
    method of a Protocol without deriving from it (``structural``)."""
    if not base.cls.is_protocol:
        return ctx.concrete(base)
    return [r for r in structural(ctx, base) if not r.cls.is_interface]


def _used_as(ctx: Ctx, fn: FunctionFacts, module: ModuleIndex) -> list[ClassRef]:
    """The interfaces of the module whose declared methods the module's callers of a function
    call on other objects (`loc = create_localizer("fr")`, `loc.localize(msg)`)."""
    called = {
        c.method
        for g in module.all_functions()
        if any(c.func == fn.name for c in g.calls)
        for c in g.calls
        if c.receiver and c.receiver != "self"
    }
    # Defined or imported there, or the interface of a class imported there (one class per
    # file: `from french_localizer import FrenchLocalizer` beside `localizer.py`).
    seen = [ClassRef(module, cls) for cls in module.classes.values()]
    seen += [r for name in module.import_map if (r := ctx.resolve(name, module)) is not None]
    seen += [a for r in list(seen) if r.module is not module for a in ctx.interface_ancestors(r)]
    out: list[ClassRef] = []
    for ref in seen:
        if (
            ref.cls.is_interface
            and ref.cls.abstract_methods & called
            and len(ctx.concrete(ref)) >= 2
            and ref not in out
        ):
            out.append(ref)
    return out if len(out) == 1 else []


def table_products(ctx: Ctx, fn: FunctionFacts, module: ModuleIndex) -> tuple[str, list[ClassRef]] | None:
    """The products of a function that instantiates the class its own table maps its argument
    to (`makers = {...}; return makers[kind]()`, `cls._kinds.get(kind, Plain)()`): the index
    keeps no contents of such a table, so they are the implementations, defined or imported
    in the module, of the interface the function is annotated to return (or of the default's
    interface, or the module's one interface its callers use), when there are two or more
    and the default is one of them; a Protocol they
    implement structurally comes last."""
    if len(fn.returns) > 2:
        return None
    for value in fn.returns:
        found = _table_call(fn, value)
        if found is None or not found[1] or not _own_table(fn, module, found[0]):
            continue
        table, _, name = found
        default = ctx.resolve(name, module) if name else None
        if name and default is None:
            continue  # the default is a function or a value: a table of callbacks
        bases = ctx.annotation_refs(fn.returns_annotation, module) or _declared(ctx, fn, module)
        if not bases and default is not None:
            bases = ctx.interface_ancestors(default)
        if not bases and default is None and "." not in table:
            bases = _used_as(ctx, fn, module)
        for base in bases:
            if not base.cls.is_interface:
                continue
            near = [c for c in _implementers(ctx, base) if c.module is module or c.cls.name in module.import_map]
            if value.startswith("sub:"):
                # A table of instances: of the classes the function makes there (`{ELF:
                # ElfKingdomFactory(), ORC: OrcKingdomFactory()}`), not of objects made elsewhere.
                made = {r.key for _, r in ctx.instantiations(fn, module)}
                near = [c for c in near if c.key in made]
            if len(near) >= 2 and (default is None or default in near):
                # A Protocol is no base the products share by name: named with them.
                return table.rpartition(".")[2], near + ([base] if base.cls.is_protocol else [])
        # A local table only: a class's cache filled on a miss (`cls._cache[code]`) keeps
        # what it made before, whatever it was asked for then.
        if value.startswith("sub:") and "." not in table and (kinds := _instances_made(ctx, fn, module)):
            return table.rpartition(".")[2], kinds
    return None


def _declared(ctx: Ctx, fn: FunctionFacts, module: ModuleIndex) -> list[ClassRef]:
    """What the method a method overrides is annotated to return (`ToyFactory.create_item`
    carrying out `ItemFactory.create_item(...) -> Item`): the override answers the same."""
    owner = module.classes.get(fn.qualname.rpartition(".")[0])
    if owner is None:
        return []
    for base in ctx.ancestors(ClassRef(module, owner)):
        declared = base.cls.methods.get(fn.name)
        if declared is not None and declared.returns_annotation:
            return ctx.annotation_refs(declared.returns_annotation, base.module)
    return []


def _instances_made(ctx: Ctx, fn: FunctionFacts, module: ModuleIndex) -> list[ClassRef]:
    """The classes a function answering the entry of its own table of instances makes there
    (`pets = dict(dog=Dog("rex"), cat=Cat("tom")); return pets[kind]`), with nothing to tell
    its interface by: two or more of the program's, sharing a base or, duck-typed, public
    methods (`speak`) the client can call whichever it gets."""
    made: list[ClassRef] = []
    for _, r in ctx.instantiations(fn, module):
        if r not in made and not is_exception(ctx, r):
            made.append(r)
    if len(made) < 2:
        return []
    common = set.intersection(*(set(r.cls.public_methods) for r in made))
    return made if shared_bases(ctx, made) or common else []


def parses(fn: FunctionFacts) -> bool:
    """Advances an input stream it is handed or holds (`next(self.stream)`, `next(parser.
    stream)`) before choosing: a parser returning the node the tokens call for (`Neg` or
    `Pos` after a `-` or `+`), its choice made by what it reads, not a product asked for by
    kind. (`next()` over a generator or `iter(...)` of its own, a first match, is not.)"""
    return any(c.func == "next" and c.args[:1] and c.args[0].startswith(("attr:", "param:")) for c in fn.calls)


def looked_up(ctx: Ctx, fn: FunctionFacts, module: ModuleIndex) -> tuple[str, list[ClassRef]] | None:
    """`cls = KINDS[kind]; return cls(...)`: a return calling a local that is neither a
    parameter nor a name of the program, in a function reading one module-level table by
    its argument, whose classes (two or more) share a base."""
    called = [v[5:] for v in fn.returns if v.startswith("call:")]
    local = [n for n in called if n.isidentifier() and fn.param(n) is None and n not in module.import_map]
    if not local or any(ctx.resolve(n, module) is not None or n in module.functions for n in local):
        return None
    tables = {c for c, k in fn.subscripts if c.isidentifier() and k.startswith("param:")}
    if len(tables) != 1:
        return None
    table = tables.pop()
    classes = table_classes(ctx, module, table)
    return (table, classes) if len(classes) >= 2 and shared_bases(ctx, classes) else None


def table_classes(ctx: Ctx, module: ModuleIndex, table: str) -> list[ClassRef]:
    """The classes a module-level dict maps its keys to (defined there, or imported from
    the module defining it: a factory class in a file of its own importing the map)."""
    entries = module.dicts.get(table)
    if entries is None and table in module.import_map:
        where, _, name = module.import_map[table].rpartition(".")
        package = module.module.rpartition(".")[0]  # or beside it, in a script folder
        home = ctx.ws.module_named(where) or (ctx.ws.module_named(f"{package}.{where}") if package else None)
        if home is not None and name in home.dicts:
            module, entries = home, home.dicts[name]
    entries = entries or []
    out: list[ClassRef] = []
    for r in (ctx.resolve(v, module) for e in entries for v in e.values):
        if r is not None and r not in out:
            out.append(r)
    return out


def _registering(cls: ClassFacts, fn: FunctionFacts, table: str) -> list[tuple[FunctionFacts, str, int]]:
    """The other methods of ``cls`` storing a parameter into ``self.<table>`` by key
    (`register(name, creator_cls)`: `self._registry[name] = creator_cls`), with that
    parameter's position among the arguments callers pass."""
    out = []
    for m in cls.methods.values():
        if m is fn:
            continue
        for op in m.container_ops:
            if op.op == "setitem" and op.container == f"self.{table}" and op.arg.startswith("param:"):
                passed = [p.name for p in m.params if p.name not in ("self", "cls")]
                if op.arg[6:] in passed:
                    out.append((m, op.arg[6:], passed.index(op.arg[6:])))
    return out


@per_workspace
def _handed_to(ctx: Ctx, method: str, position: int) -> list[ClassRef]:
    """The classes the program passes, by name, at ``position`` of its calls to a method so
    named (`registry.register_exporter("csv", CSVExporter)`)."""
    out: list[ClassRef] = []
    for module in ctx.ws.modules():
        units = module.units()
        for unit in units:
            for c in unit.calls:
                if c.method != method or len(c.args) <= position or not c.args[position].startswith("name:"):
                    continue
                r = ctx.resolve(c.args[position][5:], module)
                if r is not None and r not in out:
                    out.append(r)
    return out


def registered(ctx: Ctx, fn: FunctionFacts, module: ModuleIndex) -> tuple[str, list[ClassRef]] | None:
    """`creator_cls = self._registry.get(kind)`, `return creator_cls()`: a method instantiating
    a local (no name of the program) after reading by its argument a dict attribute that
    another method of its class fills with the class it is handed (`register(kind, cls)`).
    The products are the classes the program registers there (two or more sharing a base),
    or else the implementations of the `type[Base]` the registering parameter is annotated
    with."""
    cls = module.classes.get(fn.qualname.rpartition(".")[0])
    if cls is None or fn.kind != "method":
        return None
    # Keyed by a kind the caller names, not by the class of what it hands over
    # (`self._handlers.get(type(command))` routes a message to its handler).
    keyed = {c for c, k in fn.subscripts if k not in ("const", "none", "call:type")}
    keyed |= {
        c.receiver for c in fn.calls if c.method == "get" and c.args and c.args[0] not in ("const", "none", "call:type")
    }
    made = {
        c.func
        for c in fn.calls
        if c.func.isidentifier()
        and fn.param(c.func) is None
        and c.func not in module.import_map
        and c.func not in module.functions
        and c.func not in _BUILTINS
        and ctx.resolve(c.func, module) is None
    }
    answered = any(v[5:] in made or (v.startswith("name:") and fn.param(v[5:]) is None) for v in fn.returns)
    if not made or not answered:
        return None
    for container in sorted(keyed):
        table = container.removeprefix("self.")
        if table == container or "." in table:
            continue
        for m, name, position in _registering(cls, fn, table):
            products = _handed_to(ctx, m.name, position)
            if len(products) >= 2 and shared_bases(ctx, products):
                return table, products
            p = m.param(name)
            ann = (p.annotation or "") if p else ""
            # Only a parameter taking classes (`type[Queue]`); one taking instances
            # (`handler: CommandHandler`) registers objects to call, not classes to make.
            classes = ann.startswith(("type[", "Type[", "typing.Type["))
            bases = [b for b in ctx.annotation_refs(ann, module) if b.cls.is_interface] if classes else []
            implementers = [c for b in bases[:1] for c in _implementers(ctx, b)]
            if len(implementers) >= 2:
                return table, implementers
    return None


_BUILTINS = frozenset(dir(builtins))
