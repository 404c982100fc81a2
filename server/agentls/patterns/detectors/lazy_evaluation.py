from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.model import Detection
from agentls.patterns.registry import Detector, register


@register
class LazyEvaluation(Detector):
    """Delays computing a value until it is first needed, then keeps it. Start-up gets cheaper
    and unused values cost nothing, but the first access pays the whole cost, failures surface
    late, and cached values can go stale.

    ## Roles
    - `lazy_attribute`: a property or method that computes on first access and caches.
    - `lazy_descriptor`: a descriptor class whose `__get__` computes and stores the value on
      the instance, so later reads bypass it (what `functools.cached_property` does).

    ## How it is detected
    - A property or method that tests `self._x is None` (or `not in`), assigns `self._x` and
      returns `self._x`; when it also raises (a one-shot `begin()` that refuses a second call)
      it is reported below the default threshold (0.45).
    - A class with `__get__` that calls the wrapped function and writes the result into the
      instance (`instance.__dict__[name] = value` or `setattr(instance, ...)`).

    Merely *using* `@cached_property` is not reported: that is the library's lazy descriptor.
    """

    id = "lazy_evaluation"
    category = "creational"
    roles: ClassVar[dict[str, str]] = {
        "lazy_attribute": "computes on first access and caches",
        "lazy_descriptor": "descriptor that caches the computed value on the instance",
    }

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        for ref in ctx.classes():
            get = ref.cls.methods.get("__get__")
            if get is not None and get.params:
                inst = get.params[0].name
                writes = any(
                    op.container.startswith(f"{inst}.__dict__") and op.op == "setitem" for op in get.container_ops
                )
                writes = writes or any(c.func == "setattr" and c.args[:1] == (f"param:{inst}",) for c in get.calls)
                calls_func = any(c.func.startswith("self.") for c in get.calls)
                if writes and calls_func:
                    yield ctx.det(
                        ref,
                        self.id,
                        "lazy_descriptor",
                        0.9,
                        [(get.selection.line, "`__get__` computes the value and stores it on the instance")],
                    )
            for m in ref.cls.methods.values():
                if m.name.startswith("__"):
                    continue
                for attr in m.self_writes:
                    if f"self.{attr}" in m.none_checks and f"attr:self.{attr}" in m.returns:
                        yield ctx.det(
                            m,
                            self.id,
                            "lazy_attribute",
                            # raising when the value is already there is a one-shot start
                            # (`begin()`), not a cached computation
                            (0.8 if m.kind == "property" else 0.7) if not m.raises else 0.45,
                            [(m.selection.line, f"computes `self.{attr}` on first access, then reuses it")],
                            [(ref, "owner")],
                        )
                        break
