from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.model import Detection
from agentls.patterns.registry import Detector, register

_IGNORED = frozenset({"__init__", "__repr__", "__str__", "__eq__", "__hash__"})


@register
class NullObject(Detector):
    """Provides a do-nothing implementation of an interface to stand in for "no object", so
    clients call it unconditionally instead of checking for `None` everywhere. It removes
    special cases; it can also hide a missing collaborator that should have been an error.

    ## Roles
    - `null_object`: the do-nothing implementation.
    - `abstract_object`: the interface it implements.

    ## How it is detected
    A concrete subclass of a class whose other implementations do real work, that overrides at
    least one of the base's methods, and whose every method (besides `__init__`/`__repr__`)
    is empty or returns nothing (`pass`, `return None`, `return ""`, `return []`; returning
    `0`, `False` or a non-empty string is an answer, not nothing). It must stand in for the
    whole interface: implement all the base's abstract methods, or, for a concrete base,
    override at least two of its methods; a single no-op override of one hook in a larger
    class is reported below the default threshold (0.45).
    """

    id = "null_object"
    category = "behavioural"
    roles: ClassVar[dict[str, str]] = {"null_object": "does nothing, safely", "abstract_object": "the interface"}

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        for ref in ctx.classes():
            own = {n: m for n, m in ref.cls.methods.items() if n not in _IGNORED}
            if not own or ref.cls.is_interface or ref.cls.declares_abstract:
                continue
            if not all(m.body_kind in ("stub", "trivial") and not m.abstract for m in own.values()):
                continue
            for base in ctx.ancestors(ref):
                overridden = set(own) & set(base.cls.methods)
                siblings = [
                    d
                    for d in ctx.concrete(base)
                    if d != ref
                    and any(d.cls.methods.get(n) and d.cls.methods[n].body_kind == "real" for n in overridden)
                ]
                if overridden and siblings:
                    # A stand-in covers the interface: the base's abstract methods, or (for a
                    # concrete base) more than one method of a small interface. One hook
                    # overridden to return nothing in a large class is a variant, not a null.
                    interface = base.cls.abstract_methods or set(base.cls.public_methods)
                    covers = interface <= set(own) if base.cls.abstract_methods else len(overridden) >= 2
                    yield ctx.det(
                        ref,
                        self.id,
                        "null_object",
                        0.85 if covers else 0.45,
                        [(own[n].selection.line, f"`{n}` does nothing") for n in sorted(overridden)[:3]],
                        [(base, "abstract_object")],
                    )
                    break
