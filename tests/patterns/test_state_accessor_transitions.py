"""States kept one per class and fetched through their own accessor switch the context as
surely as states made afresh: through `agentls patterns` run as a subprocess, a state calling
`context.change_state(cast(State, Night.get_instance()))` (a classmethod handing out the
instance kept on the class; `typing.cast` is only a note for the type checker) is a
transition, so the family is a State, not a Strategy. The near miss, one return away: the
same call on a classmethod answering something else (the class's name) hands the context no
state."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, role_map, write_tree

STATES = """\
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import cast


class Kept:
    _instance: Kept | None = None

    def __new__(cls) -> Kept:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    @classmethod
    def get_instance(cls) -> Kept:
        return ANSWER


class State(ABC):
    @abstractmethod
    def tick(self, context: Safe, hour: int) -> None: ...

    @abstractmethod
    def use(self, context: Safe) -> None: ...


class Day(Kept, State):
    def tick(self, context: Safe, hour: int) -> None:
        if hour >= 17:
            context.change_state(cast(State, Night.get_instance()))

    def use(self, context: Safe) -> None:
        context.log("used by day")


class Night(Kept, State):
    def tick(self, context: Safe, hour: int) -> None:
        if 9 <= hour < 17:
            context.change_state(Day.get_instance())

    def use(self, context: Safe) -> None:
        context.log("alarm: used at night")


class Safe:
    def __init__(self) -> None:
        self._state: State = Day()

    def set_clock(self, hour: int) -> None:
        self._state.tick(self, hour)

    def use(self) -> None:
        self._state.use(self)

    def change_state(self, state: State) -> None:
        self._state = state

    def log(self, message: str) -> None:
        print(message)
"""


def _roles(tmp_path: Path, answer: str) -> dict[tuple[str, str], str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/safe.py": STATES.replace("ANSWER", answer)})
    return role_map(patterns_rows(tmp_path, "app"))


def test_states_fetched_through_their_accessor_switch_the_context(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "cls._instance")
    assert roles.get(("Safe", "state")) == "context"
    assert roles.get(("Day", "state")) == "concrete_state"
    assert roles.get(("Night", "state")) == "concrete_state"
    assert ("Safe", "strategy") not in roles


def test_a_classmethod_answering_something_else_hands_no_state(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "cls.__name__")
    assert ("Safe", "state") not in roles
