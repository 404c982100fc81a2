from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.model import Detection
from agentls.patterns.registry import Detector, register

_COPIES = ("copy.copy", "copy.deepcopy", "deepcopy", "copy")


@register
class Prototype(Detector):
    """Creates new objects by copying a configured existing one instead of instantiating a
    class, so callers need not know concrete classes or repeat costly set-up. The catch is
    copy depth: shallow copies share mutable parts, deep copies can be slow or copy too much.

    ## Roles
    - `prototype`: a class that clones itself through a public method.
    - `prototype_registry`: keeps named prototypes and hands out copies of them.

    ## How it is detected
    - A public method returning `copy.copy(self)` / `copy.deepcopy(self)`, or a new
      `type(self)(...)` / `self.__class__(...)` whose state it copies from `self`.
    - A class returning a deep or shallow copy of an object looked up in its own dict (the
      copy itself is returned, not merged into something else).

    Implementing only `__copy__`/`__deepcopy__` is copy protocol support, not reported.
    """

    id = "prototype"
    category = "creational"
    roles: ClassVar[dict[str, str]] = {
        "prototype": "clones itself",
        "prototype_registry": "hands out copies of stored prototypes",
    }

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        for ref in ctx.classes():
            for m in ref.cls.methods.values():
                if m.name.startswith("_"):
                    continue
                copies = [c for c in m.calls if c.func in _COPIES]
                if any(c.args[:1] == ("self",) for c in copies) and any(
                    v.startswith("call:") or v.startswith("name:") for v in m.returns
                ):
                    yield ctx.det(
                        ref, self.id, "prototype", 0.85, [(m.selection.line, f"`{m.name}` returns a copy of `self`")]
                    )
                    break
                own = any(v in ("call:type()", "call:self.__class__") for v in m.returns) or any(
                    c.func in ("type()", "self.__class__") for c in m.calls
                )
                if own and ("__dict__" in m.self_reads or len(m.self_reads) >= 2) and not m.params:
                    yield ctx.det(
                        ref,
                        self.id,
                        "prototype",
                        0.75,
                        [(m.selection.line, f"`{m.name}` builds a new instance of its own class from its state")],
                    )
                    break
                handed_out = any(v[5:] in _COPIES for v in m.returns if v.startswith("call:"))
                if any(c.args[:1] and c.args[0].startswith("sub:self.") for c in copies) and m.params and handed_out:
                    yield ctx.det(
                        ref,
                        self.id,
                        "prototype_registry",
                        0.8,
                        [(m.selection.line, f"`{m.name}` returns a copy of a stored prototype")],
                    )
                    break
