"""A class making three parts and serving three entry points each by one of them
(`title(t)` calling `self.header.set_title(t)`) stays a facade over them; beside its near
miss: the same class whose entry points answer `self` (`page.title(t).text(b).sign(s)`),
a fluent builder configured through a chain, not an entry point hiding a subsystem."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

SOURCE = """\
class Header:
    def set_title(self, text):
        self.title = text

    def render(self):
        return self.title


class Body:
    def add_text(self, text):
        self.text = text

    def render(self):
        return self.text


class Footer:
    def set_signature(self, name):
        self.name = name

    def render(self):
        return self.name


class Page:
    def __init__(self):
        self.header = Header()
        self.body = Body()
        self.footer = Footer()

    def title(self, text):
        self.header.set_title(text){tail}

    def text(self, text):
        self.body.add_text(text){tail}

    def sign(self, name):
        self.footer.set_signature(name){tail}
"""


def _roles(tmp_path: Path, tail: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/page.py": SOURCE.format(tail=tail)})
    return roles_of(patterns_rows(tmp_path, "app"), "facade")


def test_entry_points_each_driving_a_hidden_part(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "")
    assert roles == {"Page": "facade", "Header": "subsystem", "Body": "subsystem", "Footer": "subsystem"}


def test_entry_points_answering_self_are_a_fluent_chain(tmp_path: Path) -> None:
    assert _roles(tmp_path, "\n        return self") == {}
