from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from agentls.patterns.context import Ctx, Ev
from agentls.patterns.detector_registry import Detector, register
from agentls.patterns.detectors._duck_families import duck_evidence
from agentls.patterns.detectors._duck_states import duck_states
from agentls.patterns.detectors._families import Held, roles_of_kind
from agentls.patterns.detectors._handing import is_test_case
from agentls.patterns.detectors._states import machines
from agentls.patterns.detectors._transitions import transitions
from agentls.patterns.model import Detection
from agentls.patterns.workspace import ClassRef


def _real_moves(ctx: Ctx, h: Held) -> list[Ev]:
    """The family's transitions that really replace the context's state: a state returning a
    sibling is a transition only when the context keeps what its state returns
    (`self.state = self.state.next()`); test methods swapping a fixture are not transitions."""
    if is_test_case(ctx, h.holder):
        return []
    attr = h.collab.attr
    keeps_returned = any(
        v.startswith(f"call:self.{attr}.") for m in h.holder.cls.methods.values() for v in m.self_writes.get(attr, [])
    )
    return [mv for mv in transitions(ctx, h) if keeps_returned or "returns the next state" not in mv[1]]


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
    state with different implementations in two or more places (directly, or by calling its
    own setter: `take_damage` doing `self.set_state(Dead())`), or, starting in one (made
    by `__init__`, or a dataclass field's default), moves on to another it names in a public
    event taking nothing (`upgrade()`: `self.level = Gold()`).

    The interface may also be a plain base class whose subclasses each override a method the
    context calls (the textbook radio with `AmState` / `FmState`), and a state may switch the
    context by assigning `self.radio.state = self.radio.fmstate`, or by calling a context
    method that replaces the state with its argument
    (`self.context.transition_to(ConcreteStateB())`, or itself when it acts:
    `player.set_mode(self)`, not a base's `__init__`; or handing it the sibling kept one per
    class and fetched by that class's own accessor: `context.change_state(Night.get_instance())`,
    a classmethod returning the instance it stores on the class; `cast(State, x)` is read as
    `x`), or through a property setter of the context that stores it
    (`self.context.state = B()` with `@state.setter` writing `self._state`). A state returning a sibling counts as a
    transition only when the context keeps what its state returns (`self.state =
    self.state.next()`) and the sibling does not wrap the state itself (`Subquery(self)`: an
    immutable statement growing, not the next state), and test classes swapping a fixture are
    not contexts.

    The interface may be implied by duck typing, as for Strategy: the states are the classes
    the program hands the context or makes into its attribute, here also those the states it
    holds return and it keeps (`self.state = self.state.review()` with `return Reviewed()`).

    Three more forms without a held interface:
    - duck-typed states with no base in common, each answering only some of the requests: the
      context keeps one in an attribute and delegates to it handing itself over
      (`self.state.pay(self)`), and the states replace that attribute on the context they are
      handed with a sibling, made afresh or kept at module level (`order.state = PaidState()`,
      `player.state = PLAYING` with `PLAYING = PlayingState()`); every state reached this way
      from the context's own states is `concrete_state`, each must answer one of the delegated
      requests, and at least one must switch (a strategy never replaces its holder's, and
      classes writing an attribute nothing delegates to are filling in a record);
    - a machine keeping a table (list or dict) of states of one family, built where it creates
      them, and replacing its current state from that table by key or in turn
      (`self._current = self._states[name]`, `self._handle = iter(self._states)`); the base
      the states share is `state`, all its implementations `concrete_state`;
    - states that turn the object into a sibling state (`self.__class__ = Other`); with no base
      in common, the siblings must answer all the public methods of the class turning into
      them (a class becoming one with another interface is converted, not changing state);
      or a base turning the object into the class it is handed (`self.__class__ = state`, the
      caller passing `On`), when two or more subclasses derive from it: they are the
      `concrete_state`s, the base the `state`, and a class outside the family keeping one
      and asking it to switch (`self.state.handle(On)`) the `context`. A lone subclass to
      become is an upgrade in place (a placeholder turning into its loaded form).

    A setter choosing among implementations by its argument (`set_output_format(fmt)`) is a
    client configuring a strategy, not a transition: the context's own replacements count
    when they are spread over two or more of its methods, or when one method picks the next
    state from the current one or is such an event (a set-up method making the attribute
    for the first time starts nothing). Likewise a machine's table entry picked by a method's own
    argument (`self.formatter = self._formatters[kind]`) is a transition only when the states
    or the machine's other methods call that method, and a context method that makes a new
    object into the attribute and returns it (`begin()` handing out the transaction it keeps
    track of) is a creator, not a transition. The interface may be an ABC whose methods are
    all empty.
    """

    id = "state"
    category = "behavioural"
    roles: ClassVar[dict[str, str]] = {
        "state": "state interface",
        "concrete_state": "behaviour in one state",
        "context": "holds and delegates to the current state",
    }

    def detect(self, ctx: Ctx) -> Iterator[Detection]:
        table = machines(ctx)
        ducks = duck_states(ctx)
        for ref in ctx.classes():
            for role, fam in ducks.get(ref.key, []):
                if role == "context":
                    ev = [(fam.line, f"keeps the current state in `self.{fam.attr}`"), fam.moves[0]]
                    others = [(s, "concrete_state") for s in fam.states]
                else:
                    ev = [mv for mv in fam.moves if f"`{ref.cls.name}." in mv[1]][:2] or [fam.moves[0]]
                    others = [(fam.context, "context"), *((s, "concrete_state") for s in fam.states if s != ref)]
                yield ctx.det(ref, self.id, role, 0.8, ev, others)
            for role, mach in table.get(ref.key, []):
                parts: list[tuple[ClassRef, str]] = [(s, "concrete_state") for s in mach.states]
                if mach.root is not None:
                    parts.append((mach.root, "state"))
                if mach.context is not None:
                    parts.append((mach.context, "context"))
                yield ctx.det(ref, self.id, role, 0.8, mach.evidence, [p for p in parts if p[0] != ref])
            for role, h in roles_of_kind(ctx, ref, "state"):
                moves = _real_moves(ctx, h)
                if not moves:
                    continue
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
                        [*mine[:2], *duck_evidence(ctx, h.interface, ref)],
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
                        [
                            (h.collab.line, f"keeps the current state in `self.{h.collab.attr}`"),
                            moves[0],
                            *duck_evidence(ctx, h.interface, ref),
                        ],
                        [(h.interface, "state"), *((i, "concrete_state") for i in h.impls)],
                    )
