"""A state base turning the object into the class it is handed (`self.__class__ = state` when
the switch is allowed, the caller passing `On`), with two or more subclasses and a context
keeping one made as its start and asking it to switch, through `agentls patterns` run as a
subprocess: the base is the state, its subclasses the concrete states, the holder the
context. The near miss: the same switch in a placeholder with one subclass to become (a lazy
record turning into its loaded form): an upgrade in place, no state machine."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

MACHINE = """\
class LampState:
    name = "state"
    allowed: list[str] = []

    def switch(self, state):
        if state.name in self.allowed:
            self.__class__ = state
        else:
            print("cannot switch to", state.name)


class Off(LampState):
    name = "off"
    allowed = ["on"]


class On(LampState):
    name = "on"
    allowed = ["off", "dim"]


class Dim(LampState):
    name = "dim"
    allowed = ["on"]


class Lamp:
    def __init__(self):
        self.state = Off()

    def change(self, state):
        self.state.switch(state)


def main():
    lamp = Lamp()
    lamp.change(On)
    lamp.change(Dim)
"""

PLACEHOLDER = """\
class Record:
    loaded = False

    def load(self, kind):
        if not self.loaded:
            self.__class__ = kind


class LoadedRecord(Record):
    loaded = True


class Cache:
    def __init__(self):
        self.record = Record()

    def fetch(self):
        self.record.load(LoadedRecord)
"""


def _state_roles(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"lamp.py": text})
    return roles_of(patterns_rows(tmp_path, "."), "state")


def test_a_base_becoming_the_subclass_it_is_handed_is_a_state_machine(tmp_path: Path) -> None:
    assert _state_roles(tmp_path, MACHINE) == {
        "LampState": "state",
        "Off": "concrete_state",
        "On": "concrete_state",
        "Dim": "concrete_state",
        "Lamp": "context",
    }


def test_near_miss_one_subclass_to_become_is_no_state(tmp_path: Path) -> None:
    assert _state_roles(tmp_path, PLACEHOLDER) == {}
