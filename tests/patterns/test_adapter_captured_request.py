"""A class with no base serving its one request by a differently named method of the object
handed to it (`request()` calling `self.adaptee.specific_request(kind)`) stays an adapter,
through `agentls patterns` run as a subprocess; beside its near miss: the same class taking
nothing and handing the held object what it stored itself (`execute()` calling
`self.client.post(self.query)`), a command's captured request, not a translation."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

SOURCE = """\
class Client:
    def post(self, query):
        return query


class Search:
    def __init__(self, client, query):
        self.client = client
        self.query = query

    def {method}:
        return self.client.post({arg})


Search(Client(), "q").{call}
"""


def _roles(tmp_path: Path, method: str, arg: str, call: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/search.py": SOURCE.format(method=method, arg=arg, call=call)})
    return roles_of(patterns_rows(tmp_path, "app"), "adapter")


def test_translating_the_callers_request(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "find(self, text)", "text", 'find("q")')
    assert roles == {"Search": "adapter", "Client": "adaptee"}


def test_a_captured_request_is_no_translation(tmp_path: Path) -> None:
    assert _roles(tmp_path, "execute(self)", "self.query", "execute()") == {}
