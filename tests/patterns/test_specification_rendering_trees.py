"""A hierarchy whose `&` builds a node of its own family over two members is a Specification
when the method each node forwards to its parts is a verdict on a candidate (`holds(item) ->
bool`); the same tree whose forwarded method is declared to answer text (`render(dialect) ->
str`, a query builder's criteria rendering SQL) states no rule: no specification. Through
`agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

TREE = """\
class Rule:
    def {name}(self, arg: str) -> {answer}:
        raise NotImplementedError

    def __and__(self, other: "Rule") -> "Rule":
        return Both(self, other)


class Both(Rule):
    def __init__(self, left: Rule, right: Rule) -> None:
        self.left = left
        self.right = right

    def {name}(self, arg: str) -> {answer}:
        return {combined}


class Equals(Rule):
    def __init__(self, field: str, value: str) -> None:
        self.field = field
        self.value = value

    def {name}(self, arg: str) -> {answer}:
        return {leaf}
"""


def _roles(tmp_path: Path, **parts: str) -> dict[str, str]:
    write_tree(tmp_path, {"rules/tree.py": TREE.format(**parts)})
    return roles_of(patterns_rows(tmp_path, "rules"), "specification")


def test_nodes_combining_verdicts_on_a_candidate_are_specifications(tmp_path: Path) -> None:
    roles = _roles(
        tmp_path,
        name="holds",
        answer="bool",
        combined="self.left.holds(arg) and self.right.holds(arg)",
        leaf="getattr(arg, self.field) == self.value",
    )
    assert roles.get("Rule") == "specification"
    assert roles.get("Both") == "composite_specification"
    assert roles.get("Equals") == "concrete_specification"


def test_nodes_rendering_text_are_no_specification(tmp_path: Path) -> None:
    roles = _roles(
        tmp_path,
        name="render",
        answer="str",
        combined='self.left.render(arg) + " AND " + self.right.render(arg)',
        leaf='f"{self.field} = {self.value}"',
    )
    assert roles == {}
