"""What a handler adds to decides whether the data it is handed asks for a change. An observer
told of an item (`notify(self, item: Item)`) that adds it to a set of its own keeps books: the
item is no CQRS command; beside it, a handler adding what it is handed to the session it holds
and committing changes state: its message is a command. Through `agentls patterns` run as a
subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

SHOPPER = """\
from dataclasses import dataclass, field
from typing import NamedTuple


class Item(NamedTuple):
    name: str
    price: float


@dataclass
class Shopper:
    name: str
    owned: set[Item] = field(default_factory=set)

    def notify(self, item: Item) -> None:
        self.owned.add(item)
"""

SIGNUP = """\
from dataclasses import dataclass


@dataclass(frozen=True)
class Registration:
    email: str


class Session:
    def add(self, row: object) -> None: ...

    def commit(self) -> None: ...


class SignUp:
    def __init__(self, session: Session) -> None:
        self.session = session

    def handle(self, registration: Registration) -> None:
        self.session.add({"email": registration.email})
        self.session.commit()
"""


def test_an_item_kept_in_the_observers_own_set_is_no_command(tmp_path: Path) -> None:
    write_tree(tmp_path, {"shop.py": SHOPPER})
    assert roles_of(patterns_rows(tmp_path), "cqrs_command") == {}


def test_a_registration_added_to_the_session_is_a_command(tmp_path: Path) -> None:
    write_tree(tmp_path, {"signup.py": SIGNUP})
    roles = roles_of(patterns_rows(tmp_path), "cqrs_command")
    assert roles.get("Registration") == "command"
    assert roles.get("SignUp") == "command_handler"
