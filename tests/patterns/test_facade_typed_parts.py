"""A facade handed its subsystems, each declared as the concrete class it is (`amp: Amp`,
`lights: Lights`, `screen: Screen`), whose `watch()` runs all three through different
operations: through `agentls patterns` run as a subprocess, it is a facade and the three
classes its subsystems, as the same class handed them untyped already was. The near miss, one
subclass away: when `Lights` has implementations to choose from (`Dimmable`, `Plain`), the
parameter declares a port the class depends on, not a hidden part, and a class handed ports
is a service, no facade."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

THEATER = """\
class Amp:
    def on(self) -> None:
        print("amp on")

    def volume(self, level: int) -> None:
        print("volume", level)


class Lights:
    def dim(self, level: int) -> None:
        print("dim", level)

    def on(self) -> None:
        print("lights on")


class Screen:
    def down(self) -> None:
        print("screen down")

    def up(self) -> None:
        print("screen up")
SUBCLASSES

class Theater:
    def __init__(self, amp: Amp, lights: Lights, screen: Screen) -> None:
        self.amp = amp
        self.lights = lights
        self.screen = screen

    def watch(self) -> None:
        self.lights.dim(10)
        self.screen.down()
        self.amp.on()
        self.amp.volume(5)

    def stop(self) -> None:
        self.amp.volume(0)
        self.screen.up()
        self.lights.on()
"""

PORT = """

class Dimmable(Lights):
    def dim(self, level: int) -> None:
        print("dimmable", level)


class Plain(Lights):
    def dim(self, level: int) -> None:
        print("plain cannot dim")
"""


def _facade(tmp_path: Path, subclasses: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/theater.py": THEATER.replace("SUBCLASSES\n", subclasses)})
    return roles_of(patterns_rows(tmp_path, "app"), "facade")


def test_parts_declared_as_their_concrete_classes_are_hidden(tmp_path: Path) -> None:
    found = _facade(tmp_path, "")
    assert found.get("Theater") == "facade"
    assert found.get("Amp") == "subsystem" and found.get("Lights") == "subsystem" and found.get("Screen") == "subsystem"


def test_a_part_declared_as_a_port_with_implementations_is_a_dependency(tmp_path: Path) -> None:
    found = _facade(tmp_path, PORT)
    assert "Theater" not in found
