"""How a registry's entries are read: looked up by a key the caller gives (or by a subclass),
and the entry found called."""

from __future__ import annotations

import builtins

from agentls.patterns.context import Ctx
from agentls.patterns.facts import FunctionFacts, ModuleIndex
from agentls.patterns.workspace import ClassRef


def read_by_subclass(ctx: Ctx, ref: ClassRef, name: str) -> list[tuple[ClassRef, FunctionFacts]]:
    """Subclasses' methods that look entries up by key in the registry's `name` map, through
    `self` or another registry of the same kind (`module.handlers.get(cls)`)."""
    out = []
    for d in ctx.descendants(ref):
        for m in d.cls.methods.values():
            if any(c.method == "get" and c.receiver.rpartition(".")[2] == name for c in m.calls) or any(
                c.rpartition(".")[2] == name for c, _ in m.subscripts
            ):
                out.append((d, m))
                break
    return out


def looks_up(fn: FunctionFacts, container: str) -> bool:
    return (
        any(c == container and _from_argument(fn, k) for c, k in fn.subscripts)
        or any(c.func == f"{container}.get" for c in fn.calls)
        or any(v == f"sub:{container}" for v in fn.returns)
    )


def _from_argument(fn: FunctionFacts, key: str) -> bool:
    """A key that is an argument, or a field of one (`self._registry[config.queue_type]`)."""
    if key.startswith("param:"):
        return True
    head = key[5:].partition(".")[0] if key.startswith("attr:") else ""
    return bool(head) and head not in ("self", "cls") and fn.param(head) is not None


def calls_entry(fn: FunctionFacts, container: str, module: ModuleIndex) -> bool:
    return (
        any(c.func in (f"{container}[]", f"{container}.get()") for c in fn.calls)
        or any(v in (f"call:{container}[]", f"call:{container}.get()") for v in fn.returns)
        or any(loop.iter == container and any(c.func == loop.target for c in fn.calls) for loop in fn.loops)
        or (_calls_found(fn, module) and not _by_type(fn, container))
    )


def _by_type(fn: FunctionFacts, container: str) -> bool:
    """Looked up by the class of the argument (`self._handlers.get(type(command))`): routing a
    message to its handler, a message bus's work rather than a registry's."""
    return any(c.func == f"{container}.get" and c.args[:1] == ("call:type",) for c in fn.calls) or any(
        c == container and k == "call:type" for c, k in fn.subscripts
    )


def _calls_found(fn: FunctionFacts, module: ModuleIndex) -> bool:
    """Calls a local it looked up (`creator_cls = self._registry.get(kind)`, then `return
    creator_cls()`): a bare name that is no parameter, no builtin, and no module name the
    function reads otherwise, answered or kept in a local it answers."""
    called = {
        c.func
        for c in fn.calls
        if c.func.isidentifier()
        and fn.param(c.func) is None
        and c.func not in _BUILTINS
        and c.func not in module.import_map
        and c.func not in module.functions
        and c.func not in module.classes
    }
    kept = any(v.startswith("name:") for v in fn.returns)  # `queue = queue_class(config)`, `return queue`
    return bool(called) and (kept or any(f"call:{c}" in fn.returns for c in called))


_BUILTINS = frozenset(dir(builtins))


def looks_up_any(ref: ClassRef, container: str, skip: FunctionFacts) -> bool:
    return any(o is not skip and looks_up(o, container) for o in ref.cls.methods.values())
