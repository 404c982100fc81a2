"""A framework provider whose every parameter is injected (`ledger: Annotated[Ledger,
Depends(get_ledger)]`) and that has a module-level instance of the program's declarative
container build what it returns from them (`return wiring.billing(ledger=ledger)`) is a
`composition_root`, its return undeclared or naming a plain class, through `agentls patterns`
run as a subprocess. The near miss: the same provider shape handing its parameter to a
module-level instance of an ordinary class (`return printer.render(ledger=ledger)`): nothing is
wired."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

TREE = {
    "shop/__init__.py": "",
    "shop/store.py": "class Ledger:\n    def __init__(self) -> None:\n        self.lines: list[int] = []\n",
    "shop/services.py": (
        "from shop.store import Ledger\n\n\nclass Billing:\n"
        "    def __init__(self, ledger: Ledger) -> None:\n        self.ledger = ledger\n\n"
        "    def total(self) -> int:\n        return sum(self.ledger.lines)\n"
    ),
    "shop/wiring.py": (
        "from dependency_injector import containers, providers\n\n"
        "from shop.services import Billing\nfrom shop.store import Ledger\n\n\n"
        "class Wiring(containers.DeclarativeContainer):\n"
        "    ledger = providers.Singleton(Ledger)\n    billing = providers.Factory(Billing, ledger=ledger)\n"
    ),
    "shop/printer.py": ("class Printer:\n    def render(self, ledger: object) -> str:\n        return repr(ledger)\n"),
}
HEAD = (
    "from typing import Annotated\n\nfrom fastapi import Depends\n\n"
    "from shop.printer import Printer\nfrom shop.store import Ledger\nfrom shop.wiring import Wiring\n\n"
    "wiring = Wiring()\nprinter = Printer()\n\n\n"
    "def get_ledger() -> Ledger:\n    return Ledger()\n\n\n"
)


def _roots(tmp_path: Path, provider: str) -> dict[str, str]:
    write_tree(tmp_path, {**TREE, "shop/deps.py": HEAD + provider})
    return roles_of(patterns_rows(tmp_path, "shop"), "dependency_injection")


def test_provider_having_the_module_container_build_its_service(tmp_path: Path) -> None:
    found = _roots(
        tmp_path,
        "def get_billing(ledger: Annotated[Ledger, Depends(get_ledger)]):\n    return wiring.billing(ledger=ledger)\n",
    )
    assert found.get("get_billing") == "composition_root"


def test_provider_handing_its_parameter_to_an_ordinary_object(tmp_path: Path) -> None:
    found = _roots(
        tmp_path,
        "def get_report(ledger: Annotated[Ledger, Depends(get_ledger)]):\n    return printer.render(ledger=ledger)\n",
    )
    assert "get_report" not in found
