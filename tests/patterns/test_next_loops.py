"""A loop over a kept collection may be spelled as code ported from Java spells it: an
iterator made by `iter(self.children)`, `child = next(it, None)` and a `while` testing the
element, stepping it again at the end. Through `agentls patterns` run as a subprocess, a
group drawing every child so is a composite, and an agency handing every listener the news
so is an Observer subject. The near miss, one keyword away: the same code with `if` for
`while` calls only the first element, which is no loop over the children or the listeners."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

SHAPES = """\
from typing import Iterator, List


class Shape:
    def draw(self) -> None:
        pass


class Dot(Shape):
    def draw(self) -> None:
        print(".")


class Line(Shape):
    def draw(self) -> None:
        print("-")


class Group(Shape):
    def __init__(self) -> None:
        self.children: List[Shape] = []

    def add(self, shape: Shape) -> None:
        self.children.append(shape)

    def draw(self) -> None:
        it: Iterator[Shape] = iter(self.children)
        child: Shape = next(it, None)
        KEYWORD child != None:
            child.draw()
            child = next(it, None)
"""

NEWS = """\
from typing import List


class Listener:
    def update(self, news: str) -> None:
        pass


class Printer(Listener):
    def update(self, news: str) -> None:
        print(news)


class Agency:
    def __init__(self) -> None:
        self.listeners: List[Listener] = []

    def attach(self, listener: Listener) -> None:
        self.listeners.append(listener)

    def publish(self, news: str) -> None:
        it = iter(self.listeners)
        listener = next(it, None)
        KEYWORD listener is not None:
            listener.update(news)
            listener = next(it, None)
"""


def _rows(tmp_path: Path, keyword: str) -> list[dict[str, object]]:
    write_tree(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/shapes.py": SHAPES.replace("KEYWORD", keyword),
            "app/news.py": NEWS.replace("KEYWORD", keyword),
        },
    )
    return patterns_rows(tmp_path, "app")


def test_a_while_over_next_is_a_loop_over_the_children(tmp_path: Path) -> None:
    rows = _rows(tmp_path, "while")
    composite = roles_of(rows, "composite")
    assert composite.get("Group") == "composite"
    assert composite.get("Shape") == "component"
    assert composite.get("Dot") == "leaf" and composite.get("Line") == "leaf"
    observer = roles_of(rows, "observer")
    assert observer.get("Agency") == "subject"
    assert observer.get("Printer") == "concrete_observer"


def test_taking_only_the_first_element_is_no_loop(tmp_path: Path) -> None:
    rows = _rows(tmp_path, "if")
    assert "Group" not in roles_of(rows, "composite")
    assert "Agency" not in roles_of(rows, "observer")
