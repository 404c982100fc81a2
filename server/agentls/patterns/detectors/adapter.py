from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.detectors._wrapping import wraps
from agentls.patterns.model import Detection
from agentls.patterns.registry import Detector, register


@register
class Adapter(Detector):
    """Converts the interface of an existing class (the adaptee) into the interface clients
    expect (the target), so classes with incompatible interfaces work together without changing
    either. It keeps third-party or legacy code at the edge; each adapter is one more layer
    to maintain, and mismatched semantics can hide behind matching signatures.

    ## Roles
    - `adapter`: implements the target and translates calls to the adaptee.
    - `target`: the interface clients use.
    - `adaptee`: the wrapped class with the foreign interface, when known.

    ## How it is detected
    A class that implements an interface (a base class with methods it overrides) and holds an
    object that is *not* of that interface, received or created in its constructor, and whose
    overriding methods call *differently named*, public methods on it from short bodies
    (cyclomatic complexity at most 3). Same-named forwarding to the same interface is a
    decorator or proxy instead; calls into the held object's private helpers are not.
    """

    id = "adapter"
    category = "structural"
    roles: ClassVar[dict[str, str]] = {
        "adapter": "translates the target interface to the adaptee",
        "target": "expected interface",
        "adaptee": "wrapped foreign class",
    }

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        for ref in ctx.classes():
            for w in wraps(ctx, ref):
                if w.same_family or not w.collab.types:
                    continue  # an untyped injected object: we cannot tell its interface is foreign
                # Translating means calling the adaptee's public interface from a short method;
                # reaching into its private helpers, or a long algorithm that happens to query
                # a collaborator, is not adaptation.
                renamed = [(m, n) for m, n in w.forwards if m.name != n and not n.startswith("_") and m.complexity <= 3]
                if not renamed or len(renamed) * 2 < len(w.forwards):
                    continue
                m, n = renamed[0]
                conf = 0.85 if w.interface.cls.is_interface else 0.7
                yield ctx.det(
                    ref,
                    self.id,
                    "adapter",
                    conf,
                    [
                        (
                            m.selection.line,
                            f"`{m.name}` (from `{w.interface.cls.name}`) is served by `self.{w.collab.attr}.{n}`",
                        ),
                    ],
                    [(w.interface, "target"), *((t, "adaptee") for t in w.collab.types)],
                )
                break
