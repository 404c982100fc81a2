"""Interfaces written as plain classes, as code ported from Java has them (no `ABC`, every
method a stub that `pass`es), through `agentls patterns` run as a subprocess: such a class with
implementations is an interface like an ABC would be; the same stub-only shape that nothing
derives (the parts a demo facade makes and drives) is not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.patterns.cli import patterns_rows

DUCKS = """\
class FlyBehavior:
    def fly(self):
        pass


class FlyWithWings(FlyBehavior):
    def fly(self):
        return "flap"


class FlyNoWay(FlyBehavior):
    def fly(self):
        return "stay"


class Duck:
    def __init__(self, fly_behavior):
        self.fly_behavior = fly_behavior

    def set_fly_behavior(self, fly_behavior):
        self.fly_behavior = fly_behavior

    def perform_fly(self):
        return self.fly_behavior.fly()
"""

COMPUTER = """\
class Cpu:
    def freeze(self):
        pass

    def execute(self):
        pass


class Disk:
    def read(self, sector):
        pass


class Computer:
    def __init__(self):
        self.cpu = Cpu()
        self.disk = Disk()

    def start(self):
        self.cpu.freeze()
        self.disk.read(0)
        self.cpu.execute()
"""


def _rows(tmp_path: Path, files: dict[str, str]) -> dict[tuple[str, str], dict[str, Any]]:
    (tmp_path / "app").mkdir(exist_ok=True)
    for name, text in files.items():
        (tmp_path / "app" / name).write_text(text)
    rows = patterns_rows(tmp_path, "app")
    return {(str(r["symbol"]), str(r["pattern"])): r for r in rows}


def test_a_plain_class_of_stubs_with_implementations_is_a_strategy_interface(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"ducks.py": DUCKS})
    assert rows[("FlyBehavior", "strategy")]["role"] == "strategy"
    assert rows[("FlyWithWings", "strategy")]["role"] == "concrete_strategy"
    assert rows[("FlyNoWay", "strategy")]["role"] == "concrete_strategy"
    assert rows[("Duck", "strategy")]["role"] == "context"


def test_the_same_shape_written_with_an_abc_is_found_the_same(tmp_path: Path) -> None:
    abc_form = "from abc import ABC, abstractmethod\n\n\n" + DUCKS.replace(
        "class FlyBehavior:\n    def fly(self):\n        pass",
        "class FlyBehavior(ABC):\n    @abstractmethod\n    def fly(self): ...",
    )
    plain = {k[0]: v["role"] for k, v in _rows(tmp_path, {"ducks.py": DUCKS}).items() if k[1] == "strategy"}
    (tmp_path / "app" / "ducks.py").unlink()
    with_abc = {k[0]: v["role"] for k, v in _rows(tmp_path, {"ducks.py": abc_form}).items() if k[1] == "strategy"}
    assert plain == with_abc


def test_stub_only_classes_nothing_derives_stay_a_facades_parts(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"computer.py": COMPUTER})
    assert rows[("Computer", "facade")]["role"] == "facade"
    assert rows[("Cpu", "facade")]["role"] == "subsystem"
    assert rows[("Disk", "facade")]["role"] == "subsystem"
    assert not [k for k in rows if k[1] == "strategy"]
