"""A remote proxy: `__getattr__` answering every attribute with a method stand-in of another
class (`_Call(self._invoke, name)`), made from the name asked and a bound method of its own
that carries the call over its connection; the stand-in's `__call__` sends it. Through
`agentls patterns` run as a subprocess: the class is reported as a proxy. The near miss: a
call path answering its own kind for each dotted name (`Route(self._join, name)` inside
`Route`), the method object itself, no proxy."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

REMOTE = """\
class _Call:
    def __init__(self, send, name):
        self._send = send
        self._name = name

    def __call__(self, *args, **kwargs):
        return self._send(self._name, args, kwargs)


class RemoteInventory:
    def __init__(self, connection):
        self._connection = connection

    def _invoke(self, name, args, kwargs):
        return self._connection.request({"method": name, "args": args, "kwargs": kwargs})

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return _Call(self._invoke, name)
"""

ROUTE = """\
class Route:
    def __init__(self, join, name):
        self._join_with = join
        self._name = name

    def _join(self, name, args, kwargs):
        return self._join_with(self._name + "." + name, args, kwargs)

    def __call__(self, *args, **kwargs):
        return self._join_with(self._name, args, kwargs)

    def __getattr__(self, name):
        return Route(self._join, name)
"""


def _proxies(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"client.py": text})
    return roles_of(patterns_rows(tmp_path, "client.py"), "proxy")


def test_answering_each_attribute_with_a_call_sent_through_its_own_transport(tmp_path: Path) -> None:
    assert _proxies(tmp_path, REMOTE).get("RemoteInventory") == "proxy"


def test_a_stand_in_answering_its_own_kind_is_the_method_object(tmp_path: Path) -> None:
    assert "Route" not in _proxies(tmp_path, ROUTE)
