"""A context starting in one state (a dataclass field's default, or what `__init__` makes)
with a public event taking nothing that moves it on to another state it names (`upgrade()`:
`self.level = Gold()`) changes state: the family is a State, not a Strategy. Beside the near
miss: the same context whose only replacement is a setter handed the implementation
(`set_level(self, level)`) is a client configuring a Strategy. Through `agentls patterns` run
as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, role_map, write_tree

MOVED = """\
from abc import ABC, abstractmethod
from dataclasses import dataclass, field


class Level(ABC):
    @abstractmethod
    def fee(self) -> int: ...

    @abstractmethod
    def perks(self) -> list[str]: ...


class Basic(Level):
    def fee(self) -> int:
        return 0

    def perks(self) -> list[str]:
        return []


class Gold(Level):
    def fee(self) -> int:
        return 10

    def perks(self) -> list[str]:
        return ["lounge"]


@dataclass
class Member:
    name: str
    level: Level = field(default_factory=Basic)

    def monthly_fee(self) -> int:
        return self.level.fee()

    def perks(self) -> list[str]:
        return self.level.perks()

    def upgrade(self) -> None:
        self.level = Gold()
"""

HANDED = MOVED.replace("    def upgrade(self) -> None:\n        self.level = Gold()\n", "").replace(
    "        return self.level.perks()\n",
    "        return self.level.perks()\n\n    def set_level(self, level: Level) -> None:\n        self.level = level\n",
)


def test_event_moving_the_context_on_is_a_state_change(tmp_path: Path) -> None:
    write_tree(tmp_path, {"acct/levels.py": MOVED})
    roles = role_map(patterns_rows(tmp_path, "--min-confidence", "0"))
    assert roles.get(("Member", "state")) == "context"
    assert roles.get(("Gold", "state")) == "concrete_state"
    assert ("Member", "strategy") not in roles


def test_setter_handed_the_implementation_configures_a_strategy(tmp_path: Path) -> None:
    assert "def upgrade" not in HANDED and "def set_level" in HANDED
    write_tree(tmp_path, {"acct/levels.py": HANDED})
    roles = role_map(patterns_rows(tmp_path, "--min-confidence", "0"))
    assert roles.get(("Member", "strategy")) == "context"
    assert ("Member", "state") not in roles
