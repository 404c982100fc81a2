"""A handler answers a query only when it reads from something other than the message it is
given. A request object handled by `handle(request)` that looks into the request itself
(`request.headers.get(...)`) and calls a helper of its own that only walks a list it holds
(`self._match(request)`) reads no storage: neither the request is a CQRS query nor the class
its handler. Beside the near miss: the same shapes whose own helper reads through the store
the handler holds (`self._store.find(...)`) still make a query and its handler. Through
`agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

MESSAGES = """\
from dataclasses import dataclass, field


@dataclass
class Request:
    path: str
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Response:
    status: int
    body: str = ""


class Handler:
    def handle(self, request: Request) -> Response:
        raise NotImplementedError


"""

HTTP = (
    MESSAGES
    + """\
class Router(Handler):
    def __init__(self, routes: list[str]) -> None:
        self._routes = routes

    def _get_route(self, request: Request) -> str | None:
        for route in self._routes:
            if route == request.path:
                return route
        return None

    def handle(self, request: Request) -> Response:
        token = request.headers.get("Authorization")
        if not token:
            return Response(401)
        route = self._get_route(request)
        return Response(200 if route else 404, route or "")
"""
)

READ_SIDE = (
    MESSAGES
    + """\
class Router(Handler):
    def __init__(self, store: "PageStore") -> None:
        self._store = store

    def _get_route(self, request: Request) -> str | None:
        return self._store.find(request.path)

    def handle(self, request: Request) -> Response:
        token = request.headers.get("Authorization")
        if not token:
            return Response(401)
        route = self._get_route(request)
        return Response(200 if route else 404, route or "")


class PageStore:
    def __init__(self) -> None:
        self._pages: dict[str, str] = {}

    def find(self, path: str) -> str | None:
        return self._pages.get(path)
"""
)


def test_request_looked_into_by_its_handler_is_no_query(tmp_path: Path) -> None:
    write_tree(tmp_path, {"web/server.py": HTTP})
    roles = roles_of(patterns_rows(tmp_path, "--min-confidence", "0"), "cqrs_query")
    assert "Request" not in roles
    assert "Router" not in roles


def test_request_answered_through_a_store_is_a_query(tmp_path: Path) -> None:
    write_tree(tmp_path, {"web/server.py": READ_SIDE})
    roles = roles_of(patterns_rows(tmp_path, "--min-confidence", "0"), "cqrs_query")
    assert roles.get("Request") == "query"
    assert roles.get("Router") == "query_handler"
