"""Beside a composite, a node forwarding the method to each of the arguments it keeps in a
list (a function call in an expression tree: `[a.rename(old, new) for a in self.args]`) is an
inner node, reported as a composite; the same node walking its arguments for something else
(their names) has no children it treats alike and stays a leaf. Through `agentls patterns`
run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

TERMS = """\
class Term:
    def rename(self, old: str, new: str) -> None:
        raise NotImplementedError


class Column(Term):
    def __init__(self, name: str) -> None:
        self.name = name

    def rename(self, old: str, new: str) -> None:
        if self.name == old:
            self.name = new


class Select(Term):
    def __init__(self) -> None:
        self._terms: list[Term] = []

    def add(self, term: Term) -> None:
        self._terms.append(term)

    def rename(self, old: str, new: str) -> None:
        for term in self._terms:
            term.rename(old, new)


class Call(Term):
    def __init__(self, name: str, *args: Term) -> None:
        self.name = name
        self.args = list(args)

    def rename(self, old: str, new: str) -> None:
        {body}


class Lower(Call):
    def __init__(self, term: Term) -> None:
        super().__init__("LOWER", term)
"""


def _roles(tmp_path: Path, body: str) -> dict[str, str]:
    write_tree(tmp_path, {"sql/terms.py": TERMS.replace("{body}", body)})
    rows = [r for r in patterns_rows(tmp_path, "sql") if r["pattern"] == "composite"]
    # one role per class: a node is not also reported a leaf of another composite
    assert len({r["symbol"] for r in rows}) == len(rows)
    return roles_of(rows, "composite")


def test_a_call_renaming_each_argument_is_an_inner_node(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "self.args = [a.rename(old, new) or a for a in self.args]")
    assert roles["Call"] == "composite"
    assert roles["Lower"] == "composite"
    assert roles["Column"] == "leaf"


def test_a_call_reading_its_arguments_names_is_a_leaf(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "self.names = [str(a) for a in self.args]")
    assert roles["Select"] == "composite"
    assert roles["Call"] == "leaf"
    assert roles["Lower"] == "leaf"
    assert roles["Column"] == "leaf"
