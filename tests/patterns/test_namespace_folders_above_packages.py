"""A package under namespace folders (no ``__init__.py``) is named with them: in
`src/shop/domain/orders/order.py`, where only `orders/` is a package, the module is imported as
`shop.domain.orders.order`, so the class lives in a domain package and a mutable class with an
identity there is an entity (through `agentls patterns` run as a subprocess). The near misses:
the same package under a folder no import can spell (`domain-lab/`), or under a project root
(a folder holding `setup.py`, whose packages are installed from it, their names starting below
it): neither folder is part of the module's name, so no domain package shows."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

LEDGER = (
    "class Ledger:\n"
    "    def __init__(self, id: int, balance: int) -> None:\n"
    "        self.id = id\n        self.balance = balance\n\n"
    "    def credit(self, amount: int) -> None:\n        self.balance += amount\n"
)


def test_namespace_folders_name_the_domain_layer(tmp_path: Path) -> None:
    write_tree(tmp_path, {"src/bank/domain/accounts/__init__.py": "", "src/bank/domain/accounts/ledger.py": LEDGER})
    rows = patterns_rows(tmp_path, "src")
    assert roles_of(rows, "entity").get("Ledger") == "entity"


def test_unspellable_folder_or_project_root_names_no_layer(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "domain-lab/accounts/__init__.py": "",
            "domain-lab/accounts/ledger.py": LEDGER,
            "domain/setup.py": "from setuptools import setup\n\nsetup(name='accounts')\n",
            "domain/accounts/__init__.py": "",
            "domain/accounts/ledger.py": LEDGER,
        },
    )
    rows = patterns_rows(tmp_path, ".")
    assert "Ledger" not in roles_of(rows, "entity")
