"""A DI provider module with one provider is a composition root when the provider builds
what it declares: into a local it then returns, or inside the factory function it returns
(`-> Callable[[], Awaitable[Port]]`). Beside the near miss: the same module returning a local
of a class unrelated to what it declares. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

PORTS = """\
from abc import ABC, abstractmethod


class Outbox(ABC):
    @abstractmethod
    def put(self, message: str) -> None: ...


class MemoryOutbox(Outbox):
    def __init__(self) -> None:
        self.items: list[str] = []

    def put(self, message: str) -> None:
        self.items.append(message)


class Clock:
    def now(self) -> float:
        return 0.0
"""

LOCAL = """\
from injector import Module, provider, singleton

from mail.ports import Clock, MemoryOutbox, Outbox


class OutboxModule(Module):
    @singleton
    @provider
    def outbox(self) -> Outbox:
        made = {made}()
        return made
"""

FACTORY = """\
from typing import Awaitable, Callable

from injector import Module, provider, singleton

from mail.ports import MemoryOutbox, Outbox


class OutboxModule(Module):
    @singleton
    @provider
    def outbox(self) -> Callable[[], Awaitable[Outbox]]:
        async def make() -> Outbox:
            return MemoryOutbox()

        return make
"""


def _roots(tmp_path: Path, wiring: str) -> set[str]:
    files = {"mail/__init__.py": "", "mail/ports.py": PORTS, "mail/wiring.py": wiring}
    write_tree(tmp_path, files)
    rows = patterns_rows(tmp_path, ".")
    return {str(r["symbol"]) for r in rows if r["pattern"] == "dependency_injection"}


def test_a_provider_building_an_implementation_into_a_local_makes_a_composition_root(tmp_path: Path) -> None:
    assert "OutboxModule" in _roots(tmp_path, LOCAL.format(made="MemoryOutbox"))


def test_a_provider_returning_a_factory_of_the_port_makes_a_composition_root(tmp_path: Path) -> None:
    assert "OutboxModule" in _roots(tmp_path, FACTORY)


def test_a_provider_returning_a_local_of_another_class_is_none(tmp_path: Path) -> None:
    # The local holds a `Clock`, which is no `Outbox`: nothing shows it provides what it says.
    assert "OutboxModule" not in _roots(tmp_path, LOCAL.format(made="Clock"))


HELPER = """\
from logging import Logger, getLogger

from injector import Module, provider, singleton


def configured_logger(name: str) -> {declared}:
    logger = getLogger(name)
    logger.setLevel(20)
    return logger


class LoggingModule(Module):
    @singleton
    @provider
    def logger(self) -> Logger:
        return configured_logger(__name__)
"""


def test_a_provider_building_through_a_helper_declared_to_make_it_is_a_composition_root(tmp_path: Path) -> None:
    assert "LoggingModule" in _roots(tmp_path, HELPER.format(declared="Logger"))


def test_a_provider_returning_a_helper_declared_to_make_something_else_is_none(tmp_path: Path) -> None:
    # The helper says it answers an `object`: nothing shows the provider builds the `Logger`.
    assert "LoggingModule" not in _roots(tmp_path, HELPER.format(declared="object"))
