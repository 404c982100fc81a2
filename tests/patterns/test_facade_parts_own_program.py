"""One program per folder: a facade handed its parts untyped (`self.lamps = lamps`, then
`lamps.on()`, `lamps.dim(3)`) coordinates the one class of its program answering those calls.
An examples repository's command folder has a look-alike (`Bulb`: on/dim/off) that the facade
can never be handed: through `agentls patterns` run as a subprocess, the stage's lamps stay a
subsystem when the whole repository is analysed. The look-alike: the same `Bulb` in the
facade's own folder leaves the untyped part open, and the lamps are no subsystem."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

PARTS = """\
class StageLamps:
    def on(self):
        print("lamps on")

    def dim(self, level):
        print("lamps at", level)

    def off(self):
        print("lamps off")


class Curtain:
    def open(self):
        print("curtain open")

    def close(self):
        print("curtain closed")


class Speakers:
    def on(self):
        print("speakers on")

    def volume(self, level):
        print("volume", level)

    def mute(self):
        print("muted")
"""

FACADE = """\
from parts import Curtain, Speakers, StageLamps


class Stage:
    def __init__(self, lamps, curtain, speakers):
        self.lamps = lamps
        self.curtain = curtain
        self.speakers = speakers

    def start_show(self):
        self.lamps.on()
        self.lamps.dim(3)
        self.curtain.open()
        self.speakers.on()
        self.speakers.volume(7)

    def end_show(self):
        self.speakers.mute()
        self.curtain.close()
        self.lamps.off()


if __name__ == "__main__":
    Stage(StageLamps(), Curtain(), Speakers()).start_show()
"""

BULB = """\
class Bulb:
    def on(self):
        print("bulb on")

    def dim(self, level):
        print("bulb at", level)

    def off(self):
        print("bulb off")
"""


def _facade_roles(tmp_path: Path, bulb_path: str) -> dict[str, str]:
    write_tree(
        tmp_path,
        {"examples/stage/parts.py": PARTS, "examples/stage/stage.py": FACADE, bulb_path: BULB},
    )
    return roles_of(patterns_rows(tmp_path, "examples"), "facade")


def test_a_look_alike_part_in_another_folder_leaves_the_facade_its_part(tmp_path: Path) -> None:
    roles = _facade_roles(tmp_path, "examples/command/bulb.py")
    assert roles.get("Stage") == "facade"
    assert roles.get("StageLamps") == "subsystem"


def test_a_look_alike_part_in_the_facade_folder_leaves_the_part_open(tmp_path: Path) -> None:
    roles = _facade_roles(tmp_path, "examples/stage/bulb.py")
    assert "StageLamps" not in roles
