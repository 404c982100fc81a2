from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx, Ev, Target
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._handing import is_test_case
from agentls.patterns.detectors._shared import is_data_holder, is_exception, is_repository, is_uow
from agentls.patterns.facts import FunctionFacts, ModuleIndex
from agentls.patterns.model import Detection
from agentls.patterns.programs import same_program
from agentls.patterns.workspace import ClassRef


@register
class Facade(Detector):
    """Provides one simplified interface to a set of subsystem classes: the facade creates and
    coordinates them so that clients make one call instead of orchestrating many objects. It
    reduces coupling to the subsystem's details; it can grow into a god class, and clients that
    need finer control still have to go around it.

    ## Roles
    - `facade`: the simplified entry point.
    - `subsystem`: a class the facade coordinates.

    ## How it is detected
    A class outside any hierarchy of its own whose public methods serve clients by driving
    parts it hides from them: objects of workspace classes it creates itself (in its
    constructor, or on the spot: `SubsystemA().method()`, or into a local the method then
    drives, `stock = Stock(); stock.reserve(item)`, when the class has no base and the
    part's class no hierarchy: a framework's subclass doing that work is the client, and a
    method making members of one family is a demo of it), classes it calls directly
    (`Wallets.get_balance(...)`), and functions of another workspace module
    (`dao.start_payment(...)`; not of a module whose classes are all exceptions: its
    `errors.format_traceback(...)` reports a failure). A part is a class with behaviour of
    its own (not a data holder, a message or an exception); objects created with `self` as an argument are colleagues or
    children instead, and injected objects are not hidden (but for a class handed all its
    parts, below). A call answering a new object of the
    part's own class (`Text.assemble(...)`, `Text("\\n").join(lines)`, `Table.grid()`) builds a
    value and drives no subsystem, nor does a class-level method handing out an object it
    makes, itself or through another such method whose answer it returns (test-data mothers:
    `random()` returning `cls.create(...)`, or an instance method returning only such an
    answer: `return Shoe.from_primitives(...)`), and a class its public methods are declared to return
    (`-> Optional[Script]`) is handed to its clients, not hidden; a class reported as a
    repository or unit of work is not
    reported as a facade, nor are its parts as subsystems, and a test case driving what it
    tests is not one either; repositories and units of work it creates (over the session it
    is handed: `self.repo = OrderRepository(session)`) are a service's data access, not
    subsystems, as injected ones are. It is a facade when one public
    method coordinates two or more parts (and at least two are classes or modules it hides; a
    class handed only parts, each untyped and answering what it calls by exactly one concrete
    class or declared as such a class, `amp: Amplifier`, and no repository or unit of work
    among them, is a facade when one method runs three or more of them, or two of them
    through two or more operations of each, `prepare()` then `fire()`; declared parts count
    only for a class making none itself),
    calling different operations on them or handing one part's state to another
    (`self.engine.start(self.starter.spin)`), or when two or more public methods each drive
    two or more parts, all of them parts it made, without branching (`start()` starting the
    engine and the pump, `stop()` stopping both: the subsystem driven in step; calling one part
    picked by a condition is dispatching), or when three or more public methods each
    delegate to one of three or more parts; when most of the methods driving parts answer
    `self` (`select(...).where(...)`, then `build()`), it is a fluent builder or query object
    configured through a chain instead. The facade and each subsystem class it drives are
    reported.
    """

    id = "facade"
    category = "structural"
    roles: ClassVar[dict[str, str]] = {"facade": "simplified entry point", "subsystem": "coordinated class"}

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        found = _facades(ctx)
        for ref in ctx.classes():
            for role, conf, evidence, parts in found.get(ref.key, []):
                yield ctx.det(ref, self.id, role, conf, evidence, parts)


Found = tuple[str, float, list[Ev], list[tuple[Target, str]]]


def _facades(ctx: Ctx) -> dict[str, list[Found]]:
    key = ("facade", "all")
    hit = ctx._cache.get(key)
    if hit is None:
        hit = {}
        for ref in ctx.ws.all_classes():
            _facade(ctx, ref, hit)
        ctx._cache[key] = hit
    return hit


def _behaviour(ctx: Ctx, ref: ClassRef) -> bool:
    """A class that does something: public methods beyond data, not a message or an error."""
    if is_exception(ctx, ref) or ctx.is_interface(ref) or is_data_holder(ref.cls) or ref.cls.frozen:
        return False
    return any(not n.startswith("_") and m.kind != "property" for n, m in ctx.all_methods(ref).items())


