"""What clients hand over: strategies handed to the method that runs them (not held), a
client calling one method with different implementations of one interface; and classes
handed to a constructor that makes its collaborator from them (`Dial(Ascii)`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from agentls.patterns.context import Collab, Ctx, per_workspace
from agentls.patterns.detectors._classes_set import class_named, classes_set, makes_from_param
from agentls.patterns.detectors._duck_passed import duck_family, stand_in
from agentls.patterns.detectors._messages import message_roles
from agentls.patterns.detectors._shared import is_exception, is_repository, is_test_file, is_test_module, is_uow
from agentls.patterns.facts import Call, FunctionFacts, ModuleIndex
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef

_Target = ClassRef | FunctionFacts


@dataclass
class Passed:
    interface: ClassRef
    impls: list[ClassRef]  # the family's concrete classes
    context: ClassRef | None  # None: the context is the module function ``method``
    method: FunctionFacts
    param: str
    home: ModuleIndex  # where ``method`` is defined
    passed: list[ClassRef] = field(default_factory=list)  # what the clients hand over
    implied: bool = False  # the interface is written nowhere: ``interface`` is a stand-in


def _receiver_class(ctx: Ctx, module: ModuleIndex, call: Call, fn: FunctionFacts | None = None) -> ClassRef | None:
    """The class of a call's receiver when the code says it: a local the calling function made
    from a class (`till = Till(); till.total(...)`), a module variable made from one
    (`CHARACTER = Character()`) or the class itself (a class or static method); else, for a
    local of unknown origin, the one workspace class defining the method, if only one does."""
    receiver = call.receiver
    # What the local was made from first: a method name such as `calculate` is often defined
    # by several classes of a program (or by each chapter of an examples repository).
    made = made_class(ctx, module, fn, receiver) if fn is not None and receiver and "." not in receiver else None
    if made is not None:
        return made
    value = module.assigns.get(receiver, "")
    if value.startswith("call:"):
        return ctx.ws.resolve(module, value[5:])
    if receiver[:1].isupper() and "." not in receiver:
        return ctx.ws.resolve(module, receiver)
    owners = ctx.by_method(True).get(call.method, []) if "." not in receiver and receiver != "self" else []
    return owners[0] if len(owners) == 1 else None


def made_class(ctx: Ctx, module: ModuleIndex, fn: FunctionFacts, local: str) -> ClassRef | None:
    """The workspace class a local of ``fn`` was made from (`till = Till()`): the callee of the
    one call it is bound to (``FunctionFacts.call_locals``), when that is named as a class is."""
    made = fn.call_locals.get(local, "")
    return ctx.ws.resolve(module, made) if made[:1].isupper() else None


def _handed(ctx: Ctx, module: ModuleIndex, fn: FunctionFacts, call: Call, arg: str) -> ClassRef | None:
    """The class an argument hands over: the class itself (`run(Walking)`) or an instance made
    without arguments (`run(Walking())`). An instance made with arguments carries its own
    request or receiver (`invoker.run(LightOn(lamp))`): a command, not an algorithm."""
    if arg.startswith("name:"):
        return ctx.ws.resolve(module, arg[5:])
    if arg.startswith("call:"):
        # The first such call from the line the call starts on: a call spread over lines
        # (`run(\n    payment=Pix(),\n)`) makes its arguments on the lines below.
        first = min((c.line for c in fn.calls if c.func == arg[5:] and c.line >= call.line), default=None)
        made = [c for c in fn.calls if c.func == arg[5:] and c.line == first]
        if made and not any(c.args for c in made):
            return ctx.ws.resolve(module, arg[5:])
    return None


def _arranged(ctx: Ctx, module: ModuleIndex, fn: FunctionFacts, call: Call, arg: str) -> ClassRef | None:
    """The class a test hands over as a local it arranged first (`tax = ISS()`, then
    `calc.run(order, tax)`): made once without arguments before the call and asked nothing (one
    filled in first, `tree = Node(); tree.add(leaf)`, is an object handed, no algorithm). Asked
    of tests only: demo code binding its adapters and visitors to locals (`target = Adapter();
    client_code(target)`) shows no choice between them."""
    made = fn.call_locals.get(arg[5:], "") if arg.startswith("name:") else ""
    if not made[:1].isupper():
        return None
    earlier = [c for c in fn.calls if c.func == made and c.line <= call.line]
    fresh = bool(earlier) and not any(c.args for c in earlier) and not any(c.receiver == arg[5:] for c in fn.calls)
    return ctx.ws.resolve(module, made) if fresh else None


def _uses(method: FunctionFacts, param: str, family_methods: set[str]) -> bool:
    """The method runs what it is given: calls it (`style(position)`, `strategy()`) or calls
    one of the family's methods on it, and keeps neither it nor what it makes of it (a site
    registering admin classes by model, `self._registry[model] = admin_class(model, self)`,
    is a registry, not a context)."""
    kept = {f"param:{param}", f"call:{param}"}
    if any(op.arg in kept for op in method.container_ops) or any(
        kept & set(values) for values in method.self_writes.values()
    ):
        return False
    return any(c.func == param or (c.receiver == param and c.method in family_methods) for c in method.calls)


def _answers_made(method: FunctionFacts, param: str, family: list[ClassRef]) -> bool:
    """The method answers an object it makes from the class it is handed around what it
    computed (`return cls(result)`) and asks nothing of it: with no `__call__` in the family,
    calling the class only makes one, so the caller picks the type of the answer (a parser's
    result class), no algorithm the method runs. Made with nothing of the method's
    (`return strategy()`), it is the implementation chosen, handed back."""
    made = [c for c in method.calls if c.func == param]
    if any(c.receiver == param for c in method.calls) or f"call:{param}" not in method.returns:
        return False
    if not made or not all(c.args for c in made):
        return False
    return not any("__call__" in f.cls.methods for f in family)


def _makes(ctx: Ctx, method: FunctionFacts, param: str, impls: list[ClassRef]) -> bool:
    """Every implementation answers what the method calls on it by making an object of a
    workspace class (`create_button()` returning `WinButton()`): an Abstract Factory's client."""
    called = {c.method for c in method.calls if c.receiver == param}
    answers = [(impl, impl.cls.methods[n]) for impl in impls for n in sorted(called) if n in impl.cls.methods]
    made = bool(answers) and all(ctx.returned_classes(m, impl.module) for impl, m in answers)
    return made and not same_answers(ctx, impls, called)


