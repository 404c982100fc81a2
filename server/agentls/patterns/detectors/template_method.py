from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.model import Detection
from agentls.patterns.registry import Detector, register
from agentls.patterns.workspace import ClassRef


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
    A base class with a concrete method that calls at least two methods on `self`, at least one
    of which is abstract (or a stub) in the base and overridden by a subclass, while the
    template itself is not overridden.
    """

    id = "template_method"
    category = "behavioural"
    roles: ClassVar[dict[str, str]] = {"abstract_class": "owns the skeleton", "concrete_class": "implements the steps"}

    def _template(self, ctx: Ctx, ref: ClassRef) -> tuple[str, list[str]] | None:
        key = ("template", ref.key)
        if key in ctx._cache:
            return ctx._cache[key]  # type: ignore[no-any-return]
        result = None
        subs = ctx.descendants(ref)
        if subs:
            methods = ref.cls.methods
            hooks = {n for n, m in methods.items() if m.abstract or m.is_stub}
            for m in methods.values():
                if m.is_stub or m.abstract or (m.name.startswith("__") and m.name != "__call__"):
                    continue
                steps = sorted(m.self_calls & hooks)
                overridden = [s for s in steps if any(s in d.cls.methods for d in subs)]
                if (
                    len(m.self_calls & set(methods)) >= 2
                    and overridden
                    and not any(m.name in d.cls.methods for d in subs)
                ):
                    result = (m.name, overridden)
                    break
        ctx._cache[key] = result
        return result

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        for ref in ctx.classes():
            found = self._template(ctx, ref)
            if found:
                name, steps = found
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
                    [(d, "concrete_class") for d in ctx.descendants(ref) if set(steps) & set(d.cls.methods)],
                )
            for anc in ctx.ancestors(ref):
                found = self._template(ctx, anc)
                if found and set(found[1]) & set(ref.cls.methods):
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
