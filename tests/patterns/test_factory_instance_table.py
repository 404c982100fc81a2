"""A function building a table of instances of two implementations and answering the one its
argument names (`factories = {ELF: ElfFactory(), ORC: OrcFactory()}; return
factories[kind]`) chooses which class to make, through `agentls patterns` run as a
subprocess: a Factory, its products the implementations it makes there. The near miss, one
expression away: the same table holding instances made once at import (`{ELF: ELVES, ORC:
ORCS}`) hands out objects made elsewhere, and makes nothing."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

KINGDOMS = """\
from abc import ABC, abstractmethod
from enum import Enum


class Kind(Enum):
    ELF = 1
    ORC = 2


class KingdomFactory(ABC):
    @abstractmethod
    def create_king(self) -> str: ...


class ElfFactory(KingdomFactory):
    def create_king(self) -> str:
        return "elf king"


class OrcFactory(KingdomFactory):
    def create_king(self) -> str:
        return "orc king"


ELVES = ElfFactory()
ORCS = OrcFactory()


def kingdom_factory(kind: Kind) -> KingdomFactory:
    factories = {Kind.ELF: ELF_VALUE, Kind.ORC: ORC_VALUE}
    return factories[kind]
"""


def _factories(tmp_path: Path, elf: str, orc: str) -> dict[str, str]:
    text = KINGDOMS.replace("ELF_VALUE", elf).replace("ORC_VALUE", orc)
    write_tree(tmp_path, {"app/__init__.py": "", "app/kingdoms.py": text})
    return {str(r["symbol"]): str(r["role"]) for r in patterns_rows(tmp_path, "app") if r["pattern"] == "factory"}


def test_a_table_of_instances_it_makes_chooses_the_class(tmp_path: Path) -> None:
    roles = _factories(tmp_path, "ElfFactory()", "OrcFactory()")
    assert roles.get("kingdom_factory") == "factory"
    assert roles.get("ElfFactory") == "product"
    assert roles.get("OrcFactory") == "product"


def test_a_table_of_instances_made_elsewhere_makes_nothing(tmp_path: Path) -> None:
    roles = _factories(tmp_path, "ELVES", "ORCS")
    assert "kingdom_factory" not in roles
