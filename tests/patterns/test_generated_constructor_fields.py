"""What a dataclass (or a pydantic model, an attrs class) declares in its body is handed to its
generated constructor, as `self.inner = inner` in a written `__init__` is: through
`agentls patterns` run as a subprocess, a dataclass wrapping the `inner: Text` it is handed is a
Decorator, an abstract dataclass declaring the wrapped field is the abstract decorator its
subclasses refine, and a dataclass keeping `children: list[Text] = field(default_factory=list)`
is a Composite. The near miss, one decorator away: a plain class annotating the same field
with no constructor taking it is handed nothing, so it wraps nothing."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

TEXT = """\
from abc import ABC, abstractmethod
from dataclasses import dataclass, field


class Text(ABC):
    @abstractmethod
    def render(self) -> str: ...


class Plain(Text):
    def __init__(self, s: str) -> None:
        self.s = s

    def render(self) -> str:
        return self.s


@dataclass
class Group(Text):
    children: list[Text] = field(default_factory=list)

    def add(self, text: Text) -> None:
        self.children.append(text)

    def render(self) -> str:
        return "".join(child.render() for child in self.children)


@dataclass
class Framed(Text, ABC):
    inner: Text


class Boxed(Framed):
    def render(self) -> str:
        return "[" + self.inner.render() + "]"
"""

BOLD = """\


{decorator}class Bold(Text):
    inner: Text

    def render(self) -> str:
        return "<b>" + self.inner.render() + "</b>"
"""


def _roles(tmp_path: Path, text: str) -> set[tuple[str, str, str]]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/text.py": text})
    return {(str(r["symbol"]), str(r["pattern"]), str(r["role"])) for r in patterns_rows(tmp_path, "app")}


def test_dataclass_fields_are_what_its_constructor_is_handed(tmp_path: Path) -> None:
    roles = _roles(tmp_path, TEXT + BOLD.format(decorator="@dataclass\n"))
    assert ("Bold", "decorator", "decorator") in roles
    assert ("Framed", "decorator", "decorator") in roles
    assert ("Boxed", "decorator", "decorator") in roles
    assert ("Group", "composite", "composite") in roles
    assert ("Plain", "composite", "leaf") in roles


def test_a_plain_class_annotating_the_field_is_handed_nothing(tmp_path: Path) -> None:
    roles = _roles(tmp_path, TEXT + BOLD.format(decorator=""))
    assert ("Bold", "decorator", "decorator") not in roles
    assert ("Boxed", "decorator", "decorator") in roles
