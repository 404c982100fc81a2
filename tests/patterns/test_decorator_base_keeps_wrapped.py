"""A base with no interface above it that declares its methods abstract and keeps the one
object its constructor is handed is the component of the subclasses forwarding to it by the
same name (`Bold.render` answering `f"<b>{self._inner.render()}</b>"`), when the program
hands those subclasses objects of the base's own family (`Bold(Plain("hi"))`). Handed only an
object of another kind (an engine the base keeps), the subclasses use a helper: no
decoration. Through `agentls patterns` run as a subprocess, the form beside its near miss."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

TAGS = """\
from abc import ABC, abstractmethod


class Tag(ABC):
    def __init__(self, inner):
        self._inner = inner

    @abstractmethod
    def render(self):
        ...


class Plain(Tag):
    def render(self):
        return self._inner


class Bold(Tag):
    def render(self):
        return f"<b>{self._inner.render()}</b>"


class Italic(Tag):
    def render(self):
        return f"<i>{self._inner.render()}</i>"


class Engine:
    def render(self):
        return "engine"


if __name__ == "__main__":
    print(Italic(Bold(Plain("hi"))).render())
"""

# The one change: the tags are only ever handed the engine.
HELPER = TAGS.replace(
    'print(Italic(Bold(Plain("hi"))).render())', "print(Italic(Engine()).render(), Bold(Engine()).render())"
)


def _decorators(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"tags/html.py": text})
    return roles_of(patterns_rows(tmp_path, "tags", "--min-confidence", "0"), "decorator")


def test_subclasses_forwarding_to_what_their_base_keeps_are_decorators(tmp_path: Path) -> None:
    assert _decorators(tmp_path, TAGS) == {"Tag": "component", "Bold": "decorator", "Italic": "decorator"}


def test_handed_only_another_kind_they_decorate_nothing(tmp_path: Path) -> None:
    assert HELPER != TAGS
    assert _decorators(tmp_path, HELPER) == {}
