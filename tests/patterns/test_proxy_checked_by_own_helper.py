"""A protection proxy handed its subject may run its access check in a helper of its own
that raises when the check fails (`self._authorize(user)` before forwarding), rather than in
an `if` around the forwarding: it controls access all the same, through `agentls patterns`
run as a subprocess. The near miss: a wrapper whose helper only records the call (a log
line) and always forwards adds behaviour: a decorator."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, role_map, write_tree

SERVERS = """\
from abc import ABC, abstractmethod


class Server(ABC):
    @abstractmethod
    def handle(self, user):
        pass


class RealServer(Server):
    def handle(self, user):
        print("handled", user)


class Guarded(Server):
    def __init__(self, server: Server):
        self._server = server
        self.allowed = {"ann", "bob"}

    def _check(self, user):
        HELPER

    def handle(self, user):
        self._check(user)
        self._server.handle(user)


def main():
    Guarded(RealServer()).handle("ann")
"""

RAISES = """if user not in self.allowed:
            raise PermissionError(user)"""

LOGS = """print("request from", user)"""


def _roles(tmp_path: Path, helper: str) -> dict[tuple[str, str], str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/servers.py": SERVERS.replace("HELPER", helper)})
    return role_map(patterns_rows(tmp_path, "app"))


def test_an_access_check_in_a_raising_helper_makes_a_protection_proxy(tmp_path: Path) -> None:
    roles = _roles(tmp_path, RAISES)
    assert roles.get(("Guarded", "proxy")) == "proxy"
    assert roles.get(("Server", "proxy")) == "subject"
    assert ("Guarded", "decorator") not in roles


def test_a_helper_that_only_records_the_call_leaves_a_decorator(tmp_path: Path) -> None:
    roles = _roles(tmp_path, LOGS)
    assert ("Guarded", "proxy") not in roles
    assert roles.get(("Guarded", "decorator")) == "decorator"
