"""When a wrapper is an adapter: it translates the calls to a held object of another
interface (``adapts``), implements a port over a wider service (``port_over_service``), or
serves one base's methods with another base's (``class_adapter``)."""

from __future__ import annotations

from agentls.patterns.context import Ctx
from agentls.patterns.detectors._adapter_forms import filled, runs_as_command, whole_translation
from agentls.patterns.detectors._command_families import command_families
from agentls.patterns.detectors._families import roles_of_kind
from agentls.patterns.detectors._messages import handler_roles
from agentls.patterns.detectors._shared import is_repository, is_uow
from agentls.patterns.detectors._wrapper_forms import captured_request
from agentls.patterns.detectors._wrapping import Role, Wrap, emit_roles, family, wraps
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.workspace import ClassRef


def adapts(ctx: Ctx, ref: ClassRef, w: Wrap) -> bool:
    """Translating: the wrapped object is of another, known interface and is the wrapper's one
    collaborator; each adapting method is short, loop-free and calls one differently named,
    public method on it."""
    if not w.wrapped:
        return False
    if any(is_repository(ctx, t) or is_uow(ctx, t) for t in [ref, *w.wrapped]):
        return False
    if all(t.cls.frozen for t in w.wrapped):
        return False  # an immutable value it keeps (`color: Color`, read by `to_hex()`) is state, no adaptee
    if all(_made_by(ctx, t, ref) for t in w.wrapped):
        return False  # a part its holder makes and keeps, handing it itself: it serves its owner
    if all(t.cls.is_interface and ctx.concrete(t) for t in w.wrapped) and not whole_translation(ctx, ref, w):
        return False  # held as an abstraction with implementations: a strategy or a bridge
    if any(role == "holder" for role, _ in roles_of_kind(ctx, ref, "bridge")):
        # Handed one implementation each (`Linux(LinuxImpl())`, `Windows(WindowsImpl())`), the
        # siblings of one abstraction hold members of one implementor family: a bridge.
        return False
    if not w.collab.from_param and all(n in _COLLECTING for m, n in w.forwards if m.name != n):
        return False  # filling an object it made (`self.content.append(text)`) is collecting
    if not w.collab.from_param and any(f"attr:self.{w.collab.attr}" in m.returns for m in ref.cls.methods.values()):
        return False  # hands out the object it made and filled (`get_result()`): a builder's product
    if runs_as_command(ctx, ref, w.interface) or _only_command(ctx, ref, w):
        return False
    if hands_itself(ref, w.collab.attr):
        return False  # registering with what it holds (`subject.attach(self)`): an observer or colleague
    # Several implementations of the interface each calling a method of the same class are
    # commands over one receiver, not adapters of foreign classes; a sibling translating the
    # same methods into the same calls of that class (`process_data` ->
    # `process_legacy_data` in both) is another adapter of it, not another command.
    mine = _translation(w)
    for sib in ctx.concrete(w.interface):
        if sib != ref and any(
            set(x.wrapped) & set(w.wrapped) and not x.same_family and not _same_translation(mine, _translation(x))
            for x in wraps(ctx, sib)
            if x.interface == w.interface
        ):
            return False
    # Other objects it holds and drives, or storage it fills, make it a service of its own; a
    # value it keeps from an answer (`self._data = response`, then `self._data.get(...)`) or
    # a constant table set up once (`self._required = {"id", "value"}`) do not.
    others = [
        c
        for c in ctx.collabs(ref).values()
        if c.attr != w.collab.attr
        and c.methods
        and not c.container
        and (c.from_param or c.instantiated or c.types)
        and not _own_helper(ref, c.attr)
    ]
    if others or any(c.container and filled(ref, c.attr) for c in ctx.collabs(ref).values()):
        return False
    per: dict[str, set[str]] = {}
    for m, n in w.forwards:
        per.setdefault(m.name, set()).add(n)
    by_name = {m.name: m for m, _ in w.forwards}
    good = [
        mn
        for mn, called in per.items()
        if len(called) == 1
        and (mn not in called or _reshaped(ctx, w, by_name[mn]))
        and not next(iter(called)).startswith("_")
        and by_name[mn].complexity <= 3
        and not by_name[mn].loops
    ]
    if not good or len(good) * 2 < len(per):
        return False
    if all(mn.startswith("_") and not mn.endswith("__") for mn in good):
        return False  # a private hook of its base served by a call is how it works, no interface
    if all(captured_request(by_name[mn], w.collab.attr) for mn in good):
        # Each takes nothing and hands the held object what the class stored itself
        # (`execute()` calling `self.light.set_brightness(self.brightness)`, `undo()` with
        # `self.previous`): a command's captured request on its receiver, not a translation.
        return False
    # Last, as it asks the (workspace-wide) message analysis: a message handler turning a
    # message into a call (`uc.invoke(command)`) is not an adapter.
    return not handler_roles(ctx, ref)


