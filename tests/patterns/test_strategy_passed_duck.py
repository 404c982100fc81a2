"""Strategies handed to the method that runs them, of a family written nowhere (duck typing).

`desk.quote(parcel, Ground())` and `desk.quote(parcel, Air())`, where `Ground` and `Air` share no
base and each defines the `cost` that `quote` calls: an implied strategy family. Classes that
all inherit one `cost` vary nothing; classes forwarding `cost` to an object they keep are
wrappers; classes only asked for a value (`item.label()`, nothing handed to work on) describe
themselves rather than run an algorithm.
"""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

_DESK = """
class Desk:
    def quote(self, parcel, carrier):
        return carrier.cost(parcel) + 1
"""

_MAIN = """
from desk import Desk
from carriers import Ground, Air

if __name__ == "__main__":
    desk = Desk()
    print(desk.quote(3, Ground()))
    print(desk.quote(3, Air()))
"""


def _strategy(tmp_path: Path, files: dict[str, str]) -> dict[str, str]:
    write_tree(tmp_path, files)
    return roles_of(patterns_rows(tmp_path, "--min-confidence", "0", "."), "strategy")


def test_classes_sharing_no_base_handed_to_the_runner_are_a_family(tmp_path: Path) -> None:
    carriers = """
class Ground:
    def cost(self, parcel):
        return parcel * 2


class Air:
    def cost(self, parcel):
        return parcel * 5
"""
    roles = _strategy(tmp_path, {"desk.py": _DESK, "carriers.py": carriers, "main.py": _MAIN})
    assert roles.get("Ground") == "concrete_strategy"
    assert roles.get("Air") == "concrete_strategy"
    assert roles.get("Desk") == "context"


def test_classes_inheriting_one_definition_vary_nothing(tmp_path: Path) -> None:
    carriers = """
class Priced:
    def cost(self, parcel):
        return parcel * self.factor()

    def factor(self):
        return 1


class Ground(Priced):
    pass


class Air(Priced):
    pass
"""
    roles = _strategy(tmp_path, {"desk.py": _DESK, "carriers.py": carriers, "main.py": _MAIN})
    assert "Ground" not in roles and "Air" not in roles and "Desk" not in roles


def test_classes_forwarding_the_call_to_what_they_keep_are_no_family(tmp_path: Path) -> None:
    carriers = """
class Ground:
    def __init__(self, inner=None):
        self.inner = inner

    def cost(self, parcel):
        return self.inner.cost(parcel) if self.inner else parcel


class Air:
    def __init__(self, inner=None):
        self.inner = inner

    def cost(self, parcel):
        return self.inner.cost(parcel) * 2 if self.inner else parcel
"""
    roles = _strategy(tmp_path, {"desk.py": _DESK, "carriers.py": carriers, "main.py": _MAIN})
    assert "Ground" not in roles and "Desk" not in roles


def test_classes_only_asked_for_a_value_are_no_family(tmp_path: Path) -> None:
    desk = """
class Desk:
    def quote(self, parcel, carrier):
        return f"{parcel} by {carrier.label()}"
"""
    carriers = """
class Ground:
    def label(self):
        return "ground"


class Air:
    def label(self):
        return "air"
"""
    roles = _strategy(tmp_path, {"desk.py": desk, "carriers.py": carriers, "main.py": _MAIN})
    assert "Ground" not in roles and "Air" not in roles and "Desk" not in roles