def _fluent(method: FunctionFacts, param: str, impls: list[ClassRef]) -> bool:
    """Every implementation answers what the method calls on it with itself (`return self`):
    steps of a fluent builder the method drives, no algorithm computing an answer."""
    called = {c.method for c in method.calls if c.receiver == param}
    answers = [impl.cls.methods[n].returns for impl in impls for n in called if n in impl.cls.methods]
    return bool(answers) and all(r and all(v == "self" for v in r) for r in answers)


def same_answers(ctx: Ctx, impls: list[ClassRef], called: set[str]) -> bool:
    """Each implementation answers every call with an object of the same classes as the others
    (`can_pay()` making a `Verdict` in each, `pay()` a `Receipt`): a result the algorithm
    fills in, not a product that varies with the implementation, as an Abstract Factory's
    `create_button()` making `WinButton` in one and `MacButton` in another does."""
    made: dict[str, list[frozenset[str]]] = {}
    for impl in impls:
        for name in called & set(impl.cls.methods):
            classes = frozenset(r.key for r in ctx.returned_classes(impl.cls.methods[name], impl.module))
            made.setdefault(name, []).append(classes)
    shared = [len(set(kinds)) == 1 and bool(kinds[0]) for kinds in made.values()]
    return any(len(kinds) >= 2 for kinds in made.values()) and all(shared)


