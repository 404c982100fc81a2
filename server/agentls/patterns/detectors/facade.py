from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.model import Detection
from agentls.patterns.registry import Detector, register


@register
class Facade(Detector):
    """Provides one simplified interface to a set of subsystem classes: the facade creates and
    coordinates them so that clients make one call instead of orchestrating many objects. It
    reduces coupling to the subsystem's details; it can grow into a god class, and clients that
    need finer control still have to go around it.

    ## Roles
    - `facade`: the simplified entry point.
    - `subsystem`: a class the facade coordinates.

    ## How it is detected
    A class that creates at least three objects of different workspace classes in its own
    constructor (so the subsystem is hidden rather than injected; objects created with `self` as
    an argument are colleagues or children instead) and has a public method that calls methods
    on two or more of them.
    """

    id = "facade"
    category = "structural"
    roles: ClassVar[dict[str, str]] = {"facade": "simplified entry point", "subsystem": "coordinated class"}

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        for ref in ctx.classes():
            init = ref.cls.methods.get("__init__")
            # Objects created with `self` know their creator: colleagues or children, not a subsystem.
            back = {c.func for c in init.calls if "self" in c.args} if init else set()
            subsystems = {
                c.attr: c
                for c in ctx.collabs(ref).values()
                if c.instantiated
                and not c.from_param
                and c.instantiated[0].cls.name not in {b.rpartition(".")[2] for b in back}
            }
            kinds = {c.instantiated[0].key for c in subsystems.values()}
            if len(kinds) < 3:
                continue
            for m in ref.cls.methods.values():
                if m.name.startswith("_"):
                    continue
                used = {call.receiver.removeprefix("self.") for call in m.calls} & set(subsystems)
                if len(used) >= 2:
                    conf = 0.8 if len(kinds) >= 4 else 0.7
                    yield ctx.det(
                        ref,
                        self.id,
                        "facade",
                        conf,
                        [
                            (ref.cls.selection.line, f"creates {len(kinds)} subsystem objects itself"),
                            (m.selection.line, f"`{m.name}` coordinates {', '.join(f'`{u}`' for u in sorted(used))}"),
                        ],
                        [(c.instantiated[0], "subsystem") for c in subsystems.values()],
                    )
                    break
