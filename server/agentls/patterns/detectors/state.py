from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx
from agentls.patterns.detectors._families import roles_of_kind, transitions
from agentls.patterns.model import Detection
from agentls.patterns.registry import Detector, register


@register
class State(Detector):
    """Lets an object change its behaviour when its internal state changes by delegating to a
    state object and swapping that object on transitions, instead of switching on a status
    field in every method. Each state's behaviour lives in one class and transitions are
    explicit; the price is a class per state and transitions scattered across them.

    ## Roles
    - `state`: the interface every state implements.
    - `concrete_state`: the behaviour in one state.
    - `context`: holds the current state and delegates to it.

    ## How it is detected
    The same skeleton as Strategy (an interface with two or more implementations held by a
    context that delegates to it), plus transitions: a state assigns a sibling state to the
    context (`context.state = Closed()`), returns the next state, or the context replaces its
    state with different implementations in two or more places.

    The interface may also be a plain base class whose subclasses each override a method the
    context calls (the textbook radio with `AmState` / `FmState`), and a state may switch the
    context by assigning `self.radio.state = self.radio.fmstate`, or by calling a context
    method that replaces the state with its argument
    (`self.context.transition_to(ConcreteStateB())`).
    """

    id = "state"
    category = "behavioural"
    roles: ClassVar[dict[str, str]] = {
        "state": "state interface",
        "concrete_state": "behaviour in one state",
        "context": "holds and delegates to the current state",
    }

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        for ref in ctx.classes():
            for role, h in roles_of_kind(ctx, ref, "state"):
                moves = transitions(ctx, h)
                if role == "interface":
                    yield ctx.det(
                        ref,
                        self.id,
                        "state",
                        0.85,
                        [(ref.cls.selection.line, f"{len(h.impls)} states"), moves[0]],
                        [*((i, "concrete_state") for i in h.impls), (h.holder, "context")],
                    )
                elif role == "impl":
                    mine = [mv for mv in moves if f"`{ref.cls.name}." in mv[1]] or [moves[0]]
                    yield ctx.det(
                        ref,
                        self.id,
                        "concrete_state",
                        0.85,
                        mine[:2],
                        [
                            (h.interface, "state"),
                            (h.holder, "context"),
                            *((i, "concrete_state") for i in h.impls if i != ref),
                        ],
                    )
                else:
                    yield ctx.det(
                        ref,
                        self.id,
                        "context",
                        0.85,
                        [(h.collab.line, f"keeps the current state in `self.{h.collab.attr}`"), moves[0]],
                        [(h.interface, "state"), *((i, "concrete_state") for i in h.impls)],
                    )