def _family(ctx: Ctx, passed: list[ClassRef]) -> ClassRef | None:
    """The nearest workspace base that two or more of the handed classes derive from."""
    counts: dict[str, tuple[ClassRef, set[str]]] = {}
    for p in passed:
        for anc in ctx.ancestors(p):
            counts.setdefault(anc.key, (anc, set()))[1].add(p.key)
    best = None
    for anc, keys in counts.values():
        if len(keys) >= 2 and anc.cls.methods and (best is None or anc in ctx.ancestors(best[0])):
            best = (anc, keys)
    return best[0] if best is not None else None


@per_workspace
def passed_strategies(ctx: Ctx) -> list[Passed]:
    """Method parameters that clients fill with two or more implementations of one interface
    and that the method runs."""
    sites: dict[tuple[str, str, int], tuple[ClassRef | None, FunctionFacts, ModuleIndex, list[ClassRef]]] = {}
    for module in ctx.ws.modules():
        testing = is_test_file(module)
        fns = module.units()
        for fn in fns:
            for call in fn.calls:
                if not call.args:
                    continue
                if call.receiver:
                    owner = _receiver_class(ctx, module, call, fn)
                    method = ctx.all_methods(owner).get(call.method) if owner is not None else None
                    home = owner.module if owner is not None else module
                    key = owner.key if owner is not None else ""
                else:  # a module function running what it is handed (`travel(Trot(), spot)`)
                    found = ctx.ws.function(module, call.func)
                    owner, (home, method) = None, found or (module, None)
                    key = f"{home.module}.{method.qualname}" if method is not None else ""
                if method is None or method.name.startswith("__") or not key:
                    continue
                if testing and is_test_module(home):
                    continue  # a test's helper run on the test's own objects
                for i, arg in enumerate(call.args[: len(method.params)]):
                    handed = _handed(ctx, module, fn, call, arg)
                    if handed is None and testing:
                        handed = _arranged(ctx, module, fn, call, arg)
                    # A test handing the program's own classes in turn (`calc.run(order, ISS())`,
                    # `calc.run(order, ICMS())`) shows what the program may hand; its doubles
                    # (`FakeTax` declared in the tests, a `Mock()`) show nothing of the program.
                    if handed is not None and testing and is_test_module(handed.module):
                        continue
                    if handed is not None:
                        entry = sites.setdefault((key, method.name, i), (owner, method, home, []))
                        if handed not in entry[3]:
                            entry[3].append(handed)
    out: list[Passed] = []
    for (_, _, i), (owner, method, home, given) in sites.items():
        if len(given) < 2:
            continue  # one implementation passed: nothing is chosen
        param = method.params[i].name
        judged = _written(ctx, owner, method, home, param, given) or _implied(ctx, owner, method, home, param, given)
        if judged is not None:
            out.append(judged)
    return out


def _written(
    ctx: Ctx, owner: ClassRef | None, method: FunctionFacts, home: ModuleIndex, param: str, given: list[ClassRef]
) -> Passed | None:
    """The handed classes' written family, when the method runs it."""
    iface = _family(ctx, given)
    if iface is None or (owner is not None and (iface == owner or owner in ctx.descendants(iface))):
        return None
    if is_repository(ctx, iface) or is_uow(ctx, iface) or is_exception(ctx, iface) or message_roles(ctx, iface):
        return None  # persistence ports, errors and messages are handed over, not run
    if not _uses(method, param, set(ctx.all_methods(iface))) or _rule(iface):
        return None
    impls = [d for d in ctx.descendants(iface) if not d.cls.is_interface]
    if _answers_made(method, param, [iface, *impls]):
        return None  # the type of what it answers (`return cls(result)`), not an algorithm
    if _makes(ctx, method, param, impls):
        return None  # a factory handed to its client (`run(WinWidgets())` asking it for a button)
    if _fluent(method, param, impls):
        return None  # a builder handed to its director (`builder.set_engine().set_wheels()`)
    if _inherited(ctx, method, param, iface, impls):
        return None  # a method of the base the implementations share (a template method)
    return Passed(iface, impls, owner, method, param, home, [h for h in given if h in impls])


