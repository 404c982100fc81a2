from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.detectors._wrapping import is_proxy_like, wraps
from agentls.patterns.model import Detection
from agentls.patterns.registry import Detector, register


@register
class Decorator(Detector):
    """Attaches responsibilities to an object dynamically by wrapping it in another object
    with the same interface that forwards each call and adds behaviour before or after. Wrappers
    stack freely and replace subclass explosions; the price is many small objects, and code that
    checks concrete types or identity sees the wrapper instead. (This is the GoF structural
    pattern, not Python's `@decorator` syntax.)

    ## Roles
    - `decorator`: implements the component interface and wraps another component.
    - `component`: the shared interface.

    ## How it is detected
    A class that implements an interface (a base class with methods), receives an object of
    that same interface (by annotation, or by calling only that interface's methods on it)
    through its constructor, and overrides interface methods that call the *same* method on the
    wrapped object. Wrappers that create their subject, initialise it lazily or guard access
    are proxies; wrappers that call *different* methods on an unrelated object are adapters.
    """

    id = "decorator"
    category = "structural"
    roles: ClassVar[dict[str, str]] = {
        "decorator": "wraps a component with the same interface",
        "component": "the shared interface",
    }

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        for ref in ctx.classes():
            for w in wraps(ctx, ref):
                same_name = [(m, n) for m, n in w.forwards if m.name == n]
                if not w.same_family or not same_name or is_proxy_like(w) or not w.collab.from_param:
                    continue
                built_by_base = any(
                    r == ref
                    for mm in w.interface.cls.methods.values()
                    for r in ctx.returned_classes(mm, w.interface.module)
                )
                if built_by_base:
                    continue  # the component builds it (a combinator such as `~spec`), clients do not wrap
                m, _ = same_name[0]
                yield ctx.det(
                    ref,
                    self.id,
                    "decorator",
                    0.85,
                    [
                        (w.collab.line, f"wraps a `{w.interface.cls.name}` received in `self.{w.collab.attr}`"),
                        (m.selection.line, f"`{m.name}` forwards to the wrapped `{m.name}` and adds behaviour"),
                    ],
                    [(w.interface, "component")],
                )
                break
