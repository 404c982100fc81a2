"""A builder whose base creates the product in its constructor (`self.meal = Meal(name)`) and
whose subclasses run that constructor (`super().__init__("veggie")`) and fill the product in
their own steps (`self.meal.add_item(...)`) is a builder though its own constructor overrides
the one making the product, through `agentls patterns` run as a subprocess. The near miss: a
subclass that runs the base's constructor but defines none of the steps filling the object
(the base's own `record()` does) is not a builder for that."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

MEALS = """\
from abc import ABC, abstractmethod


class Meal:
    def __init__(self, name):
        self.name = name
        self.items = []

    def add_item(self, item):
        self.items.append(item)


class MealBuilder(ABC):
    def __init__(self, name):
        self.meal = Meal(name)

    @abstractmethod
    def add_main(self):
        pass

    @abstractmethod
    def add_drink(self):
        pass

    def get_meal(self):
        return self.meal


class VeggieMealBuilder(MealBuilder):
    def __init__(self):
        super().__init__("veggie")

    def add_main(self):
        self.meal.add_item("lentil stew")

    def add_drink(self):
        self.meal.add_item("lemonade")


class Waiter:
    def __init__(self):
        self.builder = None

    def set_builder(self, builder: MealBuilder):
        self.builder = builder

    def prepare(self):
        self.builder.add_main()
        self.builder.add_drink()
        return self.builder.get_meal()
"""

GAUGES = """\
class Stats:
    def __init__(self):
        self.values = []

    def add(self, value):
        self.values.append(value)


class Gauge:
    def __init__(self, unit):
        self._stats = Stats()
        self.unit = unit

    def record(self, value):
        self._stats.add(value)

    def record_twice(self, value):
        self._stats.add(value)
        self._stats.add(value)

    def stats(self):
        return self._stats


class PressureGauge(Gauge):
    def __init__(self):
        super().__init__("bar")

    def read(self):
        return 1.0

    def describe(self):
        return self.unit
"""


def _roles(tmp_path: Path, source: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/mod.py": source})
    return roles_of(patterns_rows(tmp_path, "app"), "builder")


def test_subclass_steps_fill_the_product_its_base_constructor_makes(tmp_path: Path) -> None:
    roles = _roles(tmp_path, MEALS)
    assert roles.get("VeggieMealBuilder") == "builder"
    assert roles.get("Meal") == "product"
    assert roles.get("Waiter") == "director"


def test_a_subclass_running_the_base_constructor_without_steps_of_its_own_is_no_builder(tmp_path: Path) -> None:
    assert "PressureGauge" not in _roles(tmp_path, GAUGES)
