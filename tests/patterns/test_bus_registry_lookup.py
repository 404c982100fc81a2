"""A bus asking a registry it holds for the handler of the message's type
(`run = self._registry.handler_for(type(query))`) and running what it found with the message
routes queries: it and the port it implements are a message bus, not a query handler. Beside
the near miss: a handler that counts what it serves by type in a collaborator it holds
(`self._metrics.count(type(query))`) and answers from its store still handles the query.
Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, role_map, write_tree

BUS = """\
from dataclasses import dataclass
from typing import Any, Callable, Protocol


@dataclass(frozen=True)
class Query:
    pass


@dataclass(frozen=True)
class GetUser(Query):
    user_id: int


class UserStore:
    def __init__(self) -> None:
        self._rows: dict[int, str] = {}

    def find(self, user_id: int) -> str | None:
        return self._rows.get(user_id)


class GetUserHandler:
    def __init__(self, users: UserStore) -> None:
        self._users = users

    def handle(self, query: GetUser) -> str | None:
        return self._users.find(query.user_id)


class HandlerRegistry:
    def __init__(self) -> None:
        self._handlers: dict[type, Callable[[Any], Any]] = {}

    def register(self, kind: type, handler: Callable[[Any], Any]) -> None:
        self._handlers[kind] = handler

    def handler_for(self, kind: type) -> Callable[[Any], Any]:
        return self._handlers[kind]


class QueryBus(Protocol):
    def ask(self, query: Query) -> Any: ...


class Dispatcher(QueryBus):
    def __init__(self, registry: HandlerRegistry) -> None:
        self._registry = registry

    def ask(self, query: Query) -> Any:
        run = self._registry.handler_for(type(query))
        return run(query)
"""

COUNTED = BUS.replace(
    "class GetUserHandler:\n    def __init__(self, users: UserStore) -> None:\n        self._users = users\n",
    "class GetUserHandler:\n    def __init__(self, users: UserStore, metrics: HandlerRegistry) -> None:\n"
    "        self._users = users\n        self._metrics = metrics\n",
).replace(
    "        return self._users.find(query.user_id)\n",
    "        self._metrics.register(type(query), print)\n        return self._users.find(query.user_id)\n",
)


def test_bus_looking_up_by_type_through_a_registry_is_no_query_handler(tmp_path: Path) -> None:
    write_tree(tmp_path, {"app/queries.py": BUS})
    roles = role_map(patterns_rows(tmp_path, "--min-confidence", "0"))
    assert ("Dispatcher", "cqrs_query") not in roles
    assert ("QueryBus", "cqrs_query") not in roles
    assert roles.get(("Dispatcher", "message_bus")) == "message_bus"
    assert roles.get(("GetUserHandler", "cqrs_query")) == "query_handler"
    assert roles.get(("GetUser", "cqrs_query")) == "query"


def test_handler_counting_by_type_still_handles(tmp_path: Path) -> None:
    assert COUNTED != BUS and "self._metrics.register(type(query)" in COUNTED
    write_tree(tmp_path, {"app/queries.py": COUNTED})
    roles = role_map(patterns_rows(tmp_path, "--min-confidence", "0"))
    assert roles.get(("GetUserHandler", "cqrs_query")) == "query_handler"
    assert roles.get(("GetUser", "cqrs_query")) == "query"
