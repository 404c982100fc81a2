"""Classes implementing a Protocol without naming it (structural typing, what a Protocol is
for) count as its implementations, through `agentls patterns` run as a subprocess: each form
beside its one-change near miss."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.patterns.cli import patterns_rows

SHIPPING = """\
from typing import Protocol


class Shipping(Protocol):
    def cost(self, weight: float) -> float: ...


class Checkout:
    def __init__(self, shipping: Shipping) -> None:
        self._shipping = shipping

    def total(self, price: float, weight: float) -> float:
        return price + self._shipping.cost(weight)
"""

CARRIERS = """\
class Ground:
    def cost(self, weight: float) -> float:
        return 4 + weight * 0.5


class Air:
    def cost(self, weight: float) -> float:
        return 9 + weight * 2.0
"""

# A document moving through phases: the phases take the document and replace its phase,
# the document answers `advance()` (no argument) by forwarding to its phase.
PHASES = """\
from __future__ import annotations

from typing import Protocol


class Phase(Protocol):
    def advance(self, doc: Document) -> None: ...

    def label(self) -> str: ...


class Draft:
    def advance(self, doc: Document) -> None:
        doc.phase = Review()

    def label(self) -> str:
        return "draft"


class Review:
    def advance(self, doc: Document) -> None:
        doc.phase = Draft()

    def label(self) -> str:
        return "review"


class Document:
    def __init__(self) -> None:
        self.phase: Phase = Draft()

    def advance(self) -> None:
        self.phase.advance(self)

    def label(self) -> str:
        return self.phase.label()
"""

# Phases switching a machine through a property setter that stores the private attribute.
LAMP = """\
from __future__ import annotations

from typing import Protocol


class Mode(Protocol):
    lamp: Lamp

    def press(self) -> None: ...


class Lamp:
    def __init__(self, mode: Mode) -> None:
        self._mode = mode
        self._mode.lamp = self

    @property
    def mode(self) -> Mode:
        return self._mode

    @mode.setter
    def mode(self, mode: Mode) -> None:
        self._mode = mode
        self._mode.lamp = self

    def press(self) -> None:
        self._mode.press()


class On:
    lamp: Lamp

    def press(self) -> None:
        self.lamp.{attr} = Off()


class Off:
    lamp: Lamp

    def press(self) -> None:
        self.lamp.{attr} = On()
"""


def _rows(tmp_path: Path, files: dict[str, str]) -> dict[tuple[str, str], dict[str, Any]]:
    for name, text in files.items():
        (tmp_path / "app").mkdir(exist_ok=True)
        (tmp_path / "app" / name).write_text(text)
    rows = patterns_rows(tmp_path, "app")
    return {(str(r["symbol"]), str(r["pattern"])): r for r in rows}


def test_implementations_beside_the_protocol_make_a_strategy(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"shipping.py": SHIPPING + "\n\n" + CARRIERS})
    roles = {key[0]: r["role"] for key, r in rows.items() if key[1] == "strategy"}
    assert roles == {
        "Shipping": "strategy",
        "Ground": "concrete_strategy",
        "Air": "concrete_strategy",
        "Checkout": "context",
    }


def test_implementations_in_a_module_importing_the_protocol(tmp_path: Path) -> None:
    carriers = "from app.shipping import Shipping\n\n\n" + CARRIERS
    rows = _rows(tmp_path, {"__init__.py": "", "shipping.py": SHIPPING, "carriers.py": carriers})
    assert rows[("Ground", "strategy")]["role"] == "concrete_strategy"
    assert rows[("Checkout", "strategy")]["role"] == "context"


def test_same_method_in_a_module_that_never_sees_the_protocol(tmp_path: Path) -> None:
    # The near miss: nothing relates these classes to `Shipping` but a method name.
    rows = _rows(tmp_path, {"__init__.py": "", "shipping.py": SHIPPING, "carriers.py": CARRIERS})
    assert not [key for key in rows if key[1] == "strategy"]


def test_a_class_lacking_one_of_the_protocol_methods_implements_nothing(tmp_path: Path) -> None:
    partial = PHASES.replace('    def label(self) -> str:\n        return "review"\n', "    pass\n")
    rows = _rows(tmp_path, {"phases.py": partial})
    assert not [key for key in rows if key[1] == "state"]


def test_states_taking_the_context_and_the_context_forwarding_without_it(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"phases.py": PHASES})
    roles = {key[0]: r["role"] for key, r in rows.items() if key[1] == "state"}
    assert roles == {"Phase": "state", "Draft": "concrete_state", "Review": "concrete_state", "Document": "context"}
    # `Document.advance()` takes no document: it forwards to its phase, it is no phase itself.
    assert ("Document", "proxy") not in rows and ("Document", "decorator") not in rows


def test_states_switching_the_context_through_its_property_setter(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"lamp.py": LAMP.replace("{attr}", "mode")})
    roles = {key[0]: r["role"] for key, r in rows.items() if key[1] == "state"}
    assert roles == {"Mode": "state", "On": "concrete_state", "Off": "concrete_state", "Lamp": "context"}


def test_a_store_into_another_attribute_switches_nothing(tmp_path: Path) -> None:
    # The near miss: `self.lamp.last = Off()` writes no setter of the held mode.
    rows = _rows(tmp_path, {"lamp.py": LAMP.replace("{attr}", "last")})
    assert not [key for key in rows if key[1] == "state"]
