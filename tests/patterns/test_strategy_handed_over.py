"""Strategies and bridge implementors handed over rather than kept, across modules, through
`agentls patterns` run as a subprocess: each form beside its one-change near miss."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.patterns.cli import patterns_rows

PRICING = """\
from abc import ABC, abstractmethod


class Pricing(ABC):
    @abstractmethod
    def quote(self, amount): ...


class FlatPricing(Pricing):
    def quote(self, amount):
        return amount + 5


class TieredPricing(Pricing):
    def quote(self, amount):
        return amount * 0.9
"""

TILL = """\
class Till:
    def total(self, pricing, amount):
        return round(pricing.quote(amount), 2)
"""

RENDERERS = """\
from abc import ABCMeta, abstractmethod


class Renderer(metaclass=ABCMeta):
    @staticmethod
    @abstractmethod
    def show(kind): ...


class Ascii(Renderer):
    @staticmethod
    def show(kind):
        print(kind)


class Svg(Renderer):
    @staticmethod
    def show(kind):
        print(f"<{kind}/>")
"""

GAUGES = """\
from abc import ABCMeta, abstractmethod


class Gauge(metaclass=ABCMeta):
    @abstractmethod
    def show(self): ...


class Dial(Gauge):
    def __init__(self, renderer):
        self.renderer = renderer()

    def show(self):
        self.renderer.show("dial")


class Bar(Gauge):
    def __init__(self, renderer):
        self.renderer = renderer()

    def show(self):
        self.renderer.show("bar")
"""


def _rows(tmp_path: Path, files: dict[str, str]) -> dict[tuple[str, str], dict[str, Any]]:
    for name, text in files.items():
        (tmp_path / "app").mkdir(exist_ok=True)
        (tmp_path / "app" / name).write_text(text)
    rows = patterns_rows(tmp_path, "app")
    return {(str(r["symbol"]), str(r["pattern"])): r for r in rows}


def test_a_strategy_handed_to_the_method_that_runs_it(tmp_path: Path) -> None:
    client = "from app.pricing import FlatPricing, TieredPricing\nfrom app.till import Till\n\nTILL = Till()\n"
    client += "TILL.total(FlatPricing(), 30)\nTILL.total(TieredPricing(), 300)\n"
    rows = _rows(tmp_path, {"pricing.py": PRICING, "till.py": TILL, "main.py": client})
    assert rows[("Pricing", "strategy")]["role"] == "strategy"
    assert rows[("FlatPricing", "strategy")]["role"] == "concrete_strategy"
    assert rows[("Till", "strategy")]["role"] == "context"
    participants = {(p["symbol"], p["role"]) for p in rows[("Pricing", "strategy")]["participants"]}
    assert participants >= {
        ("FlatPricing", "concrete_strategy"),
        ("TieredPricing", "concrete_strategy"),
        ("Till", "context"),
    }


def test_one_implementation_handed_over_chooses_nothing(tmp_path: Path) -> None:
    client = "from app.pricing import FlatPricing\nfrom app.till import Till\n\nTILL = Till()\n"
    client += "TILL.total(FlatPricing(), 30)\nTILL.total(FlatPricing(), 300)\n"
    rows = _rows(tmp_path, {"pricing.py": PRICING, "till.py": TILL, "main.py": client})
    assert not [key for key in rows if key[1] == "strategy"]


def test_refined_abstractions_making_their_implementor_from_a_handed_class(tmp_path: Path) -> None:
    client = "from app.gauges import Bar, Dial\nfrom app.renderers import Ascii, Svg\n\n"
    client += "Dial(Ascii).show()\nBar(Svg).show()\n"
    rows = _rows(tmp_path, {"renderers.py": RENDERERS, "gauges.py": GAUGES, "main.py": client})
    roles = {key[0]: r["role"] for key, r in rows.items() if key[1] == "bridge"}
    assert roles == {
        "Gauge": "abstraction",
        "Dial": "refined_abstraction",
        "Bar": "refined_abstraction",
        "Renderer": "implementor",
        "Ascii": "concrete_implementor",
        "Svg": "concrete_implementor",
    }


def test_a_factory_function_handed_over_types_nothing(tmp_path: Path) -> None:
    client = "from app.gauges import Bar, Dial\nfrom app.renderers import Ascii, Svg\n\n"
    client += "def ascii():\n    return Ascii()\n\n\ndef svg():\n    return Svg()\n\n\n"
    client += "Dial(ascii).show()\nBar(svg).show()\n"
    rows = _rows(tmp_path, {"renderers.py": RENDERERS, "gauges.py": GAUGES, "main.py": client})
    assert not [key for key in rows if key[1] in ("bridge", "strategy")]
