"""An entity keeping its identity name-mangled (`self.__id` behind a read-only `id` property, as
code ported from Java or TypeScript does), in a domain package. The near miss: the same class
keeping only another object's id privately (`self.__customer_id`) has no identity of its own."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

MODEL = """\
class Invoice:
    def __init__(self, {ident}: str, amount: float) -> None:
        self.__{ident} = {ident}
        self.__amount = amount

    @property
    def {ident}(self) -> str:
        return self.__{ident}

    def change_amount(self, amount: float) -> None:
        self.__amount = amount
"""


def _entities(tmp_path: Path, ident: str) -> set[str]:
    write_tree(tmp_path, {"billing/domain/invoice.py": MODEL.format(ident=ident)})
    return {r["symbol"] for r in patterns_rows(tmp_path, "billing") if r["pattern"] == "entity"}


def test_a_name_mangled_id_is_its_identity(tmp_path: Path) -> None:
    assert _entities(tmp_path, "id") == {"Invoice"}


def test_a_name_mangled_reference_to_another_object_is_not(tmp_path: Path) -> None:
    assert _entities(tmp_path, "customer_id") == set()
