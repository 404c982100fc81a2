"""The write side of a Django table's collection, through `agentls patterns` run as a
subprocess: a class whose store builds a row through the model's manager
(`Member.objects.create(...)`), the model deriving a library's model base imported from a
`models` module (`django_extensions.db.models.TimeStampedModel`), is a repository, and so is
one whose other methods change or remove a row by the key they are handed. The near miss: the
same store beside a method that mails instead of working on the table is none."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

MODELS = """\
from django.db import models
from django_extensions.db.models import TimeStampedModel


class Member(TimeStampedModel):
    name = models.CharField(max_length=40)
    nickname = models.CharField(max_length=40)


class Ticket(models.Model):
    title = models.CharField(max_length=80)
    owner = models.CharField(max_length=40)
    done = models.BooleanField(default=False)
"""

COMMAND_REPO = """\
from dataclasses import dataclass

from app.domain.models import Member


@dataclass(frozen=True)
class JoinCmd:
    name: str
    nickname: str


class MemberWriter:
    def create_member_by(self, cmd: JoinCmd) -> int:
        member = Member.objects.create(name=cmd.name, nickname=cmd.nickname)
        return member.id
"""

TICKETS = """\
from app.domain.models import Ticket


class TicketWriter:
    def add_ticket(self, title: str, owner: str) -> None:
        Ticket.objects.create(title=title, owner=owner)

    def update_ticket_done(self, ticket_id: int, done: bool) -> None:
        ticket = Ticket.objects.get(id=ticket_id)
        ticket.done = done
        ticket.save()

    def remove_ticket(self, ticket_id: int) -> None:
        Ticket.objects.get(id=ticket_id).delete()
"""

MAILING = """\
from app.domain.models import Ticket


class TicketDesk:
    def __init__(self, mailer) -> None:
        self.mailer = mailer

    def add_ticket(self, title: str, owner: str) -> None:
        Ticket.objects.create(title=title, owner=owner)

    def remind(self, owner: str) -> None:
        self.mailer.send(owner, "you have open tickets")
"""


def _roles(tmp_path: Path, name: str, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/domain/models.py": MODELS, f"app/repository/{name}.py": text})
    return roles_of(patterns_rows(tmp_path, "."), "repository")


def test_a_store_building_a_row_through_the_manager_of_a_library_model_base(tmp_path: Path) -> None:
    assert _roles(tmp_path, "members", COMMAND_REPO).get("MemberWriter") == "repository"


def test_a_row_writer_changing_and_removing_rows_by_key(tmp_path: Path) -> None:
    assert _roles(tmp_path, "tickets", TICKETS).get("TicketWriter") == "repository"


def test_the_same_store_beside_a_method_that_mails_is_no_repository(tmp_path: Path) -> None:
    assert "TicketDesk" not in _roles(tmp_path, "desk", MAILING)