def _only_command(ctx: Ctx, ref: ClassRef, w: Wrap) -> bool:
    """The one implementation of a command interface an invoker is handed and runs, whose
    requests take nothing, pass nothing on and answer nothing (`process()` doing
    `self.receiver.perform_action()`): a command even without siblings."""
    return all(_bare_request(m) for m, _ in w.forwards) and any(
        f.iface == w.interface and f.impls == [ref] and f.invokers for f in command_families(ctx)
    )


def hands_itself(ref: ClassRef, attr: str) -> bool:
    """The class hands itself to the object it keeps in `self.<attr>` (`subject.attach(self)` in
    its constructor, or on `self._subject` later): the two talk both ways (an observer pulling
    its subject's state, a colleague and its mediator), the held object is no adaptee."""
    init = ref.cls.methods.get("__init__")
    names = {f"self.{attr}"} | {
        v[6:] for v in (init.self_writes.get(attr, []) if init is not None else []) if v.startswith("param:")
    }
    return any(c.receiver in names and "self" in c.args for m in ref.cls.methods.values() for c in m.calls)


def _bare_request(fn: FunctionFacts) -> bool:
    """Takes nothing, hands nothing on and answers nothing (`process()` doing
    `self.receiver.perform_action()`): a request fixed when the object was made, carried out on
    its receiver, where an adapter translates a caller's arguments or the answer it returns."""
    return not [p for p in fn.params if p.name != "self"] and not fn.returns and all(not c.args for c in fn.calls)


def _reshaped(ctx: Ctx, w: Wrap, m: FunctionFacts) -> bool:
    """``m`` is served by the same-named method of a foreign class taking other parameters
    (`play(kind, name)` by `player.play(name)`): the call is converted, not passed on. Handing
    itself along (`self.mediator.notify(message, self)`) is a colleague talking to its
    mediator instead."""
    if any(c.method == m.name and "self" in c.args for c in m.calls):
        return False
    mine = [p for p in m.param_names if p != "self"]
    theirs = [ctx.all_methods(t).get(m.name) for t in w.wrapped]
    return bool(theirs) and all(f is not None and [p for p in f.param_names if p != "self"] != mine for f in theirs)


def _made_by(ctx: Ctx, owner: ClassRef, part: ClassRef) -> bool:
    """The held class makes the wrapper handing it itself and keeps or registers it
    (`md.postprocessors.register(FootnotePostprocessor(self), ...)`): a plug-in part of its
    owner. Returning it instead (`as_duck()` answering `TurkeyAdapter(self)`) hands clients
    an adapter of itself."""
    for m in ctx.all_methods(owner).values():
        for c in m.calls:
            if "self" in c.args and f"call:{c.func}" not in m.returns and ctx.ws.resolve(owner.module, c.func) == part:
                return True
    return False


def _translation(w: Wrap) -> dict[str, set[str]]:
    """Wrapper method -> the methods it calls on the wrapped object."""
    out: dict[str, set[str]] = {}
    for m, n in w.forwards:
        out.setdefault(m.name, set()).add(n)
    return out


def _same_translation(a: dict[str, set[str]], b: dict[str, set[str]]) -> bool:
    """Two wrappers serving every method they share, two or more, by the same calls."""
    shared = a.keys() & b.keys()
    return len(shared) >= 2 and all(a[n] == b[n] for n in shared)


def _own_helper(ref: ClassRef, attr: str) -> bool:
    """`self.observable = Observable(self)`: a helper the class makes and hands itself to (the
    notification machinery a subject delegates to) is part of the object, not another
    collaborator it drives."""
    for m in ref.cls.methods.values():
        for v in m.self_writes.get(attr, []):
            if v.startswith("call:") and any(k.func == v[5:] and "self" in k.args for k in m.calls):
                return True
    return False


_COLLECTING = frozenset({"append", "extend", "add", "insert", "update", "append_text", "write"})


