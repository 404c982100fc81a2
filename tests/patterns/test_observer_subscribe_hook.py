"""A subject may keep its observers in a protected hook its base's public `subscribe` runs
(`Stream.subscribe` calling `self._subscribe_core(observer)`, which `Topic` overrides to keep
the observer): the subscribing of the base's public operation. A protected method no public
method of a base runs is a step of the class's own, collecting nothing for others to join.
Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

STREAM = """\
class Stream:
    def subscribe(self, observer) -> None:
        {runs}

    def _subscribe_core(self, observer) -> None:
        return None


class Topic(Stream):
    def __init__(self) -> None:
        self.observers = []

    def _subscribe_core(self, observer) -> None:
        self.observers.append(observer)

    def on_next(self, value) -> None:
        for observer in self.observers:
            observer.on_value(value)
"""


def test_the_hook_of_a_public_subscribe_keeps_observers(tmp_path: Path) -> None:
    write_tree(tmp_path, {"stream.py": STREAM.format(runs="self._subscribe_core(observer)")})
    assert roles_of(patterns_rows(tmp_path), "observer").get("Topic") == "subject"


def test_a_protected_step_no_public_method_runs_is_no_subscribing(tmp_path: Path) -> None:
    write_tree(tmp_path, {"stream.py": STREAM.format(runs="print(observer)")})
    assert roles_of(patterns_rows(tmp_path), "observer") == {}
