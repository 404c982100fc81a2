"""A class making two parts itself and running one operation on both, without branching, in
two or more of its entry points (`start()` starting the heater and the pump, `stop()`
stopping both) drives its subsystem in step: a facade, the parts its subsystems. The closest
class, calling the operation on the one part a condition picks (a dispatcher), coordinates
nothing. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

PARTS = """\
class Heater:
    def start(self) -> None:
        print("heater on")

    def stop(self) -> None:
        print("heater off")


class Pump:
    def start(self) -> None:
        print("pump on")

    def stop(self) -> None:
        print("pump off")


"""

IN_STEP = """\
class Boiler:
    def __init__(self) -> None:
        self.heater = Heater()
        self.pump = Pump()

    def start(self) -> None:
        self.heater.start()
        self.pump.start()

    def stop(self) -> None:
        self.pump.stop()
        self.heater.stop()
"""

# The one change: each entry point runs the operation on whichever part the caller names.
PICKED = """\
class Boiler:
    def __init__(self) -> None:
        self.heater = Heater()
        self.pump = Pump()

    def start(self, which: str) -> None:
        if which == "heater":
            self.heater.start()
        else:
            self.pump.start()

    def stop(self, which: str) -> None:
        if which == "heater":
            self.heater.stop()
        else:
            self.pump.stop()
"""


def _facade(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"plant/boiler.py": PARTS + text})
    return roles_of(patterns_rows(tmp_path, "plant", "--min-confidence", "0"), "facade")


def test_parts_run_in_step_by_two_entry_points_make_a_facade(tmp_path: Path) -> None:
    assert _facade(tmp_path, IN_STEP) == {"Boiler": "facade", "Heater": "subsystem", "Pump": "subsystem"}


def test_a_part_picked_by_a_condition_is_dispatching(tmp_path: Path) -> None:
    assert _facade(tmp_path, PICKED) == {}
