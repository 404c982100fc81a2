"""Registries filled by introspection: a factory class loading, in a method of its own, the
classes of a module that pass a subclass check (`for name, kind in getmembers(plugins):` /
`if issubclass(kind, Vehicle): self.vehicles[name] = kind`) and instantiating the one its
argument names (`return self.vehicles[name]()`)."""

from __future__ import annotations

from agentls.patterns.context import Ctx
from agentls.patterns.facts import FunctionFacts, ModuleIndex
from agentls.patterns.workspace import ClassRef


def introspected(ctx: Ctx, fn: FunctionFacts, module: ModuleIndex, table: str) -> list[ClassRef]:
    """The concrete subclasses of the base another method of ``fn``'s class checks what it
    stores into ``self.<table>`` against (`issubclass(kind, Base)`), when ``fn`` reads that
    table by one of its arguments: the classes the table can hold, whatever module they are
    found in at run time. A table filled with what passes no subclass check (functions found
    by `isfunction`, plug-in hooks) holds no classes of one family."""
    cls = module.classes.get(fn.qualname.rpartition(".")[0])
    if cls is None or fn.kind != "method":
        return []
    names = (f"self.{table}", f"cls.{table}")
    if not any(c in names and k.startswith("param:") for c, k in fn.subscripts):
        return []
    for m in cls.methods.values():
        if m is fn:
            continue
        stored = {op.arg[5:] for op in m.container_ops if op.container in names and op.arg[:5] == "name:"}
        # `self.vehicles.update([[name, kind]])`: the pair is not seen, only that it fills it.
        updated = any(c.receiver in names and c.method == "update" for c in m.calls)
        for c in m.calls:
            if c.func != "issubclass" or len(c.args) != 2 or c.args[0][:5] != "name:":
                continue
            if c.args[0][5:] not in stored and not (updated and not stored):
                continue
            kind, _, base_name = c.args[1].partition(":")
            base = ctx.resolve(base_name, module) if kind in ("name", "attr") else None
            found = ctx.concrete(base) if base is not None else []
            if len(found) >= 2:
                return found
    return []
