"""A subject may type its subscribe parameter with the one observer class it is used with
(`add(self, listener: MailListener)`, as a subject generic in its observers spells it), and
that class implement an interface declaring the notified method abstractly: the parameter
names the observer interface through its implementation, so the subject looping over what it
registered and calling that method is found, through `agentls patterns` run as a subprocess.
The near miss: the same class with no interface above it (a concrete class with behaviour
nothing derives from) stays rows of data the holder draws, as before."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, role_map, write_tree

BOARD = """\
from abc import ABC, abstractmethod


class Listener(ABC):
    @abstractmethod
    def update(self, message):
        pass


class MailListener(BASE):
    def __init__(self, address):
        self.address = address

    def update(self, message):
        print(self.address, message)


class Board:
    def __init__(self):
        self.listeners = []

    def add(self, listener: MailListener):
        self.listeners.append(listener)

    def remove(self, listener: MailListener):
        self.listeners.remove(listener)

    def post(self, message):
        for listener in self.listeners:
            listener.update(message)


def main():
    board = Board()
    board.add(MailListener("a@example.org"))
    board.post("hello")
"""


def _roles(tmp_path: Path, base: str) -> dict[tuple[str, str], str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/board.py": BOARD.replace("BASE", base)})
    return role_map(patterns_rows(tmp_path, "app", "--min-confidence", "0"))


def test_a_parameter_typed_with_an_implementation_of_the_observer_interface(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "Listener")
    assert roles.get(("Board", "observer")) == "subject"
    assert roles.get(("MailListener", "observer")) == "concrete_observer"


def test_a_parameter_typed_with_a_class_of_no_interface_keeps_rows(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "object")
    assert ("Board", "observer") not in roles
