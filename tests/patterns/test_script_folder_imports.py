"""A bare import in a folder of scripts (`from state import State`, run as `python main.py`
there) names the module beside the importing file, as Python puts the script's folder first
on the path: through `agentls patterns` run as a subprocess, a State example kept in a folder
`state/` is found even though a top-level `state.py` declares another `State` (an address
field). The near miss: the same files in a regular package (`__init__.py`), where the bare
import is absolute and names the top-level module, whose `State` is no state family.

Two such folders, `strategy/` and `state/`, each with its `context.py`, under a folder whose
name no import can spell (`design patterns/`): each `Context` is wired to its own folder's
family, not read as the other folder's (their module names stay apart, `strategy.context`
and `state.context`, instead of one bare `context`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.patterns.cli import patterns_rows, write_tree

ADDRESS = """\
from dataclasses import dataclass


@dataclass
class State:
    code: str
    name: str
"""

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

CONTEXT = """\
from state import State


class Door:
    def __init__(self, state: State) -> None:
        self._state = state

    def change(self, state: State) -> None:
        self._state = state

    def press(self) -> None:
        self._state.press(self)
"""


def _roles(rows: list[dict[str, Any]], folder: str) -> dict[str, str]:
    return {str(r["symbol"]): str(r["role"]) for r in rows if r["pattern"] == "state" and r["path"].startswith(folder)}


def test_script_folder_import_names_the_sibling(tmp_path: Path) -> None:
    write_tree(tmp_path, {"state.py": ADDRESS, "state/state.py": STATES, "state/context.py": CONTEXT})
    roles = _roles(patterns_rows(tmp_path, "--no-smells"), "state/")
    assert roles.get("Door") == "context"
    assert {roles.get("Open"), roles.get("Closed")} == {"concrete_state"}


def test_package_import_stays_absolute(tmp_path: Path) -> None:
    files = {"state.py": ADDRESS, "door/__init__.py": "", "door/state.py": STATES, "door/context.py": CONTEXT}
    write_tree(tmp_path, files)
    assert "Door" not in _roles(patterns_rows(tmp_path, "--no-smells"), "door/")


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
