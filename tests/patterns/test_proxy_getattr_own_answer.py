"""A `__getattr__` that reads the asked name on a held object but answers something of its own
made from it (`return self.make_column(...)` after `getattr(self.table, name).label`), refusing
dunder names: an alias building its own columns, no stand-in forwarding to the table. Through
`agentls patterns` run as a subprocess: no proxy. The near miss: the same class answering what
the table answers (`return getattr(self.table, name)`) after the same refusal stays a
protection proxy."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

ALIAS = """\
class Column:
    def __init__(self, table, label, alias):
        self.table = table
        self.label = label
        self.alias = alias


class TableAlias:
    def __init__(self, table, alias):
        self.table = table
        self.alias = alias

    def make_column(self, label):
        return Column(self.table, label, self.alias)

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        label = getattr(self.table, name).label
        return self.make_column(label)
"""

GUARDED = ALIAS.replace(
    "        label = getattr(self.table, name).label\n        return self.make_column(label)\n",
    "        return getattr(self.table, name)\n",
)


def _proxies(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"alias.py": text})
    return roles_of(patterns_rows(tmp_path, "alias.py"), "proxy")


def test_answering_its_own_object_made_from_the_held_one_forwards_nothing(tmp_path: Path) -> None:
    assert "TableAlias" not in _proxies(tmp_path, ALIAS)


def test_answering_what_the_held_object_answers_after_a_refusal_is_a_proxy(tmp_path: Path) -> None:
    assert GUARDED != ALIAS
    assert _proxies(tmp_path, GUARDED).get("TableAlias") == "proxy"
