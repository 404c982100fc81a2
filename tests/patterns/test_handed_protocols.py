"""A class whose module never imports a Protocol implements it when the program hands one of
its objects where the Protocol is declared (a composition root, a provider, an attribute
declared as the Protocol), with its methods callable as the Protocol declares them; a shared
method set alone, with no such handing, does not make it one. Through `agentls patterns` run
as a subprocess: each form beside its one-change near miss."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows

# The port: a checkout pricing through any shipping carrier.
PORT = """\
from typing import Protocol


class Shipping(Protocol):
    def cost(self, weight: float) -> float: ...


class Checkout:
    def __init__(self, shipping: Shipping) -> None:
        self._shipping = shipping

    def total(self, price: float, weight: float) -> float:
        return price + self._shipping.cost(weight)


def quote(shipping: Shipping, weight: float) -> float:
    return shipping.cost(weight)


class Shop:
    carrier: {field}

    def __init__(self, name: str) -> None:
        self.name = name
"""

# The adapters, in a module that never names the port.
CARRIERS = """\
class Ground:
    def cost(self, weight: float{extra}) -> float:
        return 4 + weight * 0.5


class Air:
    def cost(self, weight: float{extra}) -> float:
        return 9 + weight * 2.0
"""

HEAD = "from app.carriers import Air, Ground\nfrom app.port import Checkout, Shipping, Shop, quote\n\n"


def _strategy(tmp_path: Path, wiring: str, field: str = "Shipping", extra: str = "") -> dict[str, str]:
    """The strategy roles of the carriers once ``wiring`` (a module of the program) runs."""
    app = tmp_path / "app"
    app.mkdir()
    (app / "__init__.py").write_text("")
    (app / "port.py").write_text(PORT.replace("{field}", field))
    (app / "carriers.py").write_text(CARRIERS.replace("{extra}", extra))
    (app / "wiring.py").write_text(HEAD + wiring)
    rows = patterns_rows(tmp_path, "app")
    rows = rows
    return {
        str(r["symbol"]): str(r["role"])
        for r in rows
        if r["pattern"] == "strategy" and r["symbol"] in ("Ground", "Air") and r["confidence"] >= 0.5
    }


CARRIED = {"Ground": "concrete_strategy", "Air": "concrete_strategy"}
# A composition root handing locals to a function taking the port.
LOCALS = "def main() -> None:\n    ground = Ground()\n    air = Air()\n    quote(ground, 1.0)\n    quote(air, 2.0)\n"
# Shops given their carrier through the attribute `Shop` declares.
SHOPS = "def open_shops() -> None:\n    a, b = Shop('a'), Shop('b')\n    a.carrier = Ground()\n    b.carrier = Air()\n"


def test_objects_made_and_handed_to_constructors_at_the_top_of_a_module(tmp_path: Path) -> None:
    wiring = "GROUND = Ground()\nby_ground = Checkout(GROUND)\nby_air = Checkout(shipping=Air())\n"
    assert _strategy(tmp_path, wiring) == CARRIED


def test_objects_made_but_handed_to_nothing_typed_as_the_protocol(tmp_path: Path) -> None:
    # The near miss: the same objects, handed to a function that does not declare `Shipping`.
    wiring = "GROUND = Ground()\nprint(GROUND)\nprint(Air())\n"
    assert _strategy(tmp_path, wiring) == {}


def test_locals_of_a_composition_root_handed_to_a_function(tmp_path: Path) -> None:
    assert _strategy(tmp_path, LOCALS) == CARRIED


def test_handed_objects_whose_method_asks_more_than_the_protocol_passes(tmp_path: Path) -> None:
    # The near miss: `cost(weight, zone)` cannot be called as `Shipping.cost(weight)`.
    assert _strategy(tmp_path, LOCALS, extra=", zone: str") == {}


def test_providers_declared_to_return_the_protocol_through_wrappers(tmp_path: Path) -> None:
    wiring = (
        "async def slow() -> Shipping | None:\n    return Ground()\n\n\n"
        "def all_carriers() -> list[Shipping]:\n    return [Ground(), Air()]\n"
    )
    assert _strategy(tmp_path, wiring) == CARRIED


def test_providers_declared_to_return_something_else(tmp_path: Path) -> None:
    # The near miss: the same list, declared as a list of objects.
    wiring = "def all_carriers() -> list[object]:\n    return [Ground(), Air()]\n"
    assert _strategy(tmp_path, wiring) == {}


def test_objects_assigned_to_an_attribute_declared_as_the_protocol(tmp_path: Path) -> None:
    assert _strategy(tmp_path, SHOPS) == CARRIED


def test_objects_assigned_to_an_attribute_declared_as_something_else(tmp_path: Path) -> None:
    # The near miss: `carrier: object`.
    assert _strategy(tmp_path, SHOPS, field="object") == {}


def _desks(declared: str) -> str:
    """Desks given their carrier through a property setter declaring its value ``declared``."""
    return (
        "class Desk:\n    def __init__(self) -> None:\n        self._carrier = None\n\n"
        "    @property\n    def carrier(self):\n        return self._carrier\n\n"
        f"    @carrier.setter\n    def carrier(self, carrier: {declared}) -> None:\n"
        "        self._carrier = carrier\n\n\n"
        "def open_desks() -> None:\n    a, b = Desk(), Desk()\n    a.carrier = Ground()\n    b.carrier = Air()\n"
    )


def test_objects_assigned_through_a_property_setter_declaring_the_protocol(tmp_path: Path) -> None:
    assert _strategy(tmp_path, _desks("Shipping"), field="object") == CARRIED


def test_objects_assigned_through_a_property_setter_declaring_something_else(tmp_path: Path) -> None:
    # The near miss: the setter takes `object`.
    assert _strategy(tmp_path, _desks("object"), field="object") == {}


def _counter(declared: str) -> str:
    """A counter made in a function, then handed both carriers through its method."""
    return (
        f"class Counter:\n    def use(self, shipping: {declared}) -> None:\n        self.shipping = shipping\n\n\n"
        "def serve() -> None:\n    counter = Counter()\n    counter.use(Ground())\n    counter.use(Air())\n"
    )


def test_objects_handed_to_a_method_of_a_local_the_function_makes(tmp_path: Path) -> None:
    assert _strategy(tmp_path, _counter("Shipping")) == CARRIED


def test_objects_handed_to_a_method_of_a_local_declaring_something_else(tmp_path: Path) -> None:
    # The near miss: `use(self, shipping: object)`.
    assert _strategy(tmp_path, _counter("object")) == {}


MAIN = (
    'if __name__ == "__main__":\n    ground = Ground()\n    air = Air()\n    {use}(ground, 1.0)\n    {use}(air, 2.0)\n'
)


def test_variables_of_the_main_block_handed_to_a_function(tmp_path: Path) -> None:
    assert _strategy(tmp_path, MAIN.replace("{use}", "quote")) == CARRIED


def test_variables_of_the_main_block_handed_to_a_function_declaring_nothing(tmp_path: Path) -> None:
    # The near miss: the same variables handed to `print`.
    assert _strategy(tmp_path, MAIN.replace("{use}", "print")) == {}
