"""A context whose own event methods replace its state through its setter with different
implementations (`hit()` calling `self.set_mood(Hurt())`, `rest()` calling
`self.set_mood(Calm())`) changes state itself: State, as when those methods assign the
attribute directly. The near miss: the same setter called only by a client configuring the
object (`player.set_mood(Hurt())`): a Strategy context. Through `agentls patterns` run as a
subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

HEAD = """\
from abc import ABC, abstractmethod


class Mood(ABC):
    @abstractmethod
    def speed(self): ...


class Calm(Mood):
    def speed(self):
        return 5


class Hurt(Mood):
    def speed(self):
        return 2


class Player:
    def __init__(self):
        self._mood = Calm()

    def set_mood(self, mood):
        self._mood = mood

    def run(self):
        return self._mood.speed()
"""

EVENTS = (
    HEAD
    + """
    def hit(self):
        self.set_mood(Hurt())

    def rest(self):
        self.set_mood(Calm())


if __name__ == "__main__":
    player = Player()
    player.hit()
    player.rest()
    print(player.run())
"""
)

# The near miss: only a client picks the mood, through the same setter.
CLIENT = (
    HEAD
    + """

if __name__ == "__main__":
    player = Player()
    player.set_mood(Hurt())
    print(player.run())
    player.set_mood(Calm())
    print(player.run())
"""
)


def _rows(tmp_path: Path, text: str) -> tuple[dict[str, str], dict[str, str]]:
    write_tree(tmp_path, {"game/player.py": text})
    rows = patterns_rows(tmp_path, "game", "--min-confidence", "0")
    return roles_of(rows, "state"), roles_of(rows, "strategy")


def test_events_switching_through_its_own_setter_are_transitions(tmp_path: Path) -> None:
    state, strategy = _rows(tmp_path, EVENTS)
    assert state.get("Player") == "context"
    assert state.get("Mood") == "state"
    assert state.get("Calm") == state.get("Hurt") == "concrete_state"
    assert "Player" not in strategy


def test_a_setter_only_clients_call_configures_a_strategy(tmp_path: Path) -> None:
    state, strategy = _rows(tmp_path, CLIENT)
    assert state == {}
    assert strategy.get("Player") == "context"
