"""When a class is a use-case service: it holds a unit of work or a repository (typed, built
with one, or recognised by what is asked of it) and a method changes state through it, or it
builds its repositories over the transaction it holds, or a method makes the load-act-store
round trip through what it holds."""

from __future__ import annotations

from agentls.patterns.context import Ctx, per_workspace
from agentls.patterns.detectors._built_repositories import built_repository_service
from agentls.patterns.detectors._shared import is_repository, is_uow
from agentls.patterns.detectors._use_case_steps import acted_on, changes, duck_storage, keyed_by, round_trip
from agentls.patterns.facts import Call, FunctionFacts
from agentls.patterns.workspace import ClassRef


@per_workspace
def _built_with_storage(ctx: Ctx) -> dict[str, ClassRef]:
    """Classes the program instantiates passing a new repository or unit of work, keyed by
    class, with the repository or unit of work passed."""
    out: dict[str, ClassRef] = {}
    for module in ctx.ws.modules():
        for fn in module.all_functions():
            for call in fn.calls:
                if not call.func[:1].isupper() or not any(a.startswith("call:") for a in call.args):
                    continue
                made = ctx.ws.resolve(module, call.func)
                if made is None or made.key in out:
                    continue
                for a in call.args:
                    arg = ctx.ws.resolve(module, a[5:]) if a.startswith("call:") and a[5:6].isupper() else None
                    if arg is not None and arg != made and (is_repository(ctx, arg) or is_uow(ctx, arg)):
                        out[made.key] = arg
                        break
    return out


def service_class(ctx: Ctx, ref: ClassRef) -> list[tuple[int, str]]:
    """A use-case class: it holds a unit of work or a repository (injected) and one of its
    methods changes state through it (`commit`, `save`, `add`, ...), or one of its methods
    builds a repository over the unit of work it is handed or holds and stores through it,
    or loads an object through what it holds, asks it to act and stores it back there."""
    found = _holding_service(ctx, ref) or _building_service(ctx, ref)
    if found:
        return found
    for m in ref.cls.methods.values():
        trip = [] if m.name.startswith("__") and m.name.endswith("__") else round_trip(m, ("self",))
        if trip:
            return [(ref.cls.selection.line, f"`{m.name}` is one of its use cases"), *trip]
    return []


def _building_service(ctx: Ctx, ref: ClassRef) -> list[tuple[int, str]]:
    held = [c.attr for c in ctx.collabs(ref).values() if any(is_uow(ctx, t) for t in c.types)]
    # untyped, what it was handed and enters (`with self.uow as uow:`) is its transaction
    entered = {w[5:] for m in ref.cls.methods.values() for w in m.with_items if w.startswith("self.")}
    held += [c.attr for c in ctx.collabs(ref).values() if c.from_param and not c.types and c.attr in entered]
    for m in ref.cls.methods.values():
        if m.name.startswith("__") and m.name.endswith("__"):
            continue
        ev = built_repository_service(ctx, m, held)
        if ev:
            return [(ref.cls.selection.line, f"`{m.name}` is one of its use cases"), *ev]
    return []


