"""A one-parameter function taking an event, handed to a call beside the event class
(`bus.subscribe(ParcelShipped, on_shipped)`), is an event handler; beside the same function
handed beside a class that is no message. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

DOMAIN = """\
from dataclasses import dataclass


@dataclass(frozen=True)
class ParcelShipped:
    ref: str


class Settings:
    def __init__(self) -> None:
        self.retries = 3


class Parcel:
    def __init__(self, ref: str) -> None:
        self.ref = ref
        self.events: list[ParcelShipped] = []

    def ship(self) -> None:
        self.events.append(ParcelShipped(self.ref))
"""

WIRING = """\
from post.domain.parcel import {key}, ParcelShipped


class Table:
    def __init__(self) -> None:
        self._rows = {{}}

    def subscribe(self, key: type, handler) -> None:
        self._rows.setdefault(key, []).append(handler)


def on_shipped(event: ParcelShipped) -> None:
    print(event.ref)


def wire(table: Table) -> None:
    table.subscribe({key}, on_shipped)
"""


def _handlers(tmp_path: Path, key: str) -> set[str]:
    write_tree(
        tmp_path,
        {
            "post/__init__.py": "",
            "post/domain/__init__.py": "",
            "post/domain/parcel.py": DOMAIN,
            "post/wiring.py": WIRING.format(key=key),
        },
    )
    rows = patterns_rows(tmp_path, ".")
    return {str(r["symbol"]) for r in rows if r["role"] == "event_handler"}


def test_a_function_handed_to_a_call_beside_its_event_class_is_an_event_handler(tmp_path: Path) -> None:
    assert "on_shipped" in _handlers(tmp_path, "ParcelShipped")


def test_the_same_function_handed_beside_a_class_that_is_no_message_is_none(tmp_path: Path) -> None:
    assert "on_shipped" not in _handlers(tmp_path, "Settings")
