"""A stateless domain service over one collection of entities (`increase_price(products:
List[Product], percentage)`) in the domain package weighs several domain objects. The near
misses: the same service taking a single product works on one entity (its own method's job),
and the same function over a collection outside the domain package is no domain logic."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

PRODUCT = """\
class Product:
    def __init__(self, id: str, price: float) -> None:
        self.id = id
        self.price = price

    def change_price(self, price: float) -> None:
        self.price = price
"""

SERVICE = """\
from typing import List

from catalog.domain.product import Product


class PricingService:
    @staticmethod
    def increase_price({param}, percentage: float) -> None:
        for item in {items}:
            item.change_price(item.price * (1 + percentage / 100))
"""


def _services(tmp_path: Path, package: str, param: str, items: str) -> set[str]:
    write_tree(
        tmp_path,
        {
            "catalog/__init__.py": "",
            "catalog/domain/__init__.py": "",
            "catalog/domain/product.py": PRODUCT,
            f"catalog/{package}/__init__.py": "",
            f"catalog/{package}/pricing.py": SERVICE.format(param=param, items=items),
        },
    )
    return {str(r["symbol"]) for r in patterns_rows(tmp_path, "catalog") if r["pattern"] == "domain_service"}


def test_a_collection_of_entities_in_the_domain_package(tmp_path: Path) -> None:
    assert _services(tmp_path, "domain", "products: List[Product]", "products") == {"PricingService"}


def test_a_single_entity_is_not_several(tmp_path: Path) -> None:
    assert _services(tmp_path, "domain", "product: Product", "[product]") == set()


def test_a_collection_outside_the_domain_package(tmp_path: Path) -> None:
    assert _services(tmp_path, "application", "products: List[Product]", "products") == set()
