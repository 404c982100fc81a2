from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.model import Detection
from agentls.patterns.registry import Detector, register
from agentls.patterns.workspace import ClassRef


def notifies(ctx: Ctx, ref: ClassRef) -> tuple[FunctionFacts, FunctionFacts, str, str] | None:
    """(subscribe method, notify method, container, called method or '()') for a subject."""
    methods = ref.cls.methods
    containers = {c.attr for c in ctx.collabs(ref).values() if c.container in ("list", "set")}
    containers |= {a for a, v in ref.cls.class_attrs.items() if v in ("list", "set")}
    for sub in methods.values():
        # Subscribing is a small public operation (`attach`, `connect`), not a step of some
        # larger algorithm that collects objects to process later.
        if not sub.is_public or sub.complexity > 3:
            continue
        for op in sub.container_ops:
            attr = op.container.removeprefix("self.")
            if op.op not in ("append", "add") or attr not in containers or not op.arg.startswith("param:"):
                continue
            for note in methods.values():
                if note is sub:
                    continue
                for loop in note.loops:
                    if loop.iter.removeprefix("self.") != attr or not loop.target:
                        continue
                    for call in note.calls:
                        if call.method.startswith("_"):
                            continue  # observers are told through their public interface
                        if call.receiver == loop.target and call.method != note.name:
                            return sub, note, attr, call.method
                        if call.func == loop.target:
                            return sub, note, attr, "()"
    return None


@register
class Observer(Detector):
    """Defines a one-to-many dependency: observers register with a subject, and the subject
    notifies all of them when it changes, without knowing their concrete classes. It decouples
    the source of change from its consequences; update order is implicit, cascades are hard to
    follow, and forgotten observers leak.

    ## Roles
    - `subject`: keeps the observers and notifies them.
    - `observer`: the interface observers implement.
    - `concrete_observer`: reacts to notifications.

    ## How it is detected
    A class with a list or set attribute, a small public method adding the object it receives
    to it, and another method looping over it and calling a public method on (or calling) each
    element; a notification that calls the same method it is in is a composite's recursion. Classes
    implementing the called method in a hierarchy with an abstract declaration of it are
    observers. A dict of lists keyed by topic is publish-subscribe instead.
    """

    id = "observer"
    category = "behavioural"
    roles: ClassVar[dict[str, str]] = {
        "subject": "notifies registered observers",
        "observer": "observer interface",
        "concrete_observer": "reacts to notifications",
    }

    def _subjects(self, ctx: Ctx) -> list[tuple[ClassRef, str]]:
        if "subjects" not in ctx._cache:
            ctx._cache["subjects"] = [(r, f[3]) for r in ctx.ws.all_classes() if (f := notifies(ctx, r))]
        return ctx._cache["subjects"]  # type: ignore[no-any-return]

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        subjects = self._subjects(ctx)
        called = {m for _, m in subjects if m != "()"}
        for ref in ctx.classes():
            found = notifies(ctx, ref)
            if found:
                sub, note, attr, method = found
                what = "calls each one" if method == "()" else f"calls `{method}` on each"
                yield ctx.det(
                    ref,
                    self.id,
                    "subject",
                    0.85,
                    [
                        (sub.selection.line, f"`{sub.name}` registers observers in `self.{attr}`"),
                        (note.selection.line, f"`{note.name}` {what}"),
                    ],
                )
            for name in called & set(ref.cls.methods):
                m = ref.cls.methods[name]
                if m.abstract or m.body_kind == "not_implemented" or (ref.cls.is_interface and m.is_stub):
                    if ctx.descendants(ref):
                        yield ctx.det(
                            ref,
                            self.id,
                            "observer",
                            0.8,
                            [(m.selection.line, f"declares `{name}` for subjects to call")],
                            [(s, "subject") for s, n in subjects if n == name],
                        )
                elif any(name in a.cls.abstract_methods for a in ctx.ancestors(ref)):
                    yield ctx.det(
                        ref,
                        self.id,
                        "concrete_observer",
                        0.8,
                        [(m.selection.line, f"`{name}` reacts to notifications")],
                        [(s, "subject") for s, n in subjects if n == name],
                    )
                break
