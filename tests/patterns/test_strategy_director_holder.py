"""A class keeping an object of a family with two or more implementations, running two or
more of its steps that take nothing and handing out what it answers, which the family
answers with an object it made from a class of the program (`self._box = Box()`, `return
self._box`), directs a builder: no Strategy context. The near miss: the same holder handing
out what the held object computes (no product made and kept) stays a context. Through
`agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

TEXT = """\
from abc import ABC, abstractmethod


class Box:
    def __init__(self):
        self.parts = []


class Packer(ABC):
    def start(self):
        self._box = Box()
        self._total = 0

    @abstractmethod
    def fill(self): ...

    @abstractmethod
    def seal(self): ...

    def result(self):
        return RESULT


class GiftPacker(Packer):
    def fill(self):
        self._box.parts.append("gift")
        self._total += 2

    def seal(self):
        self._box.parts.append("ribbon")
        self._total += 1


class PlainPacker(Packer):
    def fill(self):
        self._box.parts.append("item")
        self._total += 1

    def seal(self):
        self._box.parts.append("tape")
        self._total += 1


class Station:
    def __init__(self, packer):
        self._packer = packer

    def pack(self):
        self._packer.start()
        self._packer.fill()
        self._packer.seal()
        return self._packer.result()


if __name__ == "__main__":
    print(Station(GiftPacker()).pack(), Station(PlainPacker()).pack())
"""

BUILT = TEXT.replace("RESULT", "self._box")
# The near miss: what the station hands out is a count the packers compute, no product.
COUNTED = TEXT.replace("RESULT", "self._total * 2")


def _strategy(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"depot/station.py": text})
    return roles_of(patterns_rows(tmp_path, "depot", "--min-confidence", "0"), "strategy")


def test_a_holder_having_a_product_built_is_no_context(tmp_path: Path) -> None:
    assert "Station" not in _strategy(tmp_path, BUILT)


def test_a_holder_handing_out_what_its_object_computes_stays_a_context(tmp_path: Path) -> None:
    assert COUNTED != BUILT
    assert _strategy(tmp_path, COUNTED).get("Station") == "context"