def _factory_call(ctx: Ctx, owner: ClassRef, fn: FunctionFacts, depth: int = 0) -> bool:
    """A class-level method that returns a newly made object (an alternative constructor, an
    object mother), itself or through another such method it returns the answer of
    (`random()` returning `cls.create(...)`, `create()` returning `Person.create(...)`). An
    object mother's instance methods count when all they return is such a method's answer
    (`return Shoe.from_primitives(...)`, or `self.random_shoe()` which does)."""
    if fn.kind not in ("classmethod", "staticmethod") and not (
        fn.kind == "method" and _hands_products(ctx, owner, fn, depth)
    ):
        return False
    if fn.kind == "method":
        return True
    if ctx.returned_classes(fn, owner.module) or (fn.kind == "classmethod" and "call:cls" in fn.returns):
        return True
    # `obj = Made(...); return obj`, as opposed to returning what a part's method answers
    if any(v.startswith("name:") for v in fn.returns) and bool(ctx.instantiations(fn, owner.module)):
        return True
    if depth >= 3 or not fn.returns:
        return False
    for v in fn.returns:
        head, _, name = v[5:].rpartition(".") if v.startswith("call:") else ("", "", "")
        other = owner if head == "cls" else ctx.ws.resolve(owner.module, head) if head else None
        if other is None:
            return False
        step = ctx.all_methods(other).get(name)
        if step is None or step is fn or not _factory_call(ctx, other, step, depth + 1):
            return False
    return True


def _hands_products(ctx: Ctx, owner: ClassRef, fn: FunctionFacts, depth: int) -> bool:
    """An instance method whose every return is the answer of a class-level factory of
    another class (`Shoe.from_primitives(...)`) or of an own method that hands out the same."""
    if depth >= 3 or not fn.returns:
        return False
    for v in fn.returns:
        head, _, name = v[5:].rpartition(".") if v.startswith("call:") else ("", "", "")
        if head == "self":
            step = owner.cls.methods.get(name)
            if step is None or step is fn or not _factory_call(ctx, owner, step, depth + 1):
                return False
            continue
        other = ctx.ws.resolve(owner.module, head) if head and head != "cls" else None
        step = ctx.all_methods(other).get(name) if other is not None and other != owner else None
        if (
            other is None
            or step is None
            or step.kind not in ("classmethod", "staticmethod")
            or not _factory_call(ctx, other, step, depth + 1)
        ):
            return False
    return True


def _makes_own_kind(owner: ClassRef, fn: FunctionFacts) -> bool:
    """A method answering a new object of its own class (`Text.assemble(...)`,
    `Text("\\n").join(lines)`, `Table.grid()`): the class is a value the caller builds and
    combines, not a subsystem it drives."""
    name = owner.cls.name
    if (fn.returns_annotation or "").strip("'\"").rpartition(".")[2] in (name, "Self"):
        return True
    return any(v in (f"call:{name}", "call:cls", "call:type(self)", "call:self.__class__") for v in fn.returns)


def _injected_parts(ctx: Ctx, ref: ClassRef, created: dict[str, ClassRef]) -> dict[str, ClassRef]:
    """Constructor arguments kept in attributes, each answering what the class calls on it by
    exactly one concrete workspace class with behaviour (`self.amp.on()`,
    `self.amp.set_volume(5)`: `Amplifier`), untyped or declared as that class (`amp:
    Amplifier`, a class nothing derives from, when the class makes no part itself and is not
    also handed a repository or unit of work: a service). Typed ports (interfaces, classes
    with implementations, repositories, units of work) are dependencies of a service, not
    subsystems."""
    out: dict[str, ClassRef] = {}
    collabs = ctx.collabs(ref).values()
    # Handed a repository or unit of work too, it is an application service persisting through
    # them, and the classes it is handed by name are its dependencies.
    service = any(c.from_param and any(is_repository(ctx, t) or is_uow(ctx, t) for t in c.types) for c in collabs)
    for c in collabs:
        if c.attr in created or not c.from_param or c.container or len(c.methods) < 2:
            continue
        called = set(c.methods)
        if c.types and (service or created):
            continue  # typed parts count only for a class handed all its parts
        if c.types:
            declared = {t.key: t for t in c.types}
            fits = [
                t
                for t in declared.values()
                if len(declared) == 1
                and called <= set(ctx.all_methods(t))
                and not ctx.is_interface(t)
                and not ctx.ws.subclasses(t)
                and _behaviour(ctx, t)
            ]
        else:
            # Untyped, a part is one of the classes of the facade's own program answering what
            # it calls: another example folder's `Light` (on/off/dim) is never handed to it.
            fits = [
                r
                for r in ctx.by_method(public=True).get(min(called), [])
                if r != ref
                and called <= set(ctx.all_methods(r))
                and not ctx.is_interface(r)
                and same_program(ctx.ws, ref.module, r.module)
                and _behaviour(ctx, r)
            ]
        if len(fits) == 1 and not (is_repository(ctx, fits[0]) or is_uow(ctx, fits[0])):
            out[c.attr] = fits[0]
    return out


