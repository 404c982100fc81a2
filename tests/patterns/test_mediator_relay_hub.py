"""A hub relaying between the members it keeps, with no back-reference from them: it keeps
what `join(member: Player)` is handed, and `say(speaker: Player, line)` hands each kept
player together with the speaker to a call (`self.show(speaker, listener, line)`), through
`agentls patterns` run as a subprocess; beside its near miss: a newsletter keeping typed
readers and pairing each with an issue it is handed, no member of its own: a subject telling
each subscriber, no mediator."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

TABLE = """\
from abc import ABC, abstractmethod


class Player:
    def __init__(self, name: str):
        self.name = name


class Table(ABC):
    @abstractmethod
    def show(self, speaker: Player, listener: Player, line: str): ...


class CardTable(Table):
    def __init__(self):
        self._players = []

    def join(self, member: Player) -> None:
        self._players.append(member)

    def show(self, speaker: Player, listener: Player, line: str) -> None:
        print(listener.name, "hears", speaker.name, ":", line)

    def say(self, speaker: Player, line: str) -> None:
        for listener in self._players:
            if listener is not speaker:
                self.show(speaker, listener, line)
"""

NEWSLETTER = """\
class Reader:
    def __init__(self, email: str):
        self.email = email


class Issue:
    def __init__(self, title: str):
        self.title = title


class Newsletter:
    def __init__(self):
        self._readers = []

    def subscribe(self, reader: Reader) -> None:
        self._readers.append(reader)

    def mail(self, reader: Reader, issue: Issue) -> None:
        print("to", reader.email, issue.title)

    def publish(self, issue: Issue) -> None:
        for reader in self._readers:
            self.mail(reader, issue)
"""


def test_a_hub_relaying_one_kept_member_to_the_others_is_a_mediator(tmp_path: Path) -> None:
    write_tree(tmp_path, {"table.py": TABLE})
    roles = roles_of(patterns_rows(tmp_path), "mediator")
    assert roles == {"CardTable": "mediator", "Table": "mediator"}


def test_a_newsletter_pairing_an_issue_with_each_reader_is_no_mediator(tmp_path: Path) -> None:
    write_tree(tmp_path, {"news.py": NEWSLETTER})
    assert roles_of(patterns_rows(tmp_path), "mediator") == {}
