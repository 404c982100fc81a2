"""The steps a use case takes, read by the service-layer detector on functions and classes alike:
a call that changes state, acting on what it loaded, the load-act-store round trip, and
storage recognised by what is asked of it."""

from __future__ import annotations

from agentls.patterns.context import Ctx
from agentls.patterns.detectors._duck_types import answering
from agentls.patterns.detectors._shared import is_repository, is_uow
from agentls.patterns.facts import Call, FunctionFacts
from agentls.patterns.workspace import ClassRef

# (`insert`: repositories named after the SQL verb, `insert_city(name, state)`, store as `add` does)
CHANGES = frozenset(
    {"commit", "save", "add", "create", "update", "delete", "remove", "persist", "replace", "upsert", "insert"}
)


def changes(method: str) -> bool:
    """A call that changes state: `add`, and its spelled-out forms (`add_or_update_user`,
    `create_one`, `remove_from_team`)."""
    return method.lstrip("_").split("_")[0] in CHANGES


def keyed_by(call: Call, given: set[str]) -> bool:
    """The call is handed a key the use case was given: a parameter (`find_by_id(task_id)`) or
    a field of one (`get(command.order_id)`)."""
    return any(a.startswith("param:") or (a.startswith("attr:") and a[5:].split(".")[0] in given) for a in call.args)


def round_trip(fn: FunctionFacts, holders: tuple[str, ...]) -> list[tuple[int, str]]:
    """Loads an object through a collaborator it was handed (a parameter, or `self.<x>`) by a key
    it was given, asks the object to act, and hands it back to the same collaborator to store (`task =
    repo.find_by_id(id); task.postpone(); repo.save(task)`): the use case's round trip, whatever
    the collaborator's class says of itself (a port with untyped stubs, a container's binding)."""
    given = set(fn.param_names)
    for local, callee in fn.call_locals.items():
        holder, _, load = callee.rpartition(".")
        if not holder or holder.split(".")[0] not in holders or holder in ("self", "cls"):
            continue
        # by a key the use case was given (`find_by_id(task_id)`, `get(command.order_id)`)
        loads = [c for c in fn.calls if c.func == callee and keyed_by(c, given)]
        acted = [c for c in fn.calls if c.receiver == local and not c.method.startswith("_")]
        stored = [
            c
            for c in fn.calls
            if c.receiver == holder and c.method != load and changes(c.method) and f"name:{local}" in c.args
        ]
        if loads and acted and stored:
            return [
                (loads[0].line, f"loads `{local}` through `{callee}()`"),
                (acted[0].line, f"asks `{local}` to `{acted[0].method}`"),
                (stored[0].line, f"hands it back to `{stored[0].func}()`"),
            ]
    return []


def duck_storage(ctx: Ctx, used: set[str]) -> ClassRef | None:
    """An untyped collaborator is a repository or unit of work when every class of the program
    answering all the methods called on it is one (`self._repo.save(user)`, and the program's
    only classes with a `save` are repositories)."""
    found = answering(ctx, frozenset(used)) if used else []
    if found and all(is_repository(ctx, r) or is_uow(ctx, r) for r in found):
        return found[0]
    return None


def acted_on(ctx: Ctx, fn: FunctionFacts) -> list[Call]:
    """Calls on a local object the function neither received nor imported: what it loaded
    (`listing = repo.get(id); listing.place_bid(bid)`)."""
    params = set(fn.param_names)
    return [
        c
        for c in fn.calls
        if c.receiver
        and "." not in c.receiver
        and c.receiver not in params
        and c.receiver not in ("self", "cls")
        and c.receiver not in ctx.index.import_map
        and c.receiver not in ctx.index.classes
    ]
