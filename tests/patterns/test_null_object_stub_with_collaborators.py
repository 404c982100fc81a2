"""Null object vs an unfinished implementation: a do-nothing implementation of an interface
whose siblings do real work is a null object; the same empty method in a class whose
constructor keeps the repository it is handed is work not written yet. Through `agentls
patterns`, side by side."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

CODE = """\
from abc import ABC, abstractmethod


class Users:
    def __init__(self) -> None:
        self.names: list[str] = []


class Notifier(ABC):
    @abstractmethod
    def notify(self, text: str) -> None: ...


class MailNotifier(Notifier):
    def __init__(self, users: Users) -> None:
        self.users = users

    def notify(self, text: str) -> None:
        for name in self.users.names:
            print(name, text)


class Quiet(Notifier):
{init}
    def notify(self, text: str) -> None:
        pass
"""

INIT = "    def __init__(self, users: Users) -> None:\n        self.users = users\n\n"


def _nulls(tmp_path: Path, init: str) -> set[str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/notify.py": CODE.replace("{init}", init)})
    rows = patterns_rows(tmp_path, "app")
    return {str(r["symbol"]) for r in rows if r["pattern"] == "null_object" and r["role"] == "null_object"}


def test_a_do_nothing_implementation_is_a_null_object(tmp_path: Path) -> None:
    assert "Quiet" in _nulls(tmp_path, "")


def test_an_empty_method_beside_kept_collaborators_is_no_null_object(tmp_path: Path) -> None:
    # The near miss: the same empty method, the constructor keeping the users it is handed.
    assert "Quiet" not in _nulls(tmp_path, INIT)
