"""A restore writes the originator's attributes back from what the snapshot answers: a
builder's step converting its argument (`self._verb = verb.upper()`) beside a `build()`
returning an immutable request reads a string's method, not a snapshot's field, and makes no
memento; the same classes whose `load(request)` reads the request's own fields back
(`request.verb`) are one. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

REQUESTS = """\
from dataclasses import dataclass


@dataclass(frozen=True)
class Request:
    url: str
    verb: str


class RequestBuilder:
    def __init__(self):
        self._url = ""
        self._verb = "GET"

    def url(self, url):
        self._url = url
        return self

    def STEP(self, ARG):
        self._verb = READ
        return self

    def build(self):
        return Request(self._url, self._verb)
"""


def _roles(tmp_path: Path, step: str, arg: str, read: str) -> dict[str, str]:
    source = REQUESTS.replace("STEP", step).replace("ARG", arg).replace("READ", read)
    write_tree(tmp_path, {"app/__init__.py": "", "app/requests.py": source})
    return roles_of(patterns_rows(tmp_path, "app"), "memento")


def test_a_step_converting_its_argument_restores_nothing(tmp_path: Path) -> None:
    assert _roles(tmp_path, "verb", "verb", "verb.upper()") == {}


def test_a_method_reading_the_requests_own_fields_back_restores_it(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "load", "request", "request.verb")
    assert roles == {"RequestBuilder": "originator", "Request": "memento"}
