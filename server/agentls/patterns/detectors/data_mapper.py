from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx, Target
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.model import Detection
from agentls.patterns.registry import Detector, register
from agentls.patterns.workspace import ClassRef


@register
class DataMapper(Detector):
    """A layer of mappers moves data between domain objects and a database while keeping them
    independent of each other: domain classes know nothing about tables, and the mapper knows
    both. It allows rich domain models with persistence ignorance; the mapping code is extra
    work to write and keep in sync with the schema.

    ## Roles
    - `data_mapper`: the class or function doing the mapping.
    - `domain_object`: a mapped domain class.

    ## How it is detected
    - A class with a method that builds an instance of another class from two or more fields
      indexed out of a row it receives (`Order(row["id"], row["total"])`) and a method that
      turns such an object back into a row (returns a dict or tuple of its fields, or writes it
      with SQL). Classes converting *themselves* (`to_dict`/`from_dict`) are not mappers.
    - A function that registers classical ORM mappings (`map_imperatively(Order, table)`).
    """

    id = "data_mapper"
    category = "architecture"
    roles: ClassVar[dict[str, str]] = {
        "data_mapper": "maps between objects and rows",
        "domain_object": "a mapped domain class",
    }

    def _loads(self, ctx: Ctx, ref: ClassRef, m: FunctionFacts) -> ClassRef | None:
        names = {p.name for p in m.params}
        loops = {loop.target for loop in m.loops}
        sources = names | loops
        for call in m.calls:
            # fields taken out of a row: two or more arguments indexed from it
            if sum(1 for a in call.args if a.startswith("sub:") and a[4:].rstrip("[]") in sources) >= 2:
                r = ctx.resolve(call.func, ref.module)
                if r is not None and r != ref:
                    return r
        return None

    def _dumps(self, m: FunctionFacts) -> bool:
        if not m.params:
            return False
        p = m.params[0].name
        reads = any(r.startswith(f"{p}.") for r in m.foreign_reads)
        return reads and (any(v in ("dict", "tuple") for v in m.returns) or bool(m.sql & {"insert", "update"}))

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        for ref in ctx.classes():
            loads = dumps = None
            domain = None
            for m in ref.cls.methods.values():
                if m.name.startswith("__"):
                    continue
                found = self._loads(ctx, ref, m)
                if found is not None:
                    loads, domain = loads or m, domain or found
                elif self._dumps(m):
                    dumps = dumps or m
            if loads and dumps and domain is not None:
                yield ctx.det(
                    ref,
                    self.id,
                    "data_mapper",
                    0.8,
                    [
                        (loads.selection.line, f"`{loads.name}` builds a `{domain.cls.name}` from a row"),
                        (dumps.selection.line, f"`{dumps.name}` turns one back into a row"),
                    ],
                    [(domain, "domain_object")],
                )
        targets: list[tuple[Target, FunctionFacts]] = [(f, f) for f in ctx.index.functions.values()]
        if ctx.index.toplevel is not None:
            targets.append((ctx.index, ctx.index.toplevel))
        for target, fn in targets:
            mapped = [
                ctx.resolve(c.args[0].partition(":")[2])
                for c in fn.calls
                if c.method in ("map_imperatively", "mapper") and c.args and c.args[0].startswith(("name:", "attr:"))
            ]
            classes = [r for r in mapped if r is not None]
            if classes:
                yield ctx.det(
                    target,
                    self.id,
                    "data_mapper",
                    0.8,
                    [(fn.selection.line, f"maps {', '.join(f'`{c.cls.name}`' for c in classes)} to tables")],
                    [(c, "domain_object") for c in classes],
                )
