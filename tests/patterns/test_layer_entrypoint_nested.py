"""An entrypoint nested in another layer's package (`infrastructure/api/routes.py`, the web
adapter driving the application) may import the service layer; beside a module of that
layer proper (`infrastructure/repos.py`) importing the same use case, still a violation.
Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

FILES = {
    "shop/__init__.py": "",
    "shop/domain/__init__.py": "",
    "shop/domain/order.py": "class Order:\n    def __init__(self, ref: str) -> None:\n        self.ref = ref\n",
    "shop/application/__init__.py": "",
    "shop/application/place_order.py": (
        "from shop.domain.order import Order\n\n\n"
        "class PlaceOrder:\n    def handle(self, ref: str) -> Order:\n        return Order(ref)\n"
    ),
    "shop/infrastructure/__init__.py": "",
    "shop/infrastructure/api/__init__.py": "",
    "shop/infrastructure/api/routes.py": (
        "from shop.application.place_order import PlaceOrder\n\n\n"
        "def place(ref: str) -> str:\n    return PlaceOrder().handle(ref).ref\n"
    ),
    "shop/infrastructure/jobs.py": (
        "from shop.application.place_order import PlaceOrder\n\n\n"
        "def nightly(ref: str) -> str:\n    return PlaceOrder().handle(ref).ref\n"
    ),
}


def _violations(tmp_path: Path) -> set[str]:
    write_tree(tmp_path, FILES)
    rows = patterns_rows(tmp_path, ".")
    return {str(r["path"]) for r in rows if r["pattern"] == "layer_violation"}


def test_an_entrypoint_nested_in_the_adapters_package_may_import_the_service_layer(tmp_path: Path) -> None:
    assert not any(p.endswith("routes.py") for p in _violations(tmp_path))


def test_an_adapter_module_importing_the_service_layer_still_violates(tmp_path: Path) -> None:
    assert any(p.endswith("jobs.py") for p in _violations(tmp_path))