def _implied(
    ctx: Ctx, owner: ClassRef | None, method: FunctionFacts, home: ModuleIndex, param: str, given: list[ClassRef]
) -> Passed | None:
    """The handed classes' family written nowhere (``_duck_passed``), when the method runs it."""
    written = _family(ctx, given)
    if written is not None and _rule(written):
        return None  # rules of a written Specification, not classes sharing only a name
    impls = duck_family(ctx, given, method, param)
    if not impls or (owner is not None and any(owner == g or owner in ctx.ancestors(g) for g in impls)):
        return None  # nothing shared, or a class handed its own kind (a chain, a wrapper)
    if not _uses(method, param, set(ctx.all_methods(impls[0]))) or _makes(ctx, method, param, impls):
        return None
    return Passed(stand_in(home, method, param, impls[0], ctx), impls, owner, method, param, home, impls, True)


def _rule(iface: ClassRef) -> bool:
    """An interface declaring nothing but one predicate over a candidate
    (`is_satisfied_by(context) -> bool`): a business rule handed to what checks it, a
    Specification, not an algorithm run for the caller."""
    public = list(iface.cls.public_methods.values())
    return len(public) == 1 and public[0].returns_annotation == "bool" and len(public[0].params) == 1


def _inherited(ctx: Ctx, method: FunctionFacts, param: str, iface: ClassRef, impls: list[ClassRef]) -> bool:
    """What the method calls on the object is a concrete method of the family's base that the
    implementations do not override (`client_code(ConcreteClass1())` calling the base's
    `template_method()`, or on the instance it makes of the class it is handed: `means =
    transport(destination); means.take_trip()`): the algorithm that varies is not what is run."""
    made = {local for local, callee in method.call_locals.items() if callee == param}
    called = {c.method for c in method.calls if c.receiver == param or c.receiver in made}
    base = ctx.all_methods(iface)
    varying = {n for n in called if any(n in i.cls.methods for i in impls)}
    return bool(called) and not varying and all(n in base and not base[n].abstract for n in called)


def passed_detections(ctx: Ctx, pattern: str, done: set[tuple[str, str]]) -> Iterator[Detection]:
    """The detections of this module's symbols in a family handed to the method (or module
    function) that runs it; ``done`` holds (class key, role) already reported for a held family."""
    mine = {r.key for r in ctx.classes()}
    for p in passed_strategies(ctx):
        names = ", ".join(f"`{h.cls.name}`" for h in p.passed[:3])
        runner = f"{p.context.cls.name}.{p.method.name}" if p.context is not None else p.method.qualname
        where = f"`{runner}({p.param})`"
        # A function of another module cannot be named as a participant from here.
        context: _Target | None = p.context or (p.method if p.home is ctx.index else None)
        ctx_part: list[tuple[_Target, str]] = [(context, "context")] if context else []
        others: list[tuple[_Target, str]] = [(i, "concrete_strategy") for i in p.impls]
        calls = ", ".join(f"`{n}`" for n in p.interface.cls.methods)
        implements = f"implements `{p.interface.cls.name}`; handed to {where}"
        if p.implied:
            implements = f"defines {calls}, all that {where} calls on what it is handed"
        what = f"object ({calls})" if p.implied else f"`{p.interface.cls.name}`"
        found: list[tuple[_Target, str, list[tuple[int, str]], list[tuple[_Target, str]]]]
        found = [
            (
                p.interface,
                "strategy",
                [(p.interface.cls.selection.line, f"{names} are handed to {where}, which runs them")],
                [*others, *ctx_part],
            )
        ]
        for impl in p.impls:
            found.append(
                (
                    impl,
                    "concrete_strategy",
                    [(impl.cls.selection.line, implements)],
                    [(p.interface, "strategy"), *ctx_part],
                )
            )
        if context is not None:
            found.append(
                (
                    context,
                    "context",
                    [(p.method.selection.line, f"runs the {what} it is handed in `{p.param}`")],
                    [(p.interface, "strategy"), *others],
                )
            )
        for target, role, evidence, participants in found:
            key = target.key if isinstance(target, ClassRef) else f"{ctx.index.module}.{target.qualname}"
            here = target.key in mine if isinstance(target, ClassRef) else p.home is ctx.index
            if here and (key, role) not in done:
                done.add((key, role))
                yield ctx.det(target, pattern, role, 0.7, evidence, participants)


