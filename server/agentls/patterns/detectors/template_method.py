from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx, per_workspace
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef

# Dunders that only report on the object: not skeletons of an algorithm.
_NOT_TEMPLATES = frozenset({"__repr__", "__str__", "__eq__", "__hash__", "__lt__", "__len__", "__bool__"})
_HOOKS = frozenset({"__init__", "__enter__", "__exit__", "__call__", "__aenter__", "__aexit__", "__post_init__"})


def _alias(m: FunctionFacts) -> bool:
    """A data-model method that is one statement handing over to one method of its own class
    (`def __getitem__(self, key): return self.get_by_id(key)`): another spelling of that
    method, not a skeleton fixing the order of steps."""
    dunder = m.name.startswith("__") and m.name.endswith("__") and m.name not in _HOOKS
    return dunder and m.statements <= 1 and len(m.self_calls) <= 1


@register
class TemplateMethod(Detector):
    """Defines the skeleton of an algorithm in a base-class method and lets subclasses fill in
    some steps by overriding them, without changing the overall order. The invariant part is
    written once; in exchange subclasses are bound to the base class by inheritance and the
    flow jumps between levels, which makes it harder to read.

    ## Roles
    - `abstract_class`: owns the template method and declares the steps.
    - `concrete_class`: implements the steps.

    ## How it is detected
    A base class with a concrete method (`__init__`, `__enter__` and `__exit__` included) that
    calls a step on `self` which is abstract (or a stub) in the base and overridden by a
    subclass, or calls two or more steps of which a concrete one (a hook) is overridden,
    while the template itself is not overridden (a class method calling its steps on `cls`
    counts too). A base may have several such skeletons (`encode` and `decode`): a subclass
    supplying a step of any of them is a concrete class. One abstract step gives 0.7, two or
    more 0.85 (those of the base's first skeleton). A data-model method that is
    one statement handing over to one method (`__getitem__` returning `self.get_by_id(key)`)
    is another spelling of it, not a skeleton.
    """

    id = "template_method"
    category = "behavioural"
    roles: ClassVar[dict[str, str]] = {"abstract_class": "owns the skeleton", "concrete_class": "implements the steps"}

    @per_workspace
    def _templates(self, ctx: Ctx, ref: ClassRef) -> list[tuple[str, list[str]]]:
        """Every skeleton of ``ref`` with the steps its subclasses override: a base may have
        several (`serialize` and `deserialize`), and a subclass may fill in a step of any."""
        found: list[tuple[str, list[str]]] = []
        subs = ctx.descendants(ref)
        if subs:
            methods = ref.cls.methods
            hooks = {n for n, m in methods.items() if m.abstract or m.is_stub}
            for m in methods.values():
                if m.is_stub or m.abstract or m.name in _NOT_TEMPLATES:
                    continue
                if any(m.name in d.cls.methods for d in subs):
                    continue  # the skeleton itself is replaced: no fixed order
                if _alias(m):
                    continue  # `__getitem__` returning `self.get_by_id(key)`: operator sugar
                # A class-method skeleton calls its steps on `cls` (`cls.step_one()`).
                own = m.self_calls | {c.method for c in m.calls if c.receiver == "cls"}
                called = own & set(methods)
                abstract_steps = sorted(s for s in called & hooks if any(s in d.cls.methods for d in subs))
                # A concrete step (a hook) counts when subclasses override it and the skeleton
                # calls at least one more step.
                hook_steps = sorted(s for s in called - hooks if s != m.name and any(s in d.cls.methods for d in subs))
                if abstract_steps or (hook_steps and len(called) >= 2):
                    found.append((m.name, abstract_steps + hook_steps))
        return found

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        for ref in ctx.classes():
            templates = self._templates(ctx, ref)
            if templates:
                # The first skeleton is the evidence and sets the confidence; the concrete
                # classes are those supplying a step of any.
                name, steps = templates[0]
                every = {s for _, t in templates for s in t}
                conf = 0.85 if len(steps) >= 2 else 0.7
                yield ctx.det(
                    ref,
                    self.id,
                    "abstract_class",
                    conf,
                    [
                        (
                            ref.cls.methods[name].selection.line,
                            f"`{name}` fixes the order of the steps {', '.join(f'`{s}`' for s in steps)}",
                        ),
                    ],
                    [(d, "concrete_class") for d in ctx.descendants(ref) if every & set(d.cls.methods)],
                )
            for anc in ctx.ancestors(ref):
                found = next((t for t in self._templates(ctx, anc) if set(t[1]) & set(ref.cls.methods)), None)
                if found:
                    step = sorted(set(found[1]) & set(ref.cls.methods))[0]
                    yield ctx.det(
                        ref,
                        self.id,
                        "concrete_class",
                        0.8 if len(found[1]) >= 2 else 0.7,
                        [
                            (
                                ref.cls.methods[step].selection.line,
                                f"supplies the step `{step}` of `{anc.cls.name}.{found[0]}`",
                            )
                        ],
                        [(anc, "abstract_class")],
                    )
                    break
