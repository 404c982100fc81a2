"""An object adapter that is also an observable subject: it translates `sound()` to the
held sensor's `beep()` and hands `subscribe` / `notify` to a helper it makes *handing itself*
(`self.events = Events(self)`), through `agentls patterns` run as a subprocess. That helper is
the object's own notification machinery, not another collaborator it drives, so the class is
still an adapter. The near miss, one argument away: a helper made without the object
(`Events()`) is a second collaborator the class drives, which keeps it out (a service of its
own), as before."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

ALARM = """\
from typing import Callable, List


class Events:
    def __init__(self, owner: object = None) -> None:
        self.owner = owner
        self.callbacks: List[Callable[[object], None]] = []

    def subscribe(self, callback: Callable[[object], None]) -> None:
        self.callbacks.append(callback)

    def notify(self) -> None:
        for callback in self.callbacks:
            callback(self.owner)


class Alarm:
    def sound(self) -> None:
        pass

    def subscribe(self, callback: Callable[[object], None]) -> None:
        pass


class Siren(Alarm):
    def __init__(self) -> None:
        self.events = Events(self)

    def sound(self) -> None:
        print("woo")
        self.events.notify()

    def subscribe(self, callback: Callable[[object], None]) -> None:
        self.events.subscribe(callback)


class Sensor:
    def beep(self) -> None:
        print("beep")


class SensorAlarm(Alarm):
    def __init__(self, sensor: Sensor) -> None:
        self.sensor = sensor
        self.events = Events(HANDED)

    def sound(self) -> None:
        self.sensor.beep()
        self.events.notify()

    def subscribe(self, callback: Callable[[object], None]) -> None:
        self.events.subscribe(callback)
"""


def _adapter(tmp_path: Path, handed: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/alarm.py": ALARM.replace("HANDED", handed)})
    return roles_of(patterns_rows(tmp_path, "app"), "adapter")


def test_a_helper_made_with_the_object_is_part_of_it(tmp_path: Path) -> None:
    found = _adapter(tmp_path, "self")
    assert found.get("SensorAlarm") == "adapter"
    assert found.get("Sensor") == "adaptee"
    assert found.get("Alarm") == "target"


def test_a_helper_made_without_the_object_is_another_collaborator(tmp_path: Path) -> None:
    assert "SensorAlarm" not in _adapter(tmp_path, "")
