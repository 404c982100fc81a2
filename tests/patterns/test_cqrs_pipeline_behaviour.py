"""A pipeline behaviour whose `handle(query, next_handler)` calls the next handler with the
query (or with nothing) wraps the handlers and handles nothing: no `query_handler`, and its
abstract base declaring `next_handler` callable neither; the query keeps its own handler. A
handler taking a callback beside the query that it hands something new (`notify(Fetched(...))`)
still handles the query. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

QUERIES = """\
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


class Query:
    pass


@dataclass(frozen=True)
class GetUser(Query):
    user_id: str


class QueryHandler(ABC):
    @abstractmethod
    def handle(self, query: Query) -> Any: ...


class GetUserHandler(QueryHandler):
    def __init__(self, users: dict[str, str]) -> None:
        self.users = users

    def handle(self, query: GetUser) -> str:
        return self.users[query.user_id]


class QueryBehavior(ABC):
    @abstractmethod
    def handle(self, query: Query, next_handler: Callable[[Query], Any]) -> Any: ...


class TimingBehavior(QueryBehavior):
    def __init__(self) -> None:
        self.calls = 0

    def handle(self, query: Query, next_handler: Callable[[Query], Any]) -> Any:
        self.calls += 1
        return next_handler(query)
"""

CALLBACK = """\
from collections.abc import Callable
from dataclasses import dataclass

from app.queries import GetUser, QueryHandler


@dataclass(frozen=True)
class Fetched:
    user_id: str


class AuditedGetUserHandler(QueryHandler):
    def __init__(self, users: dict[str, str]) -> None:
        self.users = users

    def handle(self, query: GetUser, notify: Callable[[Fetched], None]) -> str:
        notify(Fetched(query.user_id))
        return self.users[query.user_id]
"""


def test_a_behaviour_calling_the_next_handler_handles_no_query(tmp_path: Path) -> None:
    write_tree(tmp_path, {"app/__init__.py": "", "app/queries.py": QUERIES})
    roles = roles_of(patterns_rows(tmp_path, "app"), "cqrs_query")
    assert roles.get("GetUserHandler") == "query_handler"
    assert "TimingBehavior" not in roles
    assert "QueryBehavior" not in roles


def test_a_handler_handing_a_callback_something_new_still_handles(tmp_path: Path) -> None:
    write_tree(tmp_path, {"app/__init__.py": "", "app/queries.py": QUERIES, "app/audited.py": CALLBACK})
    roles = roles_of(patterns_rows(tmp_path, "app"), "cqrs_query")
    assert roles.get("AuditedGetUserHandler") == "query_handler"
