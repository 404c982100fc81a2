from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.detectors._wrapping import is_proxy_like, wraps
from agentls.patterns.model import Detection
from agentls.patterns.registry import Detector, register


@register
class Proxy(Detector):
    """Stands in for another object with the same interface to control access to it: create
    it lazily (virtual proxy), check permissions (protection proxy), cache results or reach it
    remotely. Clients cannot tell the difference, which is the point and the risk: latency,
    failures or stale caches hide behind an ordinary-looking call.

    ## Roles
    - `proxy`: the stand-in.
    - `subject`: the interface proxy and real subject share.
    - `real_subject`: the object the proxy controls, when known.

    ## How it is detected
    - A class implementing an interface that holds another implementation of it and forwards
      same-named calls, while creating that object on first use (`if self._real is None`) or
      guarding the forwarding with a check that raises. Building a part eagerly in the
      constructor and delegating to it is composition, not a proxy.
    - A class whose `__getattr__` forwards every unknown attribute to a held object
      (`getattr(self._target, name)`).
    """

    id = "proxy"
    category = "structural"
    roles: ClassVar[dict[str, str]] = {
        "proxy": "controls access to the real subject",
        "subject": "shared interface",
        "real_subject": "the wrapped object",
    }

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        for ref in ctx.classes():
            found = False
            for w in wraps(ctx, ref):
                same = [m for m, n in w.forwards if m.name == n]
                if w.same_family and same and is_proxy_like(w):
                    how = "creates on first use" if w.collab.instantiated else "guards access to"
                    yield ctx.det(
                        ref,
                        self.id,
                        "proxy",
                        0.85,
                        [
                            (w.collab.line, f"{how} the real `{w.interface.cls.name}` in `self.{w.collab.attr}`"),
                            (same[0].selection.line, f"`{same[0].name}` forwards to it"),
                        ],
                        [(w.interface, "subject"), *((t, "real_subject") for t in w.collab.instantiated)],
                    )
                    found = True
                    break
            ga = ref.cls.methods.get("__getattr__")
            if not found and ga is not None:
                target = [
                    c for c in ga.calls if c.func == "getattr" and c.args[:1] and c.args[0].startswith("attr:self.")
                ]
                if target:
                    yield ctx.det(
                        ref,
                        self.id,
                        "proxy",
                        0.75,
                        [(ga.selection.line, f"`__getattr__` forwards every attribute to `{target[0].args[0][5:]}`")],
                    )