def made_from_param(ctx: Ctx, ref: ClassRef) -> list[tuple[ClassRef, Collab]]:
    """An object the class makes from the class it is handed (`self.renderer = renderer()`)
    and calls methods on, typed by the classes its clients hand it (`Dial(Ascii)`; the index
    records `call:renderer`, which names no class), at its constructor or at a setter
    (`duck.set_fly(FlyRocketPowered)` to `self.fly = fly()`, `_classes_set`). Nothing handed
    at a call site: no type, and no holder (a factory called for a product of any kind)."""
    out: list[tuple[ClassRef, Collab]] = []
    makers = [m for m in ref.cls.methods.values() if m.name == "__init__" or makes_from_param(m)]
    if not makers:
        return out
    collabs = ctx.collabs(ref)
    handed = classes_handed(ctx)
    made: dict[str, Collab] = {}
    for m in makers:
        for attr, values in m.self_writes.items():
            c = collabs.get(attr)
            if c is not None and (c.from_param or c.types):
                continue
            for p in m.params:
                if f"call:{p.name}" not in values:
                    continue
                if m.name == "__init__":
                    types = handed.get((ref.key, p.name), [])
                else:
                    types = classes_set(ctx).get((ref.key, m.name, p.name), [])
                methods = dict(c.methods) if c is not None else {}
                if types and not methods and _forwards(ref, attr):
                    # Every attribute the class does not have comes from the object it made
                    # (`__getattr__` answering `getattr(self._strategy, name)`): all its methods.
                    line = m.selection.line
                    methods = {n: line for t in types for n in ctx.all_methods(t) if not n.startswith("_")}
                if not (types and methods):
                    continue
                kept = made.get(attr)
                if kept is None:
                    made[attr] = kept = Collab(attr, [], True, [], methods, "", m.selection.line)
                    out.append((ref, kept))
                kept.types.extend(t for t in types if t not in kept.types)
    return out


@per_workspace
def classes_handed(ctx: Ctx) -> dict[tuple[str, str], list[ClassRef]]:
    """(class key, constructor parameter) -> the workspace classes (not instances) that
    clients pass for it (`Dial(Ascii)`, `Dial(renderer=Svg)` is not read)."""
    out: dict[tuple[str, str], list[ClassRef]] = {}
    for module in ctx.ws.modules():
        for fn in module.units():
            for call in fn.calls:
                if not call.args or not call.func[:1].isupper():
                    continue
                target = ctx.ws.resolve(module, call.func)
                init = ctx.all_methods(target).get("__init__") if target is not None else None
                if target is None or init is None:
                    continue
                for p, arg in zip(init.params, call.args, strict=False):
                    r = class_named(ctx, module, arg)
                    kept = out.setdefault((target.key, p.name), []) if r is not None else []
                    if r is not None and r not in kept:
                        kept.append(r)
    return out


def _forwards(ref: ClassRef, attr: str) -> bool:
    """The class answers unknown attributes from ``self.<attr>`` (`__getattr__` returning
    `getattr(self._strategy, name)`)."""
    hook = ref.cls.methods.get("__getattr__")
    return hook is not None and any(c.func == "getattr" and c.args[:1] == (f"attr:self.{attr}",) for c in hook.calls)
