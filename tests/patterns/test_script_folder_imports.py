"""Script folders of examples (each run as `python main.py` there, importing its siblings by
bare name: `from context import Context`) under a folder whose name no import can spell
(`design patterns/`): through `agentls patterns` run as a subprocess, each folder's `Context`
is wired to its own folder's family, the Strategy one not read as the State one (their module
names stay apart, `strategy.context` and `state.context`, instead of one bare `context` each,
which gave both classes one key). The near miss: the State folder's own family, found as
before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.patterns.cli import patterns_rows, write_tree

STATES = """\
from abc import ABC, abstractmethod


class State(ABC):
    @abstractmethod
    def press(self, door) -> None: ...


class Open(State):
    def press(self, door) -> None:
        door.change(Closed())


class Closed(State):
    def press(self, door) -> None:
        door.change(Open())
"""


def _roles(rows: list[dict[str, Any]], folder: str) -> dict[str, str]:
    return {str(r["symbol"]): str(r["role"]) for r in rows if r["pattern"] == "state" and r["path"].startswith(folder)}


STRATEGIES = """\
from abc import ABC, abstractmethod


class Strategy(ABC):
    @abstractmethod
    def execute(self, data: list[int]) -> list[int]: ...


class Ascending(Strategy):
    def execute(self, data: list[int]) -> list[int]:
        return sorted(data)


class Descending(Strategy):
    def execute(self, data: list[int]) -> list[int]:
        return sorted(data, reverse=True)
"""

STRATEGY_CONTEXT = """\
from strategy import Strategy


class Context:
    def __init__(self, strategy: Strategy) -> None:
        self._strategy = strategy

    def set_strategy(self, strategy: Strategy) -> None:
        self._strategy = strategy

    def run(self, data: list[int]) -> list[int]:
        return self._strategy.execute(data)
"""

STRATEGY_MAIN = """\
from context import Context
from strategy import Ascending, Descending

context = Context(Ascending())
print(context.run([3, 1, 2]))
context.set_strategy(Descending())
print(context.run([3, 1, 2]))
"""

DOOR_STATES = STATES.replace("door", "context")

STATE_CONTEXT = """\
from state import State


class Context:
    def __init__(self, state: State) -> None:
        self._state = state

    def change(self, state: State) -> None:
        self._state = state

    def press(self) -> None:
        self._state.press(self)
"""

STATE_MAIN = """\
from context import Context
from state import Closed

context = Context(Closed())
context.press()
"""


def test_script_folders_keep_their_own_context(tmp_path: Path) -> None:
    files = {
        "strategy/strategy.py": STRATEGIES,
        "strategy/context.py": STRATEGY_CONTEXT,
        "strategy/main.py": STRATEGY_MAIN,
        "state/state.py": DOOR_STATES,
        "state/context.py": STATE_CONTEXT,
        "state/main.py": STATE_MAIN,
    }
    write_tree(tmp_path, {f"design patterns/{rel}": text for rel, text in files.items()})
    rows = patterns_rows(tmp_path, "--no-smells")
    of_strategy = {(r["pattern"], r["role"]) for r in rows if r["path"] == "design patterns/strategy/context.py"}
    assert of_strategy == {("strategy", "context")}
    assert _roles(rows, "design patterns/state/").get("Context") == "context"
