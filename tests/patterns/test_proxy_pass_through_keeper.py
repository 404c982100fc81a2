"""`__getattr__` passing every attribute straight through to a held object is reported as a
stand-in (at the lowest confidence shown) only for a class keeping that object alone, deriving
no class of the program; another object kept beside it may only be the one it hands the
object back to (a pool taking its connection back on `close()`). Through `agentls patterns` run
as a subprocess: a result wrapper keeping the query it came from beside the rows it passes
through, and a node of an expression hierarchy wrapping another, are no proxies; the near
miss, a pooled handle giving its connection back to the pool, stays one."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

RESULTS = """\
class RelatedRows:
    def __init__(self, owner, relation, rows):
        self.owner = owner
        self.relation = relation
        self.rows = rows

    def __getattr__(self, name):
        return getattr(self.rows, name)

    def attach(self, item):
        self.relation.link(self.owner, item)
"""

NODE = """\
class Source:
    def render(self):
        return ""


class Table(Source):
    def __init__(self, name):
        self.name = name

    def render(self):
        return self.name


class Sideways(Source):
    def __init__(self, inner):
        self._inner = inner

    def __str__(self):
        return "SIDEWAYS " + str(self._inner)

    def __getattr__(self, name):
        return getattr(self._inner, name)
"""

POOLED = """\
class PooledHandle:
    def __init__(self, pool, connection):
        self._pool = pool
        self._connection = connection

    def close(self):
        self._pool.give_back(self._connection)

    def __getattr__(self, name):
        return getattr(self._connection, name)
"""


def _proxies(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"wrappers.py": text})
    return roles_of(patterns_rows(tmp_path, "wrappers.py"), "proxy")


def test_a_wrapper_keeping_more_than_what_it_passes_through_is_no_proxy(tmp_path: Path) -> None:
    assert "RelatedRows" not in _proxies(tmp_path, RESULTS)


def test_a_node_of_a_hierarchy_of_the_program_wrapping_another_is_no_proxy(tmp_path: Path) -> None:
    assert "Sideways" not in _proxies(tmp_path, NODE)


def test_a_handle_giving_its_object_back_to_the_pool_it_keeps_stays_a_proxy(tmp_path: Path) -> None:
    assert _proxies(tmp_path, POOLED).get("PooledHandle") == "proxy"