def _holding_service(ctx: Ctx, ref: ClassRef) -> list[tuple[int, str]]:
    # Keyed without leading underscores: a base's `uow` property reads the `_uow` it was given.
    held = {
        c.attr.lstrip("_"): t
        for c in ctx.collabs(ref).values()
        for t in c.types
        if is_uow(ctx, t) or is_repository(ctx, t)
    }
    # Untyped: the program builds it with a new repository or unit of work somewhere
    # (`UserService(SqlUserRepository(session))`, a test's `UserService(FakeRepository())`),
    # so what it keeps from its parameters may be one.
    given = _built_with_storage(ctx).get(ref.key)
    if given is not None:
        for kept in ctx.collabs(ref).values():
            if kept.from_param and not kept.types:
                held.setdefault(kept.attr.lstrip("_"), given)
    # Untyped, and built nowhere the program says: what it is asked to do tells.
    for kept in ctx.collabs(ref).values():
        if kept.from_param and not kept.types and kept.attr.lstrip("_") not in held:
            receiver = f"self.{kept.attr}"
            used = {c.method for m in ref.cls.methods.values() for c in m.calls if c.receiver == receiver}
            duck = duck_storage(ctx, used)
            if duck is not None:
                held[kept.attr.lstrip("_")] = duck
    if not held:
        return []

    def head(receiver: str) -> str:
        return receiver.removeprefix("self.").split(".")[0].split("(")[0].lstrip("_")

    for m in ref.cls.methods.values():
        # dunders only: a name-mangled private step (`__save_file`, as code ported from
        # Java keeps its helpers) is where a use case often does its storing
        if m.name.startswith("__") and m.name.endswith("__") and m.name != "__call__":
            continue
        # `with self._uow as uow: ... uow.commit()`
        within = [w for w in m.with_items if head(w) in held]
        finish = next((c for c in m.calls if c.method == "commit"), None)
        if within and finish is not None:
            return [
                (ref.cls.selection.line, f"works in a unit of work, `{within[0]}`"),
                (finish.line, f"`{m.name}` finishes with `{finish.func}()`"),
            ]
        # Inside the unit of work it holds (typed as one), whose exit commits, it asks
        # another collaborator it holds to change state (`async with self._uow as tx:
        # await self._posts.create(payload, uow=tx)`): the transaction is the use case's.
        others = [c for c in m.calls if c.receiver.count(".") == 1 and c.receiver[:5] == "self."]
        asked = next((c for c in others if head(c.receiver) not in held and changes(c.method)), None)
        if within and asked is not None and any(is_uow(ctx, held[head(w)]) for w in within):
            return [
                (ref.cls.selection.line, f"works in a unit of work, `{within[0]}`"),
                (asked.line, f"`{m.name}` changes state through `{asked.func}()` within it"),
            ]
        through = [c for c in m.calls if c.receiver.startswith("self.") and head(c.receiver) in held]
        for c in through:
            # (its own arguments handed on to the same method, and nothing else asked of what it
            # holds: an adapter, no use case; one checking first, `exists_by_email(user)`, is one)
            forwards = c.method == m.name and c.args == tuple(f"param:{p}" for p in m.param_names)
            if changes(c.method) and not (forwards and len(through) == 1):
                return [
                    (ref.cls.selection.line, f"holds `{held[head(c.receiver)].cls.name}`"),
                    (c.line, f"`{m.name}` changes state through `{c.func}()`"),
                ]
        # Loads an aggregate through what it holds, by a key it was given, and asks it to act.
        acted = _acts_on_loaded(ctx, m, {c.func for c in through}) if through else []
        if acted:
            return [
                (through[0].line, f"`{m.name}` loads through `{through[0].func}`"),
                (acted[0].line, f"asks `{acted[0].receiver}` to `{acted[0].method}`"),
            ]
    return []


# What a plain list, dict or string a method builds for itself is asked (`accum.append(x)`,
# `params.get(k)`): no aggregate acting.
_PLAIN_VALUE_METHODS = frozenset(
    {"append", "extend", "get", "setdefault", "items", "keys", "values", "pop", "copy", "join", "format", "split"}
)


def _acts_on_loaded(ctx: Ctx, m: FunctionFacts, loads: set[str]) -> list[Call]:
    """Calls asking a local the method loaded to act (`author = self.uow.authors.find_by_pk(
    author_id); author.add_book(...)`). A local bound to one call must be bound to a load
    through what the class holds by a key the method was given: a context it made itself
    (`ctx = self.make_context()`) or one the collaborator hands out unasked (`context =
    self._database.get_sql_context()`) is no loaded aggregate; a local bound otherwise (an
    awaited load) counts unless what is asked of it is a plain list's or dict's (`accum.append`)."""
    given = set(m.param_names) - {"self", "cls"}
    keyed = {c.func for c in m.calls if c.func in loads and keyed_by(c, given)}
    # What the method loops over (`for x in context.all_registrations(key)`) is data it reads,
    # and the items of it are no loaded aggregates, unless the loop walks a load through what
    # the class holds (`for order in self.orders.pending(): order.cancel()`).
    iterated = {lp.iter for lp in m.loops}
    items = {lp.target for lp in m.loops if lp.target and lp.iter.removesuffix("()") not in loads}
    return [
        c
        for c in acted_on(ctx, m)
        if (m.call_locals[c.receiver] in keyed if c.receiver in m.call_locals else c.method not in _PLAIN_VALUE_METHODS)
        and f"{c.func}()" not in iterated
        and c.receiver not in items
    ]
