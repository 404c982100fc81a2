"""Commands run by being called: an interface whose abstract `__call__` (beside `undo`) the
implementations carry out on the receiver they keep, and an invoker calling the ones it keeps
(`job()` over its queue, `self.job()`), beside the nearest non-command: the same shape whose
implementations compute and answer a value (callable strategies). Through `agentls patterns`
run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

ACTIONS = """\
from abc import ABC, abstractmethod
from dataclasses import dataclass, field


class Door:
    def __init__(self) -> None:
        self.open = False


@dataclass
class Action(ABC):
    door: Door

    @abstractmethod
    def __call__(self) -> None: ...

    @abstractmethod
    def undo(self) -> None: ...


@dataclass
class Open(Action):
    def __call__(self) -> None:
        self.door.open = True

    def undo(self) -> None:
        self.door.open = False


@dataclass
class Shut(Action):
    def __call__(self) -> None:
        self.door.open = False

    def undo(self) -> None:
        self.door.open = True


@dataclass
class Keypad:
    pending: list[Action] = field(default_factory=list)

    def press(self, action: Action) -> None:
        self.pending.append(action)

    def flush(self) -> None:
        for action in self.pending:
            action()
        self.pending = []


@dataclass
class Button:
    action: Action | None = None

    def bind(self, action: Action) -> None:
        self.action = action

    def click(self) -> None:
        if self.action is not None:
            self.action()
"""

PRICES = """\
from abc import ABC, abstractmethod
from dataclasses import dataclass, field


@dataclass
class Pricing(ABC):
    base: float

    @abstractmethod
    def __call__(self) -> float: ...

    @abstractmethod
    def label(self) -> str: ...


@dataclass
class Full(Pricing):
    def __call__(self) -> float:
        return self.base

    def label(self) -> str:
        return "full"


@dataclass
class Sale(Pricing):
    def __call__(self) -> float:
        return self.base * 0.8

    def label(self) -> str:
        return "sale"


@dataclass
class Till:
    rules: list[Pricing] = field(default_factory=list)

    def add(self, rule: Pricing) -> None:
        self.rules.append(rule)

    def total(self) -> float:
        return sum(rule() for rule in self.rules)
"""


def test_commands_run_by_being_called(tmp_path: Path) -> None:
    write_tree(tmp_path, {"door.py": ACTIONS})
    roles = roles_of(patterns_rows(tmp_path), "command")
    assert roles.get("Action") == "command"
    assert roles.get("Open") == roles.get("Shut") == "concrete_command"
    assert roles.get("Keypad") == roles.get("Button") == "invoker"


def test_callables_answering_a_value_are_no_commands(tmp_path: Path) -> None:
    write_tree(tmp_path, {"till.py": PRICES})
    assert roles_of(patterns_rows(tmp_path), "command") == {}
