"""Commands with no written interface (duck typing), through `agentls patterns` run as a
subprocess: an invoker keeping an untyped table of requests the program registers, each
acting through a receiver it holds; beside its near misses (the same classes registered
nowhere; registered objects acting on their own, with no receiver)."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

REQUESTS = """\
class Lamp:
    def on(self):
        print("on")

    def off(self):
        print("off")


class LampOn:
    def __init__(self, lamp):
        self._lamp = lamp

    def run(self):
        self._lamp.on()


class LampOff:
    def __init__(self, lamp):
        self._lamp = lamp

    def run(self):
        self._lamp.off()


class Panel:
    def __init__(self):
        self._buttons = {}

    def bind(self, name, request):
        self._buttons[name] = request

    def press(self, name):
        if name in self._buttons:
            self._buttons[name].run()
"""

REGISTERED = """\
from app.requests import Lamp, LampOff, LampOn, Panel

LAMP = Lamp()
PANEL = Panel()
PANEL.bind("on", LampOn(LAMP))
PANEL.bind("off", LampOff(LAMP))
PANEL.press("on")
"""

NOT_REGISTERED = """\
from app.requests import Lamp, LampOff, LampOn, Panel


def wire(name, request):
    panel = Panel()
    panel.bind(name, request)
    return panel


LampOn(Lamp()).run()
LampOff(Lamp()).run()
"""

# Registered, but each acts on its own: no receiver bound.
UNBOUND = """\
class Beep:
    def run(self):
        print("beep")


class Flash:
    def run(self):
        print("flash")


class Panel:
    def __init__(self):
        self._buttons = {}

    def bind(self, name, request):
        self._buttons[name] = request

    def press(self, name):
        if name in self._buttons:
            self._buttons[name].run()


PANEL = Panel()
PANEL.bind("a", Beep())
PANEL.bind("b", Flash())
"""


def _roles(tmp_path: Path, files: dict[str, str]) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", **{f"app/{name}": text for name, text in files.items()}})
    rows = patterns_rows(tmp_path, "app")
    found = [r for r in rows if r["pattern"] == "command"]
    return {str(r["symbol"]).rpartition(".")[2]: str(r["role"]) for r in found}


def test_requests_registered_with_an_invoker_are_commands(tmp_path: Path) -> None:
    roles = _roles(tmp_path, {"requests.py": REQUESTS, "main.py": REGISTERED})
    assert roles == {"LampOn": "concrete_command", "LampOff": "concrete_command", "Panel": "invoker"}


def test_the_same_requests_registered_nowhere_are_no_commands(tmp_path: Path) -> None:
    assert _roles(tmp_path, {"requests.py": REQUESTS, "main.py": NOT_REGISTERED}) == {}


def test_registered_objects_without_a_receiver_are_no_commands(tmp_path: Path) -> None:
    assert _roles(tmp_path, {"panel.py": UNBOUND}) == {}
