"""Handlers a class lets go of again (`remove`, `event -= handler`) are listeners: a hook
handing what it fires to each is a subject even when only its owner fires it, and
`event += handler` (`__iadd__`) subscribes as `attach` does, also on a class that counts its
handlers. The same hook with no way to take a handler out is a pipeline handing a request to
each step, and a collection joined with `+=` whose loop asks a method of each holds data.
Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

EVENT = """\
class ClickEvent:
    def __init__(self) -> None:
        self._handlers = []

    def __iadd__(self, handler) -> "ClickEvent":
        self._handlers.append(handler)
        return self

    def __isub__(self, handler) -> "ClickEvent":
        self._handlers.remove(handler)
        return self

    def __len__(self) -> int:
        return len(self._handlers)

    def __iter__(self):
        return iter(self._handlers)

    def fire(self, *args, **kwargs) -> None:
        for handler in self._handlers:
            handler{told}
"""

HOOK = """\
class SaveHook:
    def __init__(self) -> None:
        self._handlers = []

    def add(self, handler) -> None:
        self._handlers.append(handler)
{remove}
    def fire(self, document) -> None:
        for handler in self._handlers:
            handler(document)
"""

REMOVE = """
    def remove(self, handler) -> None:
        self._handlers.remove(handler)
"""


def test_handlers_added_with_plus_equals_are_told(tmp_path: Path) -> None:
    write_tree(tmp_path, {"event.py": EVENT.format(told="(*args, **kwargs)")})
    assert roles_of(patterns_rows(tmp_path), "observer").get("ClickEvent") == "subject"


def test_a_counted_collection_asking_each_holds_data(tmp_path: Path) -> None:
    write_tree(tmp_path, {"event.py": EVENT.format(told=".render(*args)")})
    assert roles_of(patterns_rows(tmp_path), "observer") == {}


def test_handlers_that_can_be_removed_are_told(tmp_path: Path) -> None:
    write_tree(tmp_path, {"hook.py": HOOK.format(remove=REMOVE)})
    assert roles_of(patterns_rows(tmp_path), "observer").get("SaveHook") == "subject"


def test_steps_never_taken_out_are_a_pipeline(tmp_path: Path) -> None:
    write_tree(tmp_path, {"hook.py": HOOK.format(remove="")})
    assert roles_of(patterns_rows(tmp_path), "observer") == {}
