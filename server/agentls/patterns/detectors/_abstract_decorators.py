"""The abstract decorator: a base keeping the one object its constructor is handed, between
the component interface and the wrappers deriving from it (Head First's `CondimentDecorator`
between `Beverage` and `Mocha`)."""

from __future__ import annotations

from agentls.patterns.context import Ctx
from agentls.patterns.detectors._wrapping import ctx_args_for, family, init_held
from agentls.patterns.generated_init import takes_fields
from agentls.patterns.workspace import ClassRef


def abstract_wrap(ctx: Ctx, anc: ClassRef) -> tuple[str, ClassRef] | None:
    """(attribute, interface) when ``anc`` keeps an object it is handed in its constructor and
    derives from an interface its subclasses forward to that object by the same names, and
    itself forwards nothing, or only by the same names (an abstract decorator:
    `CharacterDecorator(Character, ABC)` storing `self._character` and leaving every method
    abstract; or declaring it as the one field of a generated constructor: a dataclass's
    `display: Display`)."""
    if "__init__" not in anc.cls.methods and not takes_fields(anc.cls, [a.cls for a in ctx.ancestors(anc)]):
        return None
    held = [
        c
        for c in ctx.collabs(anc).values()
        if c.from_param and not c.container and _only_relayed(anc, c.attr) and init_held(anc, c.attr)
    ]
    tops = [a for a in ctx.ancestors(anc) if a.cls.public_methods]
    if not tops and anc.cls.abstract_methods and _handed_own_kind(ctx, anc):
        # With no interface above it, a base declaring the methods abstract is the interface
        # itself, when the program hands its subclasses objects of its own family
        # (`BoldWrapper(Text("hi"))` under `BaseWrapper(ABC)`; a session it keeps is no kin).
        tops = [anc]
    if len(held) != 1 or not tops:
        return None
    attr = held[0].attr
    if any(f"self.{attr}" in m.none_checks for m in anc.cls.methods.values()):
        return None  # an optional successor: a chain
    return attr, tops[-1]


def _only_relayed(anc: ClassRef, attr: str) -> bool:
    """Nothing is called on the held object in ``anc`` but by a method of the same name passing
    the request on (`get_size()` answering `self.beverage.get_size()`, as Head First's
    `CondimentDecorator` does beside the `cost()` it leaves abstract): what every decorator does
    with what it keeps, not a use of it of its own."""
    receiver = f"self.{attr}"
    return all(c.method == m.name for m in anc.cls.methods.values() for c in m.calls if c.receiver == receiver)


def _handed_own_kind(ctx: Ctx, anc: ClassRef) -> bool:
    """The program hands the constructor of ``anc`` or of a subclass an object of ``anc``'s
    family."""
    kin = family(ctx, anc)
    return any(t.key in kin for d in [anc, *ctx.descendants(anc)] for t in ctx_args_for(ctx, d))
