from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx, Target
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._duck_families import duck_evidence
from agentls.patterns.detectors._families import (
    Held,
    abstraction_base,
    held_families,
    kind_of,
    roles_for,
    roles_of_kind,
)
from agentls.patterns.detectors._shared import is_repository
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef


def _own_pairs(ctx: Ctx, h: Held) -> bool:
    """Every holder of the family makes its own implementor, one class each and another than
    its siblings' (`PdfExport` making a `PdfWriter`, `HtmlExport` an `HtmlWriter`), handed
    none: each abstraction belongs to one implementation, parallel hierarchies in which nothing
    varies independently."""
    helds = [x for x in held_families(ctx, h.interface) if kind_of(ctx, x) == "bridge"]
    made: set[str] = set()
    for x in helds:
        c = x.collab
        if c.from_param or len(c.instantiated) != 1 or c.instantiated[0].key in made:
            return False
        made.add(c.instantiated[0].key)
    return len(made) >= 2


@register
class Bridge(Detector):
    """Decouples an abstraction from its implementation so the two can vary independently:
    the abstraction hierarchy holds a reference to an implementor interface instead of
    inheriting from one implementation. It avoids a class for every abstraction-implementation
    pair; the cost is indirection and a design that must be planned up front.

    ## Roles
    - `abstraction`: the class holding the implementor and delegating to it.
    - `refined_abstraction`: a subclass of the abstraction.
    - `implementor`: the implementation interface.
    - `concrete_implementor`: one implementation.

    ## How it is detected
    An implementor interface with two or more concrete implementations, held in an attribute of
    a class that itself has subclasses (two independent hierarchies joined by composition) and
    calls the implementor's methods (kept untyped, not by a base answering those calls itself
    that its subclasses implement: it passes work on to its own kind; nor when another,
    unrelated family declares those methods too, unless the program hands it an object of
    one of them or, as for Strategy, that family is a copy in a module unrelated to the
    holder's, which writes its own). A repository holding a storage hierarchy is a repository instead, and a
    persistence port (a repository or unit of work interface) handed to command handlers is
    no implementor. The base may receive the implementor while its
    subclasses call it (`Shape(renderer)` / `Circle.draw()`), and sibling refined abstractions
    each keeping an implementor of one family make their common base the abstraction, unless
    they answer what they pass on (a chain of handlers; not when the classes they are handed are
    of another hierarchy, whatever the method names). A refined abstraction may make its
    implementor from the class a client hands it (`self.renderer = renderer()` with
    `Dial(Ascii)`): the classes handed at the call sites type the attribute; a factory function
    handed over types nothing. The implementor interface may be implied by duck typing, as for
    Strategy: the classes the program hands the abstraction (or its subclasses,
    `Summary(FileSink())`, through the base's constructor) that define all the abstraction calls
    on them. One refined abstraction is enough when it carries out an abstract operation of its
    abstract base through the implementor, is handed no other object (plain values beside it,
    `CircleShape(x, y, radius, api)`, are its own state: only handed objects it calls or types
    as a class count), and is all the base's concrete subclasses there are
    (`AdvancedFileStorage.save_file` over `self.storage.save`).

    The refined abstractions must work through the implementor: use it themselves, or compose
    the abstraction's operations that do (`display_multi` calling `self.open()`, `self.print()`,
    `self.close()`, each delegating to `self._impl`), or override a step that a method using it
    calls (`check_prices` over `self.exchange` calling the
    subclass's `should_buy`), or extend a method of the abstraction that uses it through
    `super()` (`return "circle " + super().show()`), or, two or more of them, carry out the
    abstract operations of an abstraction handed its implementor in its constructor for good
    (`Flask` / `Django` routing beside the base's `execute` over a driver; one whose clients
    swap it through a setter is a context, and so is one whose clients assign it, or another
    object it is handed and calls, on an object they made: `duck.fly_behaviour =
    FlyRocketPowered()`); a subclass that only changes what it reports (a failed match
    keeping its route) refines nothing, and the holder is then read as a Strategy context, as
    is a holder whose constructor lets callers leave the implementor out (`highlighter:
    Highlighter | None = None`, or a default made when none is given): an abstraction cannot
    work without its implementor and requires it.
    Siblings are holders neither of which derives from the other (a response and its subclass
    keeping the same body are one abstraction). Test cases keeping the application under test
    and exceptions keeping the parameter that failed are not abstractions, nor are the clients
    of an Abstract Factory (pizzas asking a regional ingredient factory for their dough: every
    implementation answers by making a new object, of a class that differs between them:
    authenticators each answering a `Session` fill in one result). Nor are parallel hierarchies: when the
    implementor's hierarchy names or makes the holders (a database client declaring
    `executor_class = SqliteExecutor`, or opening a transaction context over itself), each
    abstraction belongs to one implementation and nothing varies independently; nor when every
    holder makes its own implementor, a class of its own (`PdfExport` making a `PdfWriter`,
    `HtmlExport` an `HtmlWriter`), and is handed none.
    """

    id = "bridge"
    category = "structural"
    roles: ClassVar[dict[str, str]] = {
        "abstraction": "holds the implementor",
        "refined_abstraction": "subclass of the abstraction",
        "implementor": "implementation interface",
        "concrete_implementor": "one implementation",
    }

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        for ref in ctx.classes():
            # A repository over a storage hierarchy (DAOs) is a repository, not a bridge.
            mine = [
                (r, h)
                for r, h in roles_of_kind(ctx, ref, "bridge")
                if not is_repository(ctx, h.holder) and not _own_pairs(ctx, h)
            ]
            for role, h in mine:
                parts = self._parts(ctx, h)
                if role == "interface":
                    yield ctx.det(
                        ref,
                        self.id,
                        "implementor",
                        0.85,
                        [(ref.cls.selection.line, f"{len(h.impls)} implementations")],
                        parts,
                    )
                elif role == "impl":
                    yield ctx.det(
                        ref,
                        self.id,
                        "concrete_implementor",
                        0.85,
                        [
                            (ref.cls.selection.line, f"implements `{h.interface.cls.name}`"),
                            *duck_evidence(ctx, h.interface, ref),
                        ],
                        parts,
                    )
                elif (base := abstraction_base(ctx, h)) is not None:
                    yield ctx.det(
                        ref,
                        self.id,
                        "refined_abstraction",
                        0.8,
                        [
                            (h.collab.line, f"keeps an implementor `{h.interface.cls.name}` in `self.{h.collab.attr}`"),
                            (ref.cls.selection.line, f"refines the abstraction `{base.cls.name}`"),
                        ],
                        [(base, "abstraction"), *parts[1:]],
                    )
                else:
                    yield ctx.det(
                        ref,
                        self.id,
                        "abstraction",
                        0.85,
                        [
                            (h.collab.line, f"keeps an implementor `{h.interface.cls.name}` in `self.{h.collab.attr}`"),
                            (ref.cls.selection.line, f"has {len(ctx.descendants(ref))} refined abstractions"),
                            *duck_evidence(ctx, h.interface, ref),
                        ],
                        parts,
                    )
            yield from self._sibling_base(ctx, ref)
            if all(role != "holder" for role, _ in mine):
                for anc in ctx.ancestors(ref):
                    for r, h in roles_for(ctx, anc):
                        if (
                            r == "holder"
                            and kind_of(ctx, h) == "bridge"
                            and not is_repository(ctx, h.holder)
                            and not _own_pairs(ctx, h)
                        ):
                            yield ctx.det(
                                ref,
                                self.id,
                                "refined_abstraction",
                                0.8,
                                [(ref.cls.selection.line, f"refines the abstraction `{anc.cls.name}`")],
                                self._parts(ctx, h),
                            )
                            break
                    else:
                        continue
                    break

    def _sibling_base(self, ctx: Ctx, ref: ClassRef) -> Iterator[Detection]:
        """The base of refined abstractions that each keep their own implementor (below it, or
        below an empty base of it: `class _Common(Abstraction): pass`)."""
        for d in ctx.descendants(ref):
            for role, h in roles_of_kind(ctx, d, "bridge"):
                if (
                    role == "holder"
                    and abstraction_base(ctx, h) == ref
                    and not is_repository(ctx, h.holder)
                    and not _own_pairs(ctx, h)
                ):
                    refined = [x.holder for x in held_families(ctx, h.interface) if ref in ctx.ancestors(x.holder)]
                    yield ctx.det(
                        ref,
                        self.id,
                        "abstraction",
                        0.8,
                        [(ref.cls.selection.line, f"its {len(refined)} refined abstractions each keep an implementor")],
                        [*((r, "refined_abstraction") for r in refined), (h.interface, "implementor")],
                    )
                    return

    def _parts(self, ctx: Ctx, h: Held) -> list[tuple[Target, str]]:
        return [
            (h.holder, "abstraction"),
            (h.interface, "implementor"),
            *((i, "concrete_implementor") for i in h.impls),
        ]
