"""Commands written as closures: functions binding the receiver they are handed into an inner
function they return, whose results the program hands to invokers that keep them and call
them later (a queue run in turn, one slot pressed). Beside it, the nearest non-command: the
same invoker handed plain functions of the module (nothing bound, no receiver), which runs
callbacks. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

LAMP = """\
class Lamp:
    def __init__(self) -> None:
        self.lit = False
        self.level = 0

    def on(self) -> None:
        self.lit = True

    def off(self) -> None:
        self.lit = False
"""

MAKERS = """\
from lamp import Lamp


def switch_on(lamp: Lamp):
    def run():
        lamp.on()
        return lambda: lamp.off()

    return run


def dim_to(lamp: Lamp, level: int):
    def run():
        before = lamp.level
        lamp.level = level

        def undo():
            lamp.level = before

        return undo

    return run
"""

INVOKERS = """\
class Queue:
    def __init__(self) -> None:
        self.pending = []
        self.undos = []

    def push(self, request) -> None:
        self.pending.append(request)

    def run_all(self) -> None:
        for request in self.pending:
            self.undos.append(request())
        self.pending = []


class Button:
    def __init__(self) -> None:
        self.request = None

    def bind(self, request) -> None:
        self.request = request

    def press(self) -> None:
        self.request()
"""

CLIENT = """\
from invokers import Button, Queue
from lamp import Lamp
from makers import dim_to, switch_on


def main() -> None:
    lamp = Lamp()
    queue = Queue()
    button = Button()
    light = switch_on(lamp)
    half = dim_to(lamp, 5)
    queue.push(light)
    queue.push(half)
    button.bind(light)
    queue.run_all()
    button.press()
"""

CALLBACKS = """\
def beep():
    print("beep")


def flash():
    print("flash")
"""

CALLBACK_CLIENT = """\
from invokers import Queue
from callbacks import beep, flash


def main() -> None:
    queue = Queue()
    first = beep
    second = flash
    queue.push(first)
    queue.push(second)
    queue.run_all()
"""


def test_closures_binding_a_receiver_are_commands(tmp_path: Path) -> None:
    write_tree(tmp_path, {"lamp.py": LAMP, "makers.py": MAKERS, "invokers.py": INVOKERS, "main.py": CLIENT})
    roles = roles_of(patterns_rows(tmp_path), "command")
    assert roles.get("switch_on") == roles.get("dim_to") == "concrete_command"
    assert roles.get("Queue") == roles.get("Button") == "invoker"


def test_plain_callbacks_are_no_commands(tmp_path: Path) -> None:
    write_tree(tmp_path, {"callbacks.py": CALLBACKS, "invokers.py": INVOKERS, "main.py": CALLBACK_CLIENT})
    assert roles_of(patterns_rows(tmp_path), "command") == {}
