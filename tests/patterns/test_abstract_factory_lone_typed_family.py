"""A kit interface whose creation methods are typed to return abstract product kinds
(`make_frame(self) -> Frame`, `Frame(ABC)`), written with its first family only
(`OakKit` making an `OakFrame`, a `BrassHinge`, and a `Hardware` holder filled with screws
and nails of one `Fastener` kind), is an Abstract Factory before the second family exists.
Near misses: the same single implementation typed to return concrete classes (a store
answering records) makes no family, and a holder filled with objects of unrelated kinds makes
none of them a product. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

PARTS = """\
from abc import ABC, abstractmethod


class Frame(ABC):
    @abstractmethod
    def width(self) -> int: ...


class Hinge(ABC):
    @abstractmethod
    def turns(self) -> int: ...


class Fastener(ABC):
    @abstractmethod
    def length(self) -> int: ...


class OakFrame(Frame):
    def width(self) -> int:
        return 80


class BrassHinge(Hinge):
    def turns(self) -> int:
        return 3


class Screw(Fastener):
    def length(self) -> int:
        return 4


class Nail(Fastener):
    def length(self) -> int:
        return 6


class Label:
    def text(self) -> str:
        return "oak"


class Hardware:
    def __init__(self, pieces) -> None:
        self.pieces = pieces
"""

KIT = """\
from abc import ABC, abstractmethod

from .parts import {frame_kind}, Hardware, Hinge, OakFrame, BrassHinge, Screw, Nail, Label


class FurnitureKit(ABC):
    @abstractmethod
    def make_frame(self) -> {frame_kind}: ...

    @abstractmethod
    def make_hinge(self) -> Hinge: ...

    @abstractmethod
    def make_hardware(self) -> Hardware: ...


class OakKit(FurnitureKit):
    def make_frame(self) -> {frame_kind}:
        return OakFrame()

    def make_hinge(self) -> Hinge:
        return BrassHinge()

    def make_hardware(self) -> Hardware:
        box: Hardware = Hardware(pieces=[{pieces}])
        return box
"""


def _roles(tmp_path: Path, frame_kind: str, hinge_kind: str, pieces: str) -> dict[str, str]:
    kit = KIT.replace("{frame_kind}", frame_kind).replace("{pieces}", pieces)
    kit = kit.replace("-> Hinge", f"-> {hinge_kind}")
    write_tree(tmp_path, {"shop/__init__.py": "", "shop/parts.py": PARTS, "shop/kits.py": kit})
    return roles_of(patterns_rows(tmp_path), "abstract_factory")


def test_first_family_of_a_typed_kit_is_an_abstract_factory(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "Frame", "Hinge", "Screw(), Nail()")
    assert roles.get("FurnitureKit") == "abstract_factory"
    assert roles.get("OakKit") == "concrete_factory"
    for product in ("OakFrame", "BrassHinge", "Frame", "Hinge", "Hardware", "Screw", "Nail", "Fastener"):
        assert roles.get(product) == "product", product


def test_lone_kit_typed_to_concrete_classes_is_no_family(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "OakFrame", "BrassHinge", "Screw(), Nail()")
    assert roles == {}


def test_holder_of_unrelated_objects_makes_no_products_of_them(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "Frame", "Hinge", "Screw(), Label()")
    assert roles.get("OakKit") == "concrete_factory"
    assert "Screw" not in roles and "Label" not in roles
