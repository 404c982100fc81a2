"""A context may keep a class-level default strategy and replace it through a setter that is
handed a class and makes the strategy from it (`def use_packer(self, kind): self.packer =
kind()`, the client calling `case.use_packer(TightPacker)`): handing the class configures it
as handing an instance would, so it is a Strategy context over the family. The near misses:
the same setter on a holder that never calls what it keeps (a class made and held, no
algorithm run through it), and a class that makes one object of a class it is handed, as a
factory, and never delegates to it. The same for classes sharing no base (duck typing): two
handed to the setter are a family, unless the holder never calls what it makes. Through
`agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

FAMILY = """\
class Packer:
    def pack(self, items):
        pass


class TightPacker(Packer):
    def pack(self, items):
        return sorted(items, key=len, reverse=True)


class LoosePacker(Packer):
    def pack(self, items):
        return list(items)


"""

TEXT = (
    FAMILY
    + """\
class Suitcase:
    packer = Packer()

    def pack_all(self, items):
        return BODY

    def use_packer(self, kind):
        self.packer = kind()


case = Suitcase()
case.use_packer(TightPacker)
print(case.pack_all(["socks", "shirt"]))
"""
)

FACTORY = (
    FAMILY
    + """\
class Shelf:
    def stock(self, kind):
        self.made = kind()
        return self.made


shelf = Shelf()
shelf.stock(TightPacker)
shelf.stock(LoosePacker)
"""
)


def _roles(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/travel.py": text})
    return roles_of(patterns_rows(tmp_path, "app"), "strategy")


def test_a_setter_making_the_strategy_from_the_class_it_is_handed(tmp_path: Path) -> None:
    roles = _roles(tmp_path, TEXT.replace("BODY", "self.packer.pack(items)"))
    assert roles.get("Suitcase") == "context"
    assert roles.get("Packer") == "strategy"
    assert roles.get("TightPacker") == "concrete_strategy"


def test_the_same_setter_on_a_holder_calling_nothing_on_it(tmp_path: Path) -> None:
    roles = _roles(tmp_path, TEXT.replace("BODY", "len(items)"))
    assert "Suitcase" not in roles
    assert "Packer" not in roles


def test_a_class_made_once_from_the_class_handed_and_never_delegated_to(tmp_path: Path) -> None:
    roles = _roles(tmp_path, FACTORY)
    assert "Shelf" not in roles
    assert "Packer" not in roles


DUCK = """\
class Walk:
    def move(self, km):
        return km * 12


class Ride:
    def move(self, km):
        return km * 3


class Trip:
    def use(self, kind):
        self.mode = kind()

    def minutes(self, km):
        return self.mode.move(km)


trip = Trip()
trip.use(Walk)
print(trip.minutes(2))
HANDED
"""


def test_classes_sharing_no_base_handed_to_a_setter_making_them(tmp_path: Path) -> None:
    roles = _roles(tmp_path, DUCK.replace("HANDED", "trip.use(Ride)"))
    assert roles.get("Trip") == "context"
    assert roles.get("Walk") == "concrete_strategy"
    assert roles.get("Ride") == "concrete_strategy"


def test_the_duck_typed_classes_made_and_never_called(tmp_path: Path) -> None:
    roles = _roles(tmp_path, DUCK.replace("HANDED", "trip.use(Ride)").replace("self.mode.move(km)", "km * 4"))
    assert "Trip" not in roles
    assert "Walk" not in roles
