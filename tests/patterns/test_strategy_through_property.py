"""A context reaching its strategy through a property (`self.pricing.price(...)`, where the
`pricing` property answers `self._pricing`, or its setter, defined after the getter, stores
into it what it is handed), through `agentls patterns` run as a subprocess: the calls are on the
attribute behind the property, so the class is the strategy's context. The near miss, one
change away: a property answering a new object each time keeps nothing, and the class is no
context."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

FAMILY = """\
from abc import ABC, abstractmethod


class Pricing(ABC):
    @abstractmethod
    def price(self, base: float) -> float: ...


class FullPrice(Pricing):
    def price(self, base: float) -> float:
        return base


class HalfPrice(Pricing):
    def price(self, base: float) -> float:
        return base / 2

"""

GETTER = """
class Ticket:
    def __init__(self, base: float) -> None:
        self.base = base
        self._pricing = None

    @property
    def pricing(self):
        return self._pricing

    def use_pricing(self, pricing) -> None:
        self._pricing = pricing

    def total(self) -> float:
        return self.pricing.price(self.base)
"""

SETTER_LAST = """
class Ticket:
    _pricing = None

    def __init__(self, base: float) -> None:
        self.base = base

    @property
    def pricing(self):
        return self._pricing

    @pricing.setter
    def pricing(self, pricing) -> None:
        self._pricing = pricing

    def total(self) -> float:
        return self.pricing.price(self.base)
"""

FRESH = """
class Ticket:
    def __init__(self, base: float) -> None:
        self.base = base

    @property
    def pricing(self):
        return HalfPrice()

    def total(self) -> float:
        return self.pricing.price(self.base)
"""


def _strategy(tmp_path: Path, holder: str) -> dict[str, str]:
    write_tree(tmp_path, {"shop/__init__.py": "", "shop/tickets.py": FAMILY + holder})
    return roles_of(patterns_rows(tmp_path, "shop"), "strategy")


def test_a_getter_answering_the_attribute_leads_to_the_strategy(tmp_path: Path) -> None:
    found = _strategy(tmp_path, GETTER)
    assert found.get("Ticket") == "context"
    assert found.get("Pricing") == "strategy"


def test_a_setter_kept_under_the_name_leads_to_the_strategy(tmp_path: Path) -> None:
    assert _strategy(tmp_path, SETTER_LAST).get("Ticket") == "context"


def test_a_property_making_a_new_object_keeps_no_strategy(tmp_path: Path) -> None:
    assert "Ticket" not in _strategy(tmp_path, FRESH)
