"""A dispatcher that finds the handlers of a command by its type, keeps them in a local list
and hands the command to each is the bus, not a command handler; beside a handler that hands
the command to each of its own local list of checks (no lookup by type), which stays one.
Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

APP = """\
from abc import ABC, abstractmethod
from collections import defaultdict
from dataclasses import dataclass


@dataclass(frozen=True)
class Command:
    pass


@dataclass(frozen=True)
class OpenChat(Command):
    title: str


class Chats(ABC):
    @abstractmethod
    def add(self, chat) -> None: ...

    @abstractmethod
    def get(self, ref: str): ...


class MemoryChats(Chats):
    def __init__(self) -> None:
        self._items = {}

    def add(self, chat) -> None:
        self._items[chat] = chat

    def get(self, ref: str):
        return self._items.get(ref)


class OpenChatHandler:
    def __init__(self, chats: Chats) -> None:
        self.chats = chats

    def handle(self, command: OpenChat) -> None:
        checks = [len, str]
        for check in checks:
            check(command)
        self.chats.add(command.title)
"""

DISPATCHER = """\
from collections import defaultdict

from chat.app import Command


class Dispatcher:
    def __init__(self) -> None:
        self.commands_map = defaultdict(list)

    def register(self, kind: type, handlers: list) -> None:
        self.commands_map[kind].extend(handlers)

    def handle_command(self, command: Command) -> list:
        kind = command.__class__
        handlers = self.commands_map.get(kind)
        return [h.handle(command) for h in handlers]
"""


def _handlers(tmp_path: Path) -> set[str]:
    write_tree(tmp_path, {"chat/__init__.py": "", "chat/app.py": APP, "chat/dispatch.py": DISPATCHER})
    rows = patterns_rows(tmp_path, ".")
    return {str(r["symbol"]) for r in rows if r["role"] == "command_handler"}


def test_a_dispatcher_handing_the_command_to_the_handlers_found_by_type_is_no_handler(tmp_path: Path) -> None:
    assert "Dispatcher" not in _handlers(tmp_path)


def test_a_handler_handing_the_command_to_its_own_local_checks_stays_one(tmp_path: Path) -> None:
    assert "OpenChatHandler" in _handlers(tmp_path)
