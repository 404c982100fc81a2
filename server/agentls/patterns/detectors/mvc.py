from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef

_OUTPUT = ("print", "render_template", "click.echo", "echo")


def _presents(m: FunctionFacts) -> bool:
    if any(c.func in _OUTPUT or c.method in ("write", "render", "show") for c in m.calls):
        return True
    return "fstring" in m.returns or any(v.endswith(".format") or v.endswith(".join") for v in m.returns)


def _is_view(ref: ClassRef) -> bool:
    """Only presents data it is given: every public method with arguments outputs or formats."""
    public = [m for n, m in ref.cls.methods.items() if not n.startswith("_") and m.params]
    presenting = sum(_presents(m) for m in public)
    # Every public method presents; or most do and the rest are small formatting helpers.
    mostly = presenting >= 2 and presenting * 3 >= len(public) * 2
    return bool(public) and (presenting == len(public) or mostly) and not ref.cls.instance_attrs() - {"template"}


def _mutators(ref: ClassRef) -> set[str]:
    return {
        n
        for n, m in ref.cls.methods.items()
        if not n.startswith("_") and (m.self_writes or any(op.container.startswith("self.") for op in m.container_ops))
    }


def _all_views(ctx: Ctx, ref: ClassRef) -> bool:
    """An abstract class every implementation of which only presents."""
    impls = ctx.concrete(ref)
    return ref.cls.is_interface and bool(impls) and all(_is_view(i) for i in impls)


def _has_data(ctx: Ctx, ref: ClassRef) -> bool:
    return any(r.cls.instance_attrs() or r.cls.class_attrs for r in [ref, *ctx.concrete(ref)])


@register
class Mvc(Detector):
    """Model-View-Controller splits an interactive program into the model (data and rules),
    the view (presentation) and the controller (turns input into model updates and picks what
    the view shows). Each part changes and is tested separately; small programs pay for three
    classes where one would do, and controllers tend to swell.

    ## Roles
    - `controller`: holds a model and a view and mediates between them.
    - `model`: the data the controller reads and updates.
    - `view`: presents what the controller gives it.

    ## How it is detected
    A class holding two collaborators of known classes, where one method reads from one (the
    model) and passes data to a method of the other, whose class only presents its arguments
    (every public method prints, writes, renders or returns formatted text) and keeps no state,
    while the controller also calls a method that changes the model's state and the model
    presents nothing itself. The view and the model may be abstract classes standing for their
    implementations (all of the view's only present; some of the model's keep data); then a
    controller that only reads the model counts too, and the implementations are reported as
    views and models.
    """

    id = "mvc"
    category = "architecture"
    roles: ClassVar[dict[str, str]] = {
        "controller": "mediates between model and view",
        "model": "data and rules",
        "view": "presentation",
    }

    def _triad(self, ctx: Ctx, ref: ClassRef) -> tuple[ClassRef, ClassRef, str] | None:
        collabs = [c for c in ctx.collabs(ref).values() if len(c.types) >= 1]
        # An abstract view or model stands for its implementations.
        views = [(c, c.types[0]) for c in collabs if _is_view(c.types[0]) or _all_views(ctx, c.types[0])]
        models = [
            (c, c.types[0])
            for c in collabs
            if not _is_view(c.types[0]) and not _all_views(ctx, c.types[0]) and _has_data(ctx, c.types[0])
        ]
        for vc, view in views:
            for mc, model in models:
                family = [model, *ctx.concrete(model)]
                if any(_presents(m) for r in family for m in r.cls.methods.values()):
                    continue
                # Updating the model, or only reading it while an abstract view presents it.
                updates = set(mc.methods) & _mutators(model)
                if not updates and not (view.cls.is_interface and model.cls.is_interface):
                    continue
                for m in ref.cls.methods.values():
                    receivers = [c.receiver for c in m.calls]
                    if f"self.{mc.attr}" in receivers and any(
                        c.receiver == f"self.{vc.attr}" and c.args for c in m.calls
                    ):
                        return model, view, m.name
        return None

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        triads = ctx._cache.get("mvc")
        if triads is None:
            triads = {r.key: (r, t) for r in ctx.ws.all_classes() if (t := self._triad(ctx, r))}
            ctx._cache["mvc"] = triads
        for ref in ctx.classes():
            for ctrl, (model, view, method) in triads.values():
                if ref == ctrl:
                    yield ctx.det(
                        ref,
                        self.id,
                        "controller",
                        0.8,
                        [
                            (
                                ref.cls.methods[method].selection.line,
                                f"`{method}` reads the model and hands data to the view",
                            )
                        ],
                        [(model, "model"), (view, "view")],
                    )
                elif ref == model or (model.cls.is_interface and ref in ctx.concrete(model)):
                    yield ctx.det(
                        ref,
                        self.id,
                        "model",
                        0.75,
                        [(ref.cls.selection.line, f"read and updated by `{ctrl.cls.name}`")],
                        [(ctrl, "controller"), (view, "view")],
                    )
                elif ref == view or (view.cls.is_interface and ref in ctx.concrete(view)):
                    yield ctx.det(
                        ref,
                        self.id,
                        "view",
                        0.75,
                        [(ref.cls.selection.line, f"presents what `{ctrl.cls.name}` gives it")],
                        [(ctrl, "controller"), (model, "model")],
                    )
