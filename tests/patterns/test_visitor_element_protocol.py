"""The elements' Protocol declaring only `accept`, which elements offering more of their own
satisfy without naming it, through `agentls patterns` run as a subprocess, beside the near miss
of a Protocol declaring more than `accept`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.patterns.cli import patterns_rows

SHOP = """\
from __future__ import annotations

from typing import Protocol


class Item(Protocol):
    def accept(self, visitor: Auditor) -> None: ...
{extra}

class Book:
    def accept(self, visitor: Auditor) -> None:
        visitor.visit_book(self)

    def pages(self) -> int:
        return 300


class Lamp:
    def accept(self, visitor: Auditor) -> None:
        visitor.visit_lamp(self)

    def watts(self) -> int:
        return 40


class Auditor:
    def visit_book(self, item: Book) -> None:
        print(item.pages())

    def visit_lamp(self, item: Lamp) -> None:
        print(item.watts())
"""


def _rows(tmp_path: Path, files: dict[str, str]) -> dict[tuple[str, str], dict[str, Any]]:
    for name, text in files.items():
        (tmp_path / "app").mkdir(exist_ok=True)
        (tmp_path / "app" / name).write_text(text)
    rows = patterns_rows(tmp_path, "app")
    return {(str(r["symbol"]), str(r["pattern"])): r for r in rows}


def test_the_accept_protocol_beside_its_elements(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"shop.py": SHOP.replace("{extra}", "")})
    assert rows[("Item", "visitor")]["role"] == "element"
    assert rows[("Book", "visitor")]["role"] == "element"


def test_a_protocol_asking_more_than_accept(tmp_path: Path) -> None:
    # The near miss: `Item` also declares `price()`, which neither element offers.
    rows = _rows(tmp_path, {"shop.py": SHOP.replace("{extra}", "\n    def price(self) -> int: ...\n")})
    assert ("Item", "visitor") not in rows
    assert rows[("Book", "visitor")]["role"] == "element"
