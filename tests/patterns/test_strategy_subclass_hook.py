"""An ABC that accepts any class of its shape through `__subclasshook__` is typed by shape, as
a Protocol is: through `agentls patterns` run as a subprocess, a `Shipping` ABC whose hook
answers `issubclass()` true for any class defining `cost`, two rate classes deriving nothing
that define `cost`, and a `Desk` keeping a `Shipping` it is handed and asking it for the cost,
are a Strategy (interface, concrete strategies, context). The near miss, one method away: the
same ABC without the hook makes no outsider its subclass, so the rate classes implement nothing
and there is no family."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

SHIPPING = """\
import abc


class Shipping(abc.ABC):
HOOK
    @abc.abstractmethod
    def cost(self, weight: float) -> float: ...


class Ground:
    def cost(self, weight: float) -> float:
        return 4.0 + weight * 0.5


class Air:
    def cost(self, weight: float) -> float:
        return 12.0 + weight * 2.0


class Desk:
    def __init__(self) -> None:
        self.rate: Shipping | None = None

    def choose(self, rate: Shipping) -> None:
        self.rate = rate

    def quote(self, weight: float) -> float:
        assert self.rate is not None
        return round(self.rate.cost(weight), 2)
"""

HOOK = """\
    @classmethod
    def __subclasshook__(cls, other: type) -> bool:
        return callable(getattr(other, "cost", None))
"""


def _roles(tmp_path: Path, hook: str) -> dict[str, str]:
    write_tree(tmp_path, {"shipping.py": SHIPPING.replace("HOOK\n", hook)})
    return roles_of(patterns_rows(tmp_path, "--no-smells"), "strategy")


def test_classes_accepted_by_a_subclass_hook_are_concrete_strategies(tmp_path: Path) -> None:
    roles = _roles(tmp_path, HOOK)
    assert roles.get("Shipping") == "strategy"
    assert roles.get("Ground") == "concrete_strategy"
    assert roles.get("Air") == "concrete_strategy"
    assert roles.get("Desk") == "context"


def test_classes_of_the_same_shape_under_a_plain_abc_are_no_family(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "")
    assert "Ground" not in roles
    assert "Air" not in roles
    assert "Desk" not in roles
