"""Pull-model observers (the Head First weather station ported from Java): a plain observer
base whose `update()` takes nothing, a subject keeping the objects handed to its register
method and calling `update()` on each, and observers registering themselves in their
constructor (`station.register_observer(self)`) and pulling what they show from the subject.
The loop looks like an invoker running argument-less requests, but commands do not hand
themselves to their invoker: the subject is an observer subject, not a command invoker,
through `agentls patterns` run as a subprocess. The near miss: the same classes, but the
program made the objects and handed them to the holder (`panel.register_observer(Gauge(s))`):
nothing subscribes itself, and the holder stays the invoker of a command family."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, role_map, write_tree

STATION = """\
class Observable:
    def __init__(self):
        self._observers = []

    def register_observer(self, observer):
        if observer not in self._observers:
            self._observers.append(observer)

    def remove_observer(self, observer):
        self._observers.remove(observer)

    def notify_observers(self):
        for observer in self._observers:
            observer.update()


class Observer:
    def update(self):
        pass


class Station(Observable):
    def __init__(self):
        super().__init__()
        self._level = 0

    def set_level(self, level):
        self._level = level
        self.notify_observers()

    def level(self):
        return self._level


class Gauge(Observer):
    def __init__(self, station):
        self.station = station
        REGISTER

    def update(self):
        print("gauge", self.station.level())


class Alarm(Observer):
    def __init__(self, station):
        self.station = station
        REGISTER

    def update(self):
        if self.station.level() > 10:
            print("alarm")


def main():
    station = Station()
    HANDED
    station.set_level(12)
"""


def _roles(tmp_path: Path, register: str, handed: str) -> dict[tuple[str, str], str]:
    text = STATION.replace("REGISTER", register).replace("HANDED", handed)
    write_tree(tmp_path, {"app/__init__.py": "", "app/station.py": text})
    return role_map(patterns_rows(tmp_path, "app", "--min-confidence", "0"))


def test_observers_subscribing_themselves_make_a_subject(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "station.register_observer(self)", "Gauge(station)\n    Alarm(station)")
    assert roles.get(("Observable", "observer")) == "subject"
    assert roles.get(("Gauge", "observer")) == "concrete_observer"
    assert roles.get(("Alarm", "observer")) == "concrete_observer"
    assert ("Observable", "command") not in roles


def test_objects_handed_by_the_program_stay_commands(tmp_path: Path) -> None:
    handed = "station.register_observer(Gauge(station))\n    station.register_observer(Alarm(station))"
    roles = _roles(tmp_path, "pass", handed)
    assert roles.get(("Observable", "command")) == "invoker"
    assert ("Observable", "observer") not in roles
