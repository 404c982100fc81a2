from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.model import Detection
from agentls.patterns.registry import Detector, register
from agentls.patterns.workspace import ClassRef


@register
class Visitor(Detector):
    """Separates an operation from the object structure it works on: each element accepts a
    visitor and calls back the visitor's method for its own type (double dispatch), so new
    operations are new visitor classes and the elements stay unchanged. Adding a new element
    type, however, means touching every visitor.

    ## Roles
    - `element`: accepts a visitor and calls back the method for its type.
    - `visitor`: declares (or dispatches to) one method per element type.
    - `concrete_visitor`: one operation over the structure.

    ## How it is detected
    - Double dispatch: two or more classes have a same-named method that calls a method on
      its argument passing `self`, each calling a different method; classes defining those
      methods are visitors.
    - Reflective dispatch: a method looks up `getattr(self, "prefix" + kind)`, where the kind
      comes from its argument (`type(node).__name__`, `node.__visit_name__`), and the class
      (or its subclasses) defines two or more methods with that prefix. Looking up a bare name
      (`getattr(self, f"_memo_{key}")`, memoisation) or asking another object
      (`getattr(node, "as_" + vendor)`) is not a visitor.
    """

    id = "visitor"
    category = "behavioural"
    roles: ClassVar[dict[str, str]] = {
        "element": "accepts visitors",
        "visitor": "one method per element type",
        "concrete_visitor": "one operation",
    }

    def _elements(self, ctx: Ctx) -> dict[str, tuple[str, str, dict[str, ClassRef]]]:
        """element key -> (accept method, visit method called, all elements of that accept)."""
        if "elements" in ctx._cache:
            return ctx._cache["elements"]  # type: ignore[no-any-return]
        groups: dict[str, dict[str, tuple[ClassRef, str]]] = {}
        for ref in ctx.ws.all_classes():
            for m in ref.cls.methods.values():
                if len(m.params) != 1 or not m.calls or m.name.startswith("__"):
                    continue
                p = m.params[0].name
                for call in m.calls:
                    if call.receiver == p and "self" in call.args:
                        groups.setdefault(m.name, {})[ref.key] = (ref, call.method)
        out = {}
        for accept, members in groups.items():
            if len({v for _, v in members.values()}) >= 2:
                everyone = {k: r for k, (r, _) in members.items()}
                for k, (_r, visit) in members.items():
                    out[k] = (accept, visit, everyone)
        ctx._cache["elements"] = out
        return out

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        elements = self._elements(ctx)
        visits = {v for _, v, _ in elements.values()}
        for ref in ctx.classes():
            if ref.key in elements:
                accept, visit, _ = elements[ref.key]
                yield ctx.det(
                    ref,
                    self.id,
                    "element",
                    0.9,
                    [(ref.cls.methods[accept].selection.line, f"`{accept}` calls back `{visit}(self)` on the visitor")],
                )
            own = visits & set(ref.cls.methods)
            if len(own) >= 2:
                role = "visitor" if ref.cls.is_interface else "concrete_visitor"
                yield ctx.det(
                    ref,
                    self.id,
                    role,
                    0.85,
                    [(ref.cls.methods[n].selection.line, f"`{n}` handles one element type") for n in sorted(own)[:3]],
                )
                continue
            yield from self._reflective(ctx, ref)

    def _reflective(self, ctx: Ctx, ref: ClassRef) -> Iterator[Detection]:
        for m in ref.cls.methods.values():
            for prefix in m.dynamic_getattr:
                if len(prefix) < 2:
                    continue
                family = [ref, *ctx.descendants(ref)]
                handlers = {n for r in family for n in r.cls.methods if n.startswith(prefix) and n != m.name}
                if len(handlers) >= 2:
                    yield ctx.det(
                        ref,
                        self.id,
                        "visitor",
                        0.85,
                        [(m.selection.line, f"`{m.name}` dispatches to `{prefix}<type>` methods")],
                    )
                    return
        for anc in ctx.ancestors(ref):
            for m in anc.cls.methods.values():
                for prefix in m.dynamic_getattr:
                    own = [n for n in ref.cls.methods if len(prefix) >= 2 and n.startswith(prefix)]
                    if own:
                        yield ctx.det(
                            ref,
                            self.id,
                            "concrete_visitor",
                            0.8,
                            [(ref.cls.methods[own[0]].selection.line, f"`{own[0]}` handles one node type")],
                            [(anc, "visitor")],
                        )
                        return
