from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.model import Detection
from agentls.patterns.registry import Detector, register
from agentls.patterns.workspace import ClassRef


@register
class ChainOfResponsibility(Detector):
    """Passes a request along a chain of handlers; each either handles it or hands it to the
    next, so the sender does not know which object will respond. Handlers can be added and
    reordered freely; a request may fall off the end unhandled, and long chains are hard to
    debug.

    ## Roles
    - `handler`: declares handling and holds the optional successor.
    - `concrete_handler`: decides whether to handle or pass on.

    ## How it is detected
    A class with an attribute holding another handler of its own hierarchy that may be absent
    (defaults to `None`, is checked for `None`, or is set by a method such as `set_next`), and a
    method that, behind a decision, returns the result of the *same* method on that successor
    (handle here or pass on; a part's result used inside a computation is composition), where
    handlers come in kinds (the
    method is overridden by subclasses or declared by a base) or are linked by a setter. A
    linked list's recursive search is not a chain. Subclasses overriding the method are
    concrete handlers.
    """

    id = "chain_of_responsibility"
    category = "behavioural"
    roles: ClassVar[dict[str, str]] = {
        "handler": "holds the successor and passes requests on",
        "concrete_handler": "handles or passes on",
    }

    def _chain(self, ctx: Ctx, ref: ClassRef) -> tuple[str, str, int] | None:
        methods = ref.cls.methods
        candidates = [
            c
            for c in ctx.collabs(ref).values()
            if not c.container
            and c.attr not in methods  # a computed property is not a successor link
            and any(n in methods and not n.startswith("__") for n in c.methods)
        ]
        if not candidates:
            return None  # cheap exit: no same-named forwarding to a held object
        family = {ref.key, *(a.key for a in ctx.ancestors(ref))}
        for c in candidates:
            typed_ok = not c.types or any(
                t.key in family or ref.key in {a.key for a in ctx.ancestors(t)} for t in c.types
            )
            if not typed_ok:
                continue
            optional = any(f"self.{c.attr}" in m.none_checks for m in ref.cls.methods.values())
            setter = any(
                c.attr in m.self_writes
                and m.name != "__init__"
                and any(v.startswith("param:") for v in m.self_writes[c.attr])
                for m in ref.cls.methods.values()
            )
            init = ref.cls.methods.get("__init__")
            if init is not None:
                for v in init.self_writes.get(c.attr, []):
                    p = init.param(v[6:]) if v.startswith("param:") else None
                    optional = optional or v == "none" or (p is not None and p.has_default)
            if not (optional or setter):
                continue
            sources = [v for m in ref.cls.methods.values() for v in m.self_writes.get(c.attr, [])]
            if any(v != "none" and not v.startswith("param:") for v in sources):
                continue  # the successor is built internally: a helper object, not a chain link
            for m in ref.cls.methods.values():
                if c.methods.get(m.name) is None or m.name.startswith("__"):
                    continue
                # Passing on means answering with the successor's answer, behind a decision
                # (handle here, or pass on); using a part's result inside a computation, or
                # closing a wrapped object unconditionally, is composition.
                if f"call:self.{c.attr}.{m.name}" not in m.returns or m.complexity < 2:
                    continue
                # A linked list's recursive search has the same shape; handlers come in kinds:
                # overridden in subclasses, declared by an interface, or chained by a setter.
                overridden = any(m.name in d.cls.methods for d in ctx.descendants(ref))
                declared = any(m.name in a.cls.methods for a in ctx.ancestors(ref))
                if overridden or declared or setter:
                    return c.attr, m.name, m.selection.line
        return None

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        for ref in ctx.classes():
            found = self._chain(ctx, ref)
            if found:
                attr, method, line = found
                subs = [d for d in ctx.descendants(ref) if method in d.cls.methods]
                yield ctx.det(
                    ref,
                    self.id,
                    "handler",
                    0.85,
                    [(line, f"`{method}` passes the request on to `self.{attr}.{method}`")],
                    [(s, "concrete_handler") for s in subs],
                )
                continue
            for anc in ctx.ancestors(ref):
                found = self._chain(ctx, anc)
                if found and found[1] in ref.cls.methods:
                    m = ref.cls.methods[found[1]]
                    yield ctx.det(
                        ref,
                        self.id,
                        "concrete_handler",
                        0.8,
                        [(m.selection.line, f"overrides `{m.name}`: handles the request or passes it on")],
                        [(anc, "handler")],
                    )
                    break
