"""What an untyped collaborator is, read from how it is used: the program's classes that answer
every method called on it. A use case given `repository` with no annotation and calling
`self._repository.save(user)` and `.search(user_id)` works with whatever class of the program
has both; when every such class is a repository, so is what it holds (duck typing, as the
program itself relies on). Containers' and other built-in objects' methods (`add`, `get`,
`append`) say nothing: the object may be a set or a dict."""

from __future__ import annotations

from agentls.patterns.context import Ctx, per_workspace
from agentls.patterns.detectors._repositories import is_repository
from agentls.patterns.workspace import ClassRef

# Methods of Python's own containers and of objects in general: a collaborator called only
# with these may be a list, set or dict as well as any class of the program.
_BUILTIN = frozenset(
    {
        "add",
        "append",
        "clear",
        "copy",
        "count",
        "discard",
        "extend",
        "get",
        "index",
        "insert",
        "items",
        "keys",
        "pop",
        "popitem",
        "remove",
        "setdefault",
        "sort",
        "update",
        "values",
        "close",
        "read",
        "write",
        "join",
        "split",
        "format",
        "encode",
        "decode",
        "send",
        "put",
    }
)


@per_workspace
def answering(ctx: Ctx, called: frozenset[str]) -> list[ClassRef]:
    """The concrete classes of the program whose methods (own or inherited) include every name
    in ``called``; none when the names are only built-in objects' methods."""
    if not called - _BUILTIN or any(n.startswith("__") for n in called):
        return []
    defining = ctx.by_method(public=False)
    # the classes defining the rarest name, and those inheriting it
    rarest = min(sorted(called), key=lambda n: len(defining.get(n, ())))
    seen: dict[str, ClassRef] = {}
    for r in defining.get(rarest, ()):
        for c in [r, *ctx.descendants(r)]:
            seen.setdefault(c.key, c)
    found = []
    for r in seen.values():
        if r.cls.is_interface or r.cls.is_protocol or r.cls.name.startswith(("Test", "Mock")):
            continue
        methods = ctx.all_methods(r)
        if all(n in methods and not methods[n].is_stub for n in called):
            found.append(r)
    return found


@per_workspace
def holding_repositories(ctx: Ctx, reached: frozenset[str]) -> list[ClassRef]:
    """The program's context managers (`__enter__`/`__aenter__`) holding a repository under
    every name in ``reached``: what a function entering an untyped `uow` and calling
    `tx.pokemon_repo.create(...)` works in."""
    defining = ctx.by_method(public=False)
    found = []
    for r in [*defining.get("__enter__", ()), *defining.get("__aenter__", ())]:
        held = {c.attr.lstrip("_"): c.types for c in ctx.collabs(r).values()}
        if all(any(is_repository(ctx, t) for t in held.get(n.lstrip("_"), ())) for n in reached):
            found.append(r)
    return found
