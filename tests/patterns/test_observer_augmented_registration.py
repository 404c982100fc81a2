"""A subject may register observers by joining a one-element set or list to its collection in
place (`self._observers |= {observer}`, `self._observers += [observer]`, and `-=` to detach):
that is `add()` / `append()` spelled as an operator, so the class looping over the collection
to call `update()` is the subject, through `agentls patterns` run as a subprocess. The near
miss: the method replaces the collection by a new one holding only what it is given
(`self._observers = {observer}`), keeping one object at a time: no subject."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.patterns.cli import patterns_rows, role_map, write_tree

FEED = """\
from abc import ABC, abstractmethod


class Watcher(ABC):
    @abstractmethod
    def update(self, value):
        pass


class Feed:
    def __init__(self):
        self._watchers = EMPTY

    def attach(self, watcher):
        REGISTER

    def detach(self, watcher):
        self._watchers -= {watcher}

    def publish(self, value):
        for watcher in self._watchers:
            watcher.update(value)


class Console(Watcher):
    def __init__(self, feed):
        feed.attach(self)

    def update(self, value):
        print("console", value)


class Log(Watcher):
    def __init__(self, feed):
        feed.attach(self)

    def update(self, value):
        print("log", value)


def main():
    feed = Feed()
    Console(feed)
    Log(feed)
    feed.publish(1)
"""


def _roles(tmp_path: Path, empty: str, register: str) -> dict[tuple[str, str], str]:
    text = FEED.replace("EMPTY", empty).replace("REGISTER", register)
    write_tree(tmp_path, {"app/__init__.py": "", "app/feed.py": text})
    return role_map(patterns_rows(tmp_path, "app", "--min-confidence", "0"))


@pytest.mark.parametrize(
    ("empty", "register"),
    [("set()", "self._watchers |= {watcher}"), ("[]", "self._watchers += [watcher]")],
)
def test_joining_a_one_element_display_registers_an_observer(tmp_path: Path, empty: str, register: str) -> None:
    roles = _roles(tmp_path, empty, register)
    assert roles.get(("Feed", "observer")) == "subject"
    assert roles.get(("Console", "observer")) == "concrete_observer"


def test_replacing_the_collection_keeps_no_observers(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "set()", "self._watchers = {watcher}")
    assert ("Feed", "observer") not in roles