def port_over_service(ctx: Ctx, ref: ClassRef, w: Wrap, out: dict[str, list[Role]]) -> bool:
    """A port implemented over a service of another kind by same-named calls: every method of
    an abstract interface forwards to the method of that name of the one object the class is
    handed, annotated as a concrete class outside the interface's family that offers more
    than the port (`IdentityProvider.get_current_user_id` over an `AuthService` that also
    issues and revokes sessions). The port narrows the service: not a proxy, whose subject
    shares its interface, nor a decorator."""
    iface = w.interface
    if w.same_family or not w.collab.from_param or not w.collab.types or not iface.cls.is_interface:
        return False
    wanted = {n for n in ctx.all_methods(iface) if not n.startswith("_")}
    if not wanted:
        return False
    fam = family(ctx, iface)
    if any(t.cls.is_interface or t.key in fam for t in w.wrapped) or not w.wrapped:
        return False
    fwd = {m.name: m for m, n in w.forwards if m.name == n and m.complexity <= 2}
    offered = {n for t in w.wrapped for n in ctx.all_methods(t) if not n.startswith("_")}
    if not wanted <= set(fwd) or len(offered) <= len(wanted) or set(ref.cls.public_methods) - wanted:
        return False
    if any(c.attr != w.collab.attr and (c.methods or c.container) for c in ctx.collabs(ref).values()):
        return False
    if any(is_repository(ctx, t) or is_uow(ctx, t) for t in [ref, *w.wrapped]) or handler_roles(ctx, ref):
        return False
    m = fwd[min(wanted)]
    emit_roles(
        out,
        ref,
        "adapter",
        0.75,
        [(m.selection.line, f"`{m.name}` of the port `{iface.cls.name}` is served by `self.{w.collab.attr}.{m.name}`")],
        [(iface, "target", f"the port the adapter `{ref.cls.name}` implements")]
        + [(t, "adaptee", f"the service `{ref.cls.name}` narrows to `{iface.cls.name}`") for t in w.wrapped],
    )
    return True


def class_adapter(ctx: Ctx, ref: ClassRef, out: dict[str, list[Role]]) -> None:
    """Adapter by multiple inheritance: a method of one base is served by a differently named
    method inherited from another base."""
    bases = [b for b in ctx.ws.bases(ref) if b.cls.methods]
    if len(bases) < 2:
        return
    # Two unrelated classes, and the adapter only serves the target's methods (mixins that
    # share a root and add behaviour of their own are a class hierarchy, not an adapter).
    roots = [{a.key for a in ctx.ancestors(b)} | {b.key} for b in bases]
    if any(roots[i] & roots[j] for i in range(len(roots)) for j in range(i + 1, len(roots))):
        return
    offered = set().union(*(set(ctx.all_methods(b)) for b in bases))
    if any(not n.startswith("_") and n not in offered for n in ref.cls.methods):
        return
    # A repository implementing its port by a storage base's step (`save` → inherited
    # `persist`) reuses the base, it adapts nothing: as in every other adapter form. (Asked
    # after the tests above, which are cheap: the repository evidence is built by the process
    # running the repository detector, and the one running this one would build it again.)
    if is_repository(ctx, ref) or is_uow(ctx, ref):
        return
    for target in bases:
        t_methods = set(ctx.all_methods(target))
        for adaptee in bases:
            if adaptee == target or adaptee in ctx.ancestors(target) or target in ctx.ancestors(adaptee):
                continue
            a_methods = set(ctx.all_methods(adaptee)) - t_methods
            for m in ref.cls.methods.values():
                if m.name.startswith("_") or m.name not in t_methods:
                    continue
                # The adaptee's own, inherited method: one the class defines itself, or only
                # declares abstractly, is not adapted (`update()` calling its own `display()`).
                adapted = {n for n in a_methods if n not in ref.cls.methods and not ctx.all_methods(adaptee)[n].is_stub}
                used = [c.method for c in m.calls if c.receiver == "self" and c.method in adapted]
                # or by reading its inherited properties (`address` from `self.number` and
                # `self.street`)
                props = ctx.all_methods(adaptee)
                used += sorted(n for n in m.self_reads if n in adapted and props[n].kind == "property")
                if used and m.complexity <= 3:
                    emit_roles(
                        out,
                        ref,
                        "adapter",
                        0.8,
                        [(m.selection.line, f"`{m.name}` of `{target.cls.name}` is served by inherited `{used[0]}`")],
                        [
                            (target, "target", f"the interface the adapter `{ref.cls.name}` implements"),
                            (adaptee, "adaptee", f"inherited and adapted by `{ref.cls.name}`"),
                        ],
                    )
                    return
