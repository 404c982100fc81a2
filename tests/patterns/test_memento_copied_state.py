"""An originator may hand its snapshot a copy of its state (`Memento(copy.deepcopy(self._items))`)
so that later changes to the state do not reach the snapshot: the copy packs that attribute
as the attribute itself would, through `agentls patterns` run as a subprocess. The near miss:
a copy of what the method is handed (`Memento(copy.deepcopy(items))`) packs none of the
object's own state: no originator."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.patterns.cli import patterns_rows, role_map, write_tree

EDITOR = """\
import copy


class Memento:
    def __init__(self, items):
        self._items = items

    def items(self):
        return self._items


class Basket:
    def __init__(self):
        self._items = []

    def add(self, item):
        self._items.append(item)

    def save(SIGNATURE):
        return Memento(copy.COPY(PACKED))

    def restore(self, memento):
        self._items = memento.items()


class History:
    def __init__(self):
        self._saved = []

    def push(self, memento):
        self._saved.append(memento)

    def pop(self):
        return self._saved.pop()


def main():
    basket = Basket()
    history = History()
    basket.add("apple")
    history.push(basket.save(["pear"]))
    basket.restore(history.pop())
"""


def _roles(tmp_path: Path, signature: str, packed: str, how: str) -> dict[tuple[str, str], str]:
    text = EDITOR.replace("SIGNATURE", signature).replace("PACKED", packed).replace("COPY", how)
    write_tree(tmp_path, {"app/__init__.py": "", "app/basket.py": text})
    return role_map(patterns_rows(tmp_path, "app", "--min-confidence", "0"))


@pytest.mark.parametrize("how", ["deepcopy", "copy"])
def test_a_copy_of_its_own_state_is_packed_into_the_snapshot(tmp_path: Path, how: str) -> None:
    roles = _roles(tmp_path, "self, extra=None", "self._items", how)
    assert roles.get(("Basket", "memento")) == "originator"
    assert roles.get(("Memento", "memento")) == "memento"
    assert roles.get(("History", "memento")) == "caretaker"


def test_a_copy_of_what_it_is_handed_packs_no_state(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "self, items", "items", "deepcopy")
    assert ("Basket", "memento") not in roles
    assert ("Memento", "memento") not in roles
