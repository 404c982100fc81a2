"""An application-service port with a collection's vocabulary (`create(payload)`,
`get_by_id(id_)`, `update`, `delete`) whose implementations work through a repository, held or
handed to each method with the unit of work, is no repository port: the repository behind it
is, the service port and its implementations are not, through `agentls patterns` run as a
subprocess. The near miss: the same port implemented over a dict the class keeps itself is the
abstract repository."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

PORT = """\
from abc import ABC, abstractmethod


class AbstractTicketService(ABC):
    @abstractmethod
    def create(self, payload):
        raise NotImplementedError

    @abstractmethod
    def get_by_id(self, id_: str):
        raise NotImplementedError

    @abstractmethod
    def update(self, payload):
        raise NotImplementedError

    @abstractmethod
    def delete(self, id_: str):
        raise NotImplementedError
"""

REPOSITORY = """\
from dataclasses import dataclass


@dataclass
class Ticket:
    id: str
    title: str


class TicketRepository:
    def __init__(self) -> None:
        self._tickets: dict[str, Ticket] = {}

    def add(self, ticket: Ticket) -> None:
        self._tickets[ticket.id] = ticket

    def get(self, ticket_id: str) -> Ticket | None:
        return self._tickets.get(ticket_id)
"""

HELD = """\
from app.domain.ports import AbstractTicketService
from app.domain.tickets import Ticket, TicketRepository


class TicketService(AbstractTicketService):
    def __init__(self, tickets: TicketRepository) -> None:
        self._tickets = tickets

    def create(self, payload):
        ticket = Ticket(payload.id, payload.title)
        self._tickets.add(ticket)
        return ticket

    def get_by_id(self, id_: str):
        return self._tickets.get(id_)

    def update(self, payload):
        ticket = self._tickets.get(payload.id)
        ticket.title = payload.title
        return ticket

    def delete(self, id_: str):
        return None
"""

HANDED = """\
from app.domain.ports import AbstractTicketService
from app.domain.tickets import Ticket, TicketRepository


class TicketUseCase(AbstractTicketService):
    def create(self, payload, tickets: TicketRepository):
        ticket = Ticket(payload.id, payload.title)
        tickets.add(ticket)
        return ticket

    def get_by_id(self, id_: str, tickets: TicketRepository):
        return tickets.get(id_)

    def update(self, payload, tickets: TicketRepository):
        return tickets.get(payload.id)

    def delete(self, id_: str, tickets: TicketRepository):
        return None
"""

KEPT = """\
from app.domain.ports import AbstractTicketService
from app.domain.tickets import Ticket


class InMemoryTicketService(AbstractTicketService):
    def __init__(self) -> None:
        self._rows: dict[str, Ticket] = {}

    def create(self, payload):
        ticket = Ticket(payload.id, payload.title)
        self._rows[ticket.id] = ticket
        return ticket

    def get_by_id(self, id_: str):
        return self._rows.get(id_)

    def update(self, payload):
        self._rows[payload.id].title = payload.title
        return self._rows[payload.id]

    def delete(self, id_: str):
        return self._rows.pop(id_, None)
"""


def _tree(tmp_path: Path, impl: str) -> dict[str, str]:
    files = {"app/domain/ports.py": PORT, "app/domain/tickets.py": REPOSITORY, "app/service/impl.py": impl}
    write_tree(tmp_path, files)
    return roles_of(patterns_rows(tmp_path, "."), "repository")


def test_a_port_whose_implementation_holds_a_repository_is_a_service_port(tmp_path: Path) -> None:
    roles = _tree(tmp_path, HELD)
    assert roles.get("TicketRepository") == "repository"
    assert "AbstractTicketService" not in roles
    assert "TicketService" not in roles


def test_a_port_whose_implementation_is_handed_the_repository_is_a_service_port(tmp_path: Path) -> None:
    roles = _tree(tmp_path, HANDED)
    assert roles.get("TicketRepository") == "repository"
    assert "AbstractTicketService" not in roles
    assert "TicketUseCase" not in roles


def test_the_same_port_implemented_over_its_own_dict_is_a_repository_port(tmp_path: Path) -> None:
    roles = _tree(tmp_path, KEPT)
    assert roles.get("AbstractTicketService") == "abstract_repository"
    assert roles.get("InMemoryTicketService") == "repository"
