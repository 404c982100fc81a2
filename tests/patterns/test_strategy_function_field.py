"""A context keeping its algorithm function in a dataclass field with a default, which a client
replaces on an object it made (`banner.style = lower`, the function imported through the
package that re-exports it), beside its nearest non-strategy: the same field that nobody ever
replaces (one function chooses nothing). Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

STYLES = """\
from dataclasses import dataclass
from typing import Callable


def upper(text: str) -> str:
    return text.upper()


def lower(text: str) -> str:
    return text.lower()


@dataclass
class Banner:
    text: str
    style: Callable[[str], str] = upper

    def render(self) -> str:
        return self.style(self.text)
"""

INIT = """\
from .styles import Banner, lower, upper

__all__ = ["Banner", "lower", "upper"]
"""

SWAPPING = """\
from .styles import Banner
from . import lower


def show() -> None:
    banner = Banner("hello")
    banner.style = lower
    print(banner.render())
"""

KEEPING = """\
from .styles import Banner


def show() -> None:
    banner = Banner("hello")
    print(banner.render())
"""


def test_a_field_function_replaced_by_the_client_is_a_strategy(tmp_path: Path) -> None:
    write_tree(tmp_path, {"signs/__init__.py": INIT, "signs/styles.py": STYLES, "signs/app.py": SWAPPING})
    roles = roles_of(patterns_rows(tmp_path), "strategy")
    assert roles.get("Banner") == "context"
    assert roles.get("upper") == roles.get("lower") == "concrete_strategy"


def test_a_field_function_nobody_replaces_chooses_nothing(tmp_path: Path) -> None:
    write_tree(tmp_path, {"signs/__init__.py": INIT, "signs/styles.py": STYLES, "signs/app.py": KEEPING})
    assert roles_of(patterns_rows(tmp_path), "strategy") == {}
