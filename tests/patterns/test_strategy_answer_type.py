"""A strategy may be handed to the function that runs it: clients call `convert(value, rule)`
with two implementations of a callable `Rule`, and the function calls what it is handed. The
near miss: a parser handed the class of its result (`parse(text, Tags)`, `parse(text, Names)`)
that only answers `kind(items)`: the family has no `__call__`, so calling the class makes the
answer's type, chosen by the caller; no algorithm is run."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

RULES = """\
class Rule:
    def __call__(self, value):
        raise NotImplementedError


class Upper(Rule):
    def __call__(self, value):
        return value.upper()


class Lower(Rule):
    def __call__(self, value):
        return value.lower()


def convert(value, rule):
    return rule(value)


def main():
    print(convert("a", Upper()), convert("B", Lower()))
"""

RESULTS = """\
class Items:
    def __init__(self, items):
        self.items = list(items)

    def first(self):
        return self.items[0]


class Tags(Items):
    def first(self):
        return "#" + self.items[0]


class Names(Items):
    def first(self):
        return self.items[0].title()


def parse(text, kind):
    if not text:
        return kind([])
    return kind(text.split(","))


def main():
    print(parse("a,b", Tags).first(), parse("c", Names).first())
"""


def _strategy(tmp_path: Path, source: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/run.py": source})
    rows = patterns_rows(tmp_path, "app")
    return {str(r["symbol"]): str(r["role"]) for r in rows if r["pattern"] == "strategy"}


def test_a_callable_rule_handed_to_the_function_running_it(tmp_path: Path) -> None:
    found = _strategy(tmp_path, RULES)
    assert found.get("convert") == "context"
    assert found.get("Upper") == "concrete_strategy"


def test_the_class_of_a_parsers_answer_is_no_strategy(tmp_path: Path) -> None:
    assert _strategy(tmp_path, RESULTS) == {}


CHOSEN = """\
class Greeting:
    def text(self):
        raise NotImplementedError


class Hello(Greeting):
    def text(self):
        return "hello"


class Hi(Greeting):
    def text(self):
        return "hi"


def choose(kind):
    return kind()


def main():
    print(choose(Hello).text(), choose(Hi).text())
"""


def test_a_class_made_with_nothing_of_the_method_is_the_chosen_implementation(tmp_path: Path) -> None:
    assert _strategy(tmp_path, CHOSEN).get("choose") == "context"
