"""A subject keeping callables it fires on its own change: the classes whose bound method, or
whose callable objects, the program subscribes are its concrete observers; beside them, a
class whose method is only called by the client (never subscribed) observes nothing. Through
`agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

GAUGE = """\
from typing import Callable


class Gauge:
    def __init__(self) -> None:
        self.level = 0
        self._listeners: list[Callable[[int], None]] = []

    def listen(self, listener: Callable[[int], None]) -> None:
        self._listeners.append(listener)

    def set_level(self, level: int) -> None:
        self.level = level
        self._fire()

    def _fire(self) -> None:
        for listener in self._listeners:
            listener(self.level)


class Display:
    def show(self, level: int) -> None:
        print(level)


class Alarm:
    def __call__(self, level: int) -> None:
        if level > 9:
            print("alarm")


class Logger:
    def log(self, level: int) -> None:
        print("logged", level)
"""

MAIN = """\
from gauge import Alarm, Display, Gauge, Logger


def main() -> None:
    gauge = Gauge()
    display = Display()
    alarm = Alarm()
    logger = Logger()
    gauge.listen(display.show)
    gauge.listen(alarm)
    gauge.set_level(10)
    logger.log(gauge.level)
"""


def test_subscribed_bound_methods_and_callables_observe(tmp_path: Path) -> None:
    write_tree(tmp_path, {"gauge.py": GAUGE, "main.py": MAIN})
    roles = roles_of(patterns_rows(tmp_path), "observer")
    assert roles.get("Gauge") == "subject"
    assert roles.get("Display") == roles.get("Alarm") == "concrete_observer"


def test_a_class_the_client_calls_itself_observes_nothing(tmp_path: Path) -> None:
    write_tree(tmp_path, {"gauge.py": GAUGE, "main.py": MAIN})
    assert "Logger" not in roles_of(patterns_rows(tmp_path), "observer")
