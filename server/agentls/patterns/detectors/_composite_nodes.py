"""Whether a member of a composite's hierarchy is a leaf or an inner node holding children it
forwards to (see ``composite``), and the detections built for those members."""

from __future__ import annotations

from collections.abc import Sequence

from agentls.patterns.context import Ctx, Target
from agentls.patterns.detectors._composite_leaves import EMPTY
from agentls.patterns.facts import FunctionFacts
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef


def _answers_nothing(ctx: Ctx, ref: ClassRef, walked: str) -> bool:
    """``walked`` is what a method of ``ref`` answers (`self.recurse()`) and, as ``ref`` has
    it, that method returns an empty literal (`return []`): the base's default walk over the
    children a leaf does not have (a token inheriting `_checkRecursion` over `recurse()`)."""
    if not walked.endswith("()"):
        return False
    answer = ctx.all_methods(ref).get(walked[5:-2])
    return (
        answer is not None and answer.body_kind == "trivial" and bool(answer.returns) and set(answer.returns) <= EMPTY
    )


def _asked_other(ctx: Ctx, ref: ClassRef, attr: str) -> bool:
    """``ref`` asks what it holds in ``self.<attr>`` a public method it does not have itself
    (a sprite asking its path `next_pos()`): the held object is of another kind, a part of
    the node, not a child standing for it."""
    own = ctx.all_methods(ref)
    return any(
        c.receiver == f"self.{attr}" and not c.method.startswith("_") and c.method not in own
        for m in own.values()
        for c in m.calls
    )


def _held_child(ctx: Ctx, ref: ClassRef, method: str, group: str = "") -> str:
    """How ``ref``'s ``method`` (its own or inherited) calls ``method`` on what it holds: on
    an attribute (`self.body.generate(writer)`: "the child it holds in `self.body`"), or on
    each item of one (a function node over its arguments, `[a.replace_table(t) for a in
    self.args]`: "every child in `self.args`"); "" when it does neither (a leaf). ``group``
    is the list the composite found walks: a subclass of a group class inheriting that walk
    (`Circle(GraphicObject)`) is the leaf the group was written for, not another group. An
    attribute asked what ``ref`` cannot answer holds a part of another kind, and a walk over
    what a method answering an empty literal answers walks nothing: neither is a child."""
    impl = ctx.all_methods(ref).get(method)
    if impl is None:
        return _kept_for_subclasses(ctx, ref, method)
    held, looped = _forwarded(ctx, ref, impl, method)
    if held:
        return f"the child it holds in `self.{min(held)}`"
    walked = [a for a in looped if a != group and not _answers_nothing(ctx, ref, f"self.{a}")]
    return f"every child in `self.{min(walked)}`" if walked else _kept_for_subclasses(ctx, ref, method)


def _forwarded(ctx: Ctx, ref: ClassRef, impl: FunctionFacts, method: str) -> tuple[list[str], list[str]]:
    """The attributes ``impl``, ``ref``'s ``method``, forwards ``method`` to, in the order
    written: those it calls it on (`self.body.generate(writer)`; not one ``ref`` asks what it
    cannot answer, a part of another kind), and those it loops over calling it on each item."""
    held = [
        c.receiver[5:]
        for c in impl.calls
        if c.method == method and c.receiver.startswith("self.") and not _asked_other(ctx, ref, c.receiver[5:])
    ]
    looped = [
        lp.iter[5:]
        for lp in impl.loops
        if lp.target and lp.iter.startswith("self.") and any(c.func == f"{lp.target}.{method}" for c in impl.calls)
    ]
    return held, looped


def _kept_for_subclasses(ctx: Ctx, ref: ClassRef, method: str) -> str:
    """``ref`` keeps, in an attribute its own methods write, the children its subclasses
    forward ``method`` to (`Binary` keeping the `left` and `right` its `Add` evaluates, a
    boolean operation keeping the operands its `And` and `Or` walk): the group base of those
    nodes, not a leaf beside them."""
    kept = {a for f in ref.cls.methods.values() for a in f.self_writes}
    for e in ctx.descendants(ref) if kept else []:
        impl = e.cls.methods.get(method)
        held, looped = _forwarded(ctx, e, impl, method) if impl is not None else ([], [])
        for a in (*held, *looped):
            if a in kept:
                return f"the children `{e.cls.name}` forwards to, kept in `self.{a}`"
    return ""


def role(ctx: Ctx, ref: ClassRef, method: str, group: str = "") -> str:
    """`leaf`, or `composite` for an inner node holding children it forwards to (a template
    block around its body, a function node over its argument expressions)."""
    return "composite" if _held_child(ctx, ref, method, group) else "leaf"


def leaf_or_node(
    ctx: Ctx,
    ref: ClassRef,
    method: str,
    kind: str,
    conf: float,
    parts: Sequence[tuple[Target, str]],
    group: str = "",
) -> Detection:
    """A leaf, or an inner node with children (``_held_child``), reported as a composite."""
    held = _held_child(ctx, ref, method, group)
    if held:
        why = f"`{method}` calls `{method}` on {held}"
        return at(ctx, ref, "composite", "composite", conf - 0.05, why, parts)
    return at(ctx, ref, "composite", "leaf", conf, f"a `{kind}` without children", parts)


def at(
    ctx: Ctx, ref: ClassRef, pattern: str, role: str, conf: float, why: str, parts: Sequence[tuple[Target, str]]
) -> Detection:
    """A detection for a participant, built as if analysing its own module."""
    return Ctx(ref.module, ctx.ws, ctx.settings).det(ref, pattern, role, conf, [(ref.cls.selection.line, why)], parts)
