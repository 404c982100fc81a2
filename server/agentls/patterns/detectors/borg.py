from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.model import Detection


@register
class Borg(Detector):
    """Lets many instances share one state by pointing every instance's `__dict__` at one
    class-level dict (the "monostate"). Identity stays ordinary, so subclassing and `is` checks
    behave, but the shared mutable state has the same testing and coupling costs as a singleton.

    ## Roles
    - `borg`: the class whose instances share state (subclasses inherit the role).

    ## How it is detected
    A class attribute initialised to a dict, and `__init__` or `__new__` assigning that dict
    to the instance's `__dict__` (`self.__dict__ = self._shared_state`); subclasses of such a
    class share it too.
    """

    id = "borg"
    category = "creational"
    roles: ClassVar[dict[str, str]] = {"borg": "class whose instances share one state dict"}

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        for ref in ctx.classes():
            shared = [a for a, v in ref.cls.class_attrs.items() if v == "dict"]
            for name in ("__init__", "__new__"):
                m = ref.cls.methods.get(name)
                if m is None or not m.dict_writes:
                    continue
                if shared or any(a in m.self_reads for a in shared):
                    yield ctx.det(
                        ref,
                        self.id,
                        "borg",
                        0.9,
                        [(m.selection.line, "instances get the class-level dict as their `__dict__`")],
                    )
                    break
            else:
                for anc in ctx.ancestors(ref):
                    # The sharing may be done in the base's `__new__` (`obj.__dict__ =
                    # cls._shared_state`) as well as its `__init__`.
                    init = next(
                        (m for n in ("__init__", "__new__") if (m := anc.cls.methods.get(n)) and m.dict_writes), None
                    )
                    if init and any(v == "dict" for v in anc.cls.class_attrs.values()):
                        yield ctx.det(
                            ref,
                            self.id,
                            "borg",
                            0.7,
                            [(ref.cls.selection.line, f"inherits shared state from `{anc.cls.name}`")],
                            [(anc, "borg")],
                        )
                        break