def _errors_module(ctx: Ctx, mod: ModuleIndex) -> bool:
    """Every class of the module an exception (`errors.py`): its functions report failures
    (`errors.format_traceback(...)` in a handler), they run no subsystem."""
    refs = [ctx.ref(c, mod) for c in mod.classes.values()]
    return bool(refs) and all(is_exception(ctx, r) for r in refs)


def _facade(ctx: Ctx, ref: ClassRef, out: dict[str, list[Found]]) -> None:
    cls, module = ref.cls, ref.module
    if ctx.is_interface(ref) or any(a.cls.methods for a in ctx.ancestors(ref)) or ctx.ws.subclasses(ref):
        return
    if is_uow(ctx, ref) or is_repository(ctx, ref):
        return  # reported as that, so its parts are no facade's subsystems either
    public = [m for n, m in cls.methods.items() if not n.startswith("_") and m.kind != "property"]
    if not public or all(m.name.startswith("test") for m in public) or is_test_case(ctx, ref):
        return  # a test case drives what it tests
    if all(_factory_call(ctx, ref, m) for m in public):
        return  # hands out products (an object mother), drives nothing
    init = cls.methods.get("__init__")
    params = {p for p in (init.param_names if init else [])}
    # Attributes the constructor fills with objects it makes (`self.cpu = CPU()`,
    # `self._a = a or SubsystemA()`), and the classes it makes.
    created: dict[str, ClassRef] = {}
    hidden_attrs: set[str] = set()
    if init is not None:
        made = [
            r
            for c in init.calls
            if "self" not in c.args
            and (r := ctx.ws.resolve(module, c.func)) is not None
            and r != ref
            and _behaviour(ctx, r)
        ]
        for attr, values in init.self_writes.items():
            for v in values:
                r = ctx.ws.resolve(module, v[5:]) if v.startswith("call:") else None
                if r is not None and r in made:
                    created[attr] = r
                elif v == "other" and made:
                    hidden_attrs.add(attr)
        if hidden_attrs and len(made) >= len(hidden_attrs):
            # `self._a = a or A()`: pair the attributes with the classes made, in order
            for attr, r in zip(sorted(hidden_attrs), sorted(made, key=lambda x: x.cls.name), strict=False):
                created.setdefault(attr, r)
    injected = _injected_parts(ctx, ref, created)
    del params
    used_by: dict[str, set[str]] = {}  # public method -> parts it drives
    verbs: dict[str, set[str]] = {}  # public method -> methods it calls on them
    # public method -> handed part -> methods it calls on that part
    steps: dict[str, dict[str, set[str]]] = {}
    classes: dict[str, ClassRef] = {}
    passes: set[str] = set()  # public methods handing one part's state to another part
    for m in public:
        parts: set[str] = set()
        for c in m.calls:
            recv = c.receiver
            if recv.startswith("self.") and (recv[5:] in created or recv[5:] in injected):
                r = created.get(recv[5:]) or injected[recv[5:]]
                parts.add(r.key)
                classes[r.key] = r
                verbs.setdefault(m.name, set()).add(c.method)
                steps.setdefault(m.name, {}).setdefault(recv[5:], set()).add(c.method)
                if any(
                    a.startswith("attr:self.")
                    and a[10:].partition(".")[0] in (created.keys() | injected.keys()) - {recv[5:]}
                    for a in c.args
                ):
                    passes.add(m.name)  # `self.engine.start(self.starter.spin)`
                continue
            if not recv or recv == "self" or recv.startswith("self."):
                continue
            head = recv[:-2] if recv.endswith("()") else recv
            if head in m.call_locals and head not in m.param_names:
                # A local holding an object the method makes (`payment = Payment()`, then
                # `payment.make_payment(name)`), as made on the spot, when both classes stand
                # alone: making members of one hierarchy and calling them is a demo of that
                # family (a simulator making ducks), and a framework's subclass (a `tk.Tk`
                # window) doing the work itself is the client, not an entry point over it.
                local_class = ctx.ws.resolve(module, m.call_locals[head]) if not cls.bases else None
                if local_class is None or ctx.ancestors(local_class) or ctx.ws.subclasses(local_class):
                    continue
                head = m.call_locals[head]
            r = ctx.ws.resolve(module, head) if "(" not in head else None
            called = ctx.all_methods(r).get(c.method) if r is not None else None
            if r is not None and called is not None and (_factory_call(ctx, r, called) or _makes_own_kind(r, called)):
                continue  # `XMother.create()`, `Text.assemble()`: asking for a product or a value
            if r is not None and r != ref and _behaviour(ctx, r) and called is not None:
                parts.add(r.key)
                classes[r.key] = r
                verbs.setdefault(m.name, set()).add(c.method)
                continue
            target = module.import_map.get(head)
            # A module of the workspace (asked by name: no set of every module's per class)
            other = ctx.ws.module_named(target) if target is not None and "." not in head else None
            if (
                other is not None
                and target != module.module
                and c.method in other.functions
                and not _errors_module(ctx, other)
            ):
                parts.add(f"module:{target}")
                verbs.setdefault(m.name, set()).add(c.method)
        if parts:
            used_by[m.name] = parts
    # What its public methods are declared to hand back (`-> Optional[Script]`) its clients
    # hold and use themselves: a product of the entry point, not a part it hides.
    handed = {t.key for m in public for t in ctx.annotation_refs(m.returns_annotation, module)}
    if handed & classes.keys():
        used_by = {n: p - handed for n, p in used_by.items() if p - handed}
        classes = {k: r for k, r in classes.items() if k not in handed}
    # Repositories and units of work it builds over the session it is handed (`self.repo =
    # OrderRepository(session)`) are a service's data access, as injected ones are: no subsystems.
    storage = {k for k, r in classes.items() if is_repository(ctx, r) or is_uow(ctx, r)}
    if storage:
        used_by = {n: p - storage for n, p in used_by.items() if p - storage}
        classes = {k: r for k, r in classes.items() if k not in storage}
    # Most of the methods driving its parts answering `self` (`select(...)`, `where(...)`,
    # then `build()`) configure what it assembles through a chain: a fluent builder or query
    # object, not an entry point hiding a subsystem.
    by_name = {m.name: m for m in public}
    if 2 * sum("self" in by_name[n].returns for n in used_by) > len(used_by):
        return
    every = set().union(*used_by.values()) if used_by else set()
    # Coordinating runs different operations of the parts together; calling the same method on
    # whichever part a condition picks (a dispatcher, a front controller) is choosing.
    # Handing one part's state to another (`self.engine.start(self.starter.spin)`) is
    # coordinating too, even with one verb.
    coordinating = [n for n, p in used_by.items() if len(p) >= 2 and (len(verbs.get(n, ())) >= 2 or n in passes)]
    delegating = [n for n, p in used_by.items() if p]
    if len(every) < 2 or not classes:
        return
    own = {r.key for r in created.values()}
    # Driving two or more of the parts it made, unconditionally, in two or more of its
    # entry points (`start()` starting the engine and the pump, `stop()` stopping both) is
    # driving the whole subsystem in step, not picking one part as a dispatcher does.
    in_step = [n for n, p in used_by.items() if len(p) >= 2 and p <= own and by_name[n].complexity <= 1]
    if len(in_step) >= 2:
        coordinating += [n for n in in_step if n not in coordinating]
    if injected and not any(p in own for p in every):
        # Only parts it was handed: a facade when one method runs three or more of them
        # through different operations (`watch_movie` turning on the projector, the amplifier
        # and the player), or two of them through a sequence of two or more operations of
        # each (`operation` preparing and then firing both subsystems); two injected
        # collaborators called once each are an ordinary service.
        coordinating = [
            n
            for n in coordinating
            if len(used_by[n]) >= 3
            or (len(used_by[n]) == 2 and sum(len(v) >= 2 for v in steps.get(n, {}).values()) == 2)
        ]
        if not coordinating:
            return
    if coordinating:
        m_name = coordinating[0]
        why = f"`{m_name}` coordinates {len(used_by[m_name])} parts it hides from its clients"
        conf = 0.8 if len(every) >= 3 else 0.7
        if not own & every:
            conf = 0.7
    elif len(delegating) >= 3 and len(every) >= 3:
        m_name = delegating[0]
        why = f"{len(delegating)} entry points each delegate to one of {len(every)} hidden parts"
        conf = 0.7
    else:
        return
    line = cls.methods[m_name].selection.line
    subs = list(classes.values())
    parts_: list[tuple[Target, str]] = [(ref, "facade"), *((r, "subsystem") for r in subs)]
    evidence: list[Ev] = [
        (cls.selection.line, f"drives {len(every)} parts: {', '.join(sorted(r.cls.name for r in subs))}"),
        (line, why),
    ]
    out.setdefault(ref.key, []).append(("facade", conf, evidence, parts_))
    for r in subs:
        got = out.setdefault(r.key, [])
        if all(g[0] != "subsystem" for g in got):
            why_sub = f"driven by the facade `{cls.name}`"
            got.append(("subsystem", round(conf - 0.05, 2), [(r.cls.selection.line, why_sub)], parts_))
