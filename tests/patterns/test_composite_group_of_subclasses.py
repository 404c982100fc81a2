"""A member of a composite's hierarchy that keeps the children its subclasses forward to (a
`Pair` keeping the `first` and `second` its `Both` shows) is the group base of those
nodes, reported as a composite, not as a leaf; the same member keeping a value its
subclasses only read stays a leaf. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

TERMS = """\
class Term:
    def show(self, out):
        raise NotImplementedError


class Fact(Term):
    def __init__(self, name):
        self.name = name

    def show(self, out):
        out.append(self.name)


class Pair(Term):
    def __init__(self, first, second):
        self.first = first
        self.second = second


class Both(Pair):
    def show(self, out):
        self.first.show(out)
        self.second.show(out)


class Every(Term):
    def __init__(self):
        self.terms = []

    def add(self, term):
        self.terms.append(term)

    def show(self, out):
        for term in self.terms:
            term.show(out)
"""

# The same Pair whose subclass compares what it keeps instead of forwarding to it.
VALUES = TERMS.replace(
    "        self.first.show(out)\n        self.second.show(out)",
    "        out.append(self.first)\n        out.append(self.second)",
)


def _roles(tmp_path: Path, text: str) -> dict[str, set[str]]:
    write_tree(tmp_path, {"logic/__init__.py": "", "logic/terms.py": text})
    out: dict[str, set[str]] = {}
    for r in patterns_rows(tmp_path, "logic"):
        if r["pattern"] == "composite":
            out.setdefault(str(r["symbol"]), set()).add(str(r["role"]))
    return out


def test_a_base_keeping_what_its_subclasses_forward_to_is_a_node(tmp_path: Path) -> None:
    found = _roles(tmp_path, TERMS)
    assert found.get("Every") == {"composite"} and found.get("Fact") == {"leaf"}
    assert found.get("Pair") == {"composite"}


def test_a_base_keeping_values_its_subclasses_read_is_a_leaf(tmp_path: Path) -> None:
    found = _roles(tmp_path, VALUES)
    assert found.get("Every") == {"composite"} and found.get("Fact") == {"leaf"}
    assert found.get("Pair") == {"leaf"}
