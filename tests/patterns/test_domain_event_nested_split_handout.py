"""Event classes nested in their aggregate (`Parcel.Shipped(Fact)`), recorded through a typed
recorder whose list one method hands out (a `recorded_events` property) and another empties
(`forget_events()`, called once the service has published them), are domain events under their
`Outer.Inner` names, and not value objects, even when their base compares by `__dict__`. The
closest non-event: the same split hand-out of a list whose names say nothing of events
(`add_line`, `lines`, `drop_lines`), which holds parts the way a basket holds its lines."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

BASE = """\
class Fact:
    def __init__(self, **fields: object) -> None:
        self.__dict__.update(fields)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(name)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Fact) and self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.__dict__)))


class Root:
    def __init__(self, ident: str) -> None:
        self.ident = ident
        self._recorded_events: list[Fact] = []

    @property
    def recorded_events(self) -> list[Fact]:
        return self._recorded_events

    def note_event(self, fact: Fact) -> None:
        self._recorded_events.append(fact)

    def forget_events(self) -> None:
        self._recorded_events.clear()
"""

PARTS = (
    BASE.replace("_recorded_events", "_lines")
    .replace("recorded_events", "lines")
    .replace("note_event", "add_line")
    .replace("forget_events", "drop_lines")
)

PARCEL = """\
from domain.base import Fact, Root


class Parcel(Root):
    class Shipped(Fact):
        pass

    class Returned(Fact):
        pass

    def __init__(self, ident: str, weight: int) -> None:
        super().__init__(ident)
        self._weight = weight

    def ship(self, carrier: str) -> None:
        fact = Parcel.Shipped(parcel=self.ident, carrier=carrier)
        self.RECORD(fact)

    def send_back(self, reason: str) -> None:
        fact = Parcel.Returned(parcel=self.ident, reason=reason)
        self.RECORD(fact)
"""


def _roles(tmp_path: Path, base: str, recorder: str) -> tuple[set[str], set[str]]:
    write_tree(
        tmp_path,
        {
            "domain/__init__.py": "",
            "domain/base.py": base,
            "domain/parcel.py": PARCEL.replace("RECORD", recorder),
        },
    )
    rows = patterns_rows(tmp_path, ".")
    return set(roles_of(rows, "domain_event")), set(roles_of(rows, "value_object"))


def test_nested_events_recorded_and_handed_out_by_two_methods_are_events(tmp_path: Path) -> None:
    events, values = _roles(tmp_path, BASE, "note_event")
    assert {"Parcel.Shipped", "Parcel.Returned", "Fact"} <= events
    assert not {"Parcel.Shipped", "Parcel.Returned", "Fact"} & values


def test_the_same_split_hand_out_of_lines_holds_parts(tmp_path: Path) -> None:
    events, _ = _roles(tmp_path, PARTS, "add_line")
    assert not {"Parcel.Shipped", "Parcel.Returned", "Fact"} & events
