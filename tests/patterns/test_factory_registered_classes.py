"""A factory instantiating the class it finds, by its argument, in a dict attribute that
another method of its class fills with the class it is handed (`register(kind, cls)`),
through `agentls patterns` run as a subprocess: the classes the program registers are its
products. Near miss: the same registry filled with handler functions, called after the
lookup (a dispatch table, no class chosen)."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

QUEUES = """\
from abc import ABC, abstractmethod


class Queue(ABC):
    @abstractmethod
    def send(self, message: str) -> None: ...


class MemoryQueue(Queue):
    def send(self, message: str) -> None:
        print("memory", message)


class FileQueue(Queue):
    def send(self, message: str) -> None:
        print("file", message)


class QueueMaker:
    def __init__(self) -> None:
        self._kinds: dict[str, type[Queue]] = {}

    def register(self, kind: str, queue_class: type[Queue]) -> None:
        self._kinds[kind] = queue_class

    def make(self, kind: str) -> Queue:
        queue_class = self._kinds.get(kind)
        if queue_class is None:
            raise ValueError(kind)
        return queue_class()


maker = QueueMaker()
maker.register("memory", MemoryQueue)
maker.register("file", FileQueue)
"""

HANDLERS = """\
def on_created(name: str) -> str:
    return "created " + name


def on_deleted(name: str) -> str:
    return "deleted " + name


class Dispatcher:
    def __init__(self) -> None:
        self._handlers: dict = {}

    def register(self, event: str, handler) -> None:
        self._handlers[event] = handler

    def dispatch(self, event: str, name: str) -> str:
        handler = self._handlers.get(event)
        if handler is None:
            raise ValueError(event)
        return handler(name)


dispatcher = Dispatcher()
dispatcher.register("created", on_created)
dispatcher.register("deleted", on_deleted)
"""


def _factories(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/main.py": text})
    return {str(r["symbol"]): str(r["role"]) for r in patterns_rows(tmp_path, "app") if r["pattern"] == "factory"}


def test_instantiating_the_class_registered_for_a_kind_is_a_factory(tmp_path: Path) -> None:
    found = _factories(tmp_path, QUEUES)
    assert found.get("QueueMaker.make") == "factory"
    assert found.get("MemoryQueue") == "product" and found.get("FileQueue") == "product"


def test_calling_the_function_registered_for_an_event_is_no_factory(tmp_path: Path) -> None:
    assert "Dispatcher.dispatch" not in _factories(tmp_path, HANDLERS)
