"""A base declaring an abstract creation method and calling it on itself (`book()` running
`self._make_room(kind)` then readying what it answers), with one subclass whose override
chooses between two room classes by the kind it is handed, is a factory method's creator
before a second subclass exists. Near miss: the same single override when no method of the
base calls the creation method is only a subclass filling in a hook. Through `agentls
patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

HOTEL = """\
from abc import ABC, abstractmethod


class Room:
    def ready(self) -> None:
        self.clean = True


class Suite(Room):
    beds = 2


class Single(Room):
    beds = 1


class Hotel(ABC):
    @abstractmethod
    def _make_room(self, kind: str) -> Room: ...

    def book(self, kind: str) -> Room:
        room = {booked}
        room.ready()
        return room


class SeasideHotel(Hotel):
    def _make_room(self, kind: str) -> Room:
        room: Room
        if kind == "suite":
            room = Suite()
            room.view = "sea"
        elif kind == "single":
            room = Single()
            room.view = "garden"
        else:
            raise ValueError(kind)
        return room
"""


def _roles(tmp_path: Path, booked: str) -> dict[str, str]:
    write_tree(tmp_path, {"hotel.py": HOTEL.replace("{booked}", booked)})
    return roles_of(patterns_rows(tmp_path), "factory")


def test_base_calling_its_declared_creation_method_is_a_creator(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "self._make_room(kind)")
    assert roles.get("Hotel") == "creator"
    assert roles.get("SeasideHotel") == "concrete_creator"


def test_base_never_calling_it_is_no_creator(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "Single()")
    assert "Hotel" not in roles
    assert roles.get("SeasideHotel") != "concrete_creator"
