"""Layer violations and composition roots: a module under the adapters' folder that wires the
object graph (a declarative container) imports the service layer because wiring is knowing
every layer; a plain adapter importing the same service is still a violation. Through
`agentls patterns`, each beside its near miss."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

LAYERS = {
    "shop/__init__.py": "",
    "shop/domain/__init__.py": "",
    "shop/domain/model.py": "class Order:\n    def __init__(self, ref: str) -> None:\n        self.ref = ref\n",
    "shop/infrastructure/__init__.py": "",
    "shop/infrastructure/repo.py": (
        "from abc import ABC, abstractmethod\n\nfrom shop.domain.model import Order\n\n\n"
        "class Orders(ABC):\n    @abstractmethod\n    def add(self, order: Order) -> None: ...\n\n\n"
        "class MemoryOrders(Orders):\n    def __init__(self) -> None:\n        self.items: dict[str, Order] = {}\n\n"
        "    def add(self, order: Order) -> None:\n        self.items[order.ref] = order\n\n"
        "    def get(self, ref: str) -> Order:\n        return self.items[ref]\n"
    ),
    "shop/infrastructure/mail.py": (
        "from abc import ABC, abstractmethod\n\n\nclass Mailer(ABC):\n    @abstractmethod\n"
        "    def send(self, text: str) -> None: ...\n\n\nclass SmtpMailer(Mailer):\n"
        "    def send(self, text: str) -> None:\n        print(text)\n"
    ),
    "shop/application/__init__.py": "",
    "shop/application/services.py": (
        "from shop.domain.model import Order\nfrom shop.infrastructure.mail import Mailer\n"
        "from shop.infrastructure.repo import Orders\n\n\nclass Checkout:\n"
        "    def __init__(self, orders: Orders, mailer: Mailer) -> None:\n"
        "        self.orders = orders\n        self.mailer = mailer\n\n"
        "    def place(self, ref: str) -> None:\n        self.orders.add(Order(ref))\n        self.mailer.send(ref)\n"
    ),
}

CONTAINER = """\
from dependency_injector import containers, providers

from shop.application.services import Checkout
from shop.infrastructure.mail import SmtpMailer
from shop.infrastructure.repo import MemoryOrders


class Wiring(containers.DeclarativeContainer):
    orders = providers.Singleton(MemoryOrders)
    mailer = providers.Singleton(SmtpMailer)
    checkout = providers.Factory(Checkout, orders=orders, mailer=mailer)
"""

PLAIN = """\
from shop.application.services import Checkout


class Replayer:
    def __init__(self, checkout: Checkout) -> None:
        self.checkout = checkout

    def replay(self, refs: list[str]) -> None:
        for ref in refs:
            self.checkout.place(ref)
"""


def _violations(tmp_path: Path, name: str, text: str) -> set[str]:
    write_tree(tmp_path, {**LAYERS, f"shop/infrastructure/{name}.py": text})
    rows = patterns_rows(tmp_path, "shop")
    return {str(r["path"]) for r in rows if r["pattern"] == "layer_violation"}


def test_a_container_in_the_adapters_folder_may_import_the_service_layer(tmp_path: Path) -> None:
    assert not any(p.endswith("wiring.py") for p in _violations(tmp_path, "wiring", CONTAINER))


def test_a_plain_adapter_importing_the_service_layer_is_a_violation(tmp_path: Path) -> None:
    # The near miss: the same import, in an adapter that wires nothing.
    assert any(p.endswith("replay.py") for p in _violations(tmp_path, "replay", PLAIN))
