"""A class handing out objects from a list and taking received ones back is a pool when what
it creates goes to that list (made when the list is empty, in the method handing out); the
same stack of handlers whose class creates only other things (the error it raises, a logger
its constructor builds) creates nothing it pools: a plain stack, no pool and no reusable.
Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

CODE = """\
class EmptyStack(Exception):
    pass


class Logger:
    def write(self, text: str) -> None:
        print(text)


class Handler:
    def handle(self, error: Exception) -> bool:
        return False


class Stack:
    def __init__(self) -> None:
        self._items: list[Handler] = []
        self.log = Logger()

    def pop_item(self) -> Handler:
        if not self._items:
            {empty}
        return self._items.pop()

    def push_item(self, item: Handler) -> None:
        self.log.write("pushed")
        self._items.append(item)
"""


def _roles(tmp_path: Path, empty: str) -> dict[str, str]:
    write_tree(tmp_path, {"work/stack.py": CODE.replace("{empty}", empty)})
    return roles_of(patterns_rows(tmp_path, "work"), "object_pool")


def test_creating_a_handler_when_empty_pools_handlers(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "return Handler()")
    assert roles.get("Stack") == "pool"
    assert roles.get("Handler") == "reusable"


def test_raising_when_empty_beside_a_logger_it_builds_pools_nothing(tmp_path: Path) -> None:
    assert _roles(tmp_path, "raise EmptyStack()") == {}
