"""Dependency-injection containers declared in class bodies: the calls a class body makes are
facts (``ClassFacts.body_calls``), so a provider declared as a Protocol (`provide(Ground,
provides=Shipping)`, `ground: Provider[Shipping] = Factory(Ground)`) or handed to a
constructor taking one (`Factory(Checkout, carriers.ground)`) links the class it builds to the
Protocol its module never imports; and a container is one by the services it wires, however
they are imported. Each form beside its one-change near miss, through `agentls patterns`."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows
from tests.patterns.test_handed_protocols import CARRIED, _strategy

DISHKA = "from dishka import Provider, provide\n\n\nclass Carriers(Provider):\n"


def test_providers_declared_to_provide_the_protocol(tmp_path: Path) -> None:
    wiring = DISHKA + "    ground = provide(Ground, provides=Shipping)\n"
    wiring += "    air = provide(source=Air, provides=Shipping)\n"
    assert _strategy(tmp_path, wiring) == CARRIED


def test_providers_declared_to_provide_something_else(tmp_path: Path) -> None:
    # The near miss: the same providers, provided as themselves.
    wiring = DISHKA + "    ground = provide(Ground, provides=Ground)\n    air = provide(source=Air)\n"
    assert _strategy(tmp_path, wiring) == {}


ANNOTATED = (
    "from lib import Factory, Provider\n\n\nclass Carriers:\n"
    "    ground: Provider[{p}] = Factory(Ground)\n    air: Provider[{p}] = Factory(Air)\n"
)


def test_providers_annotated_as_providers_of_the_protocol(tmp_path: Path) -> None:
    assert _strategy(tmp_path, ANNOTATED.replace("{p}", "Shipping")) == CARRIED


def test_providers_annotated_as_providers_of_something_else(tmp_path: Path) -> None:
    assert _strategy(tmp_path, ANNOTATED.replace("{p}", "object")) == {}


HANDED = """\
from dependency_injector import containers, providers


class Carriers(containers.DeclarativeContainer):
    ground = providers.Factory(Ground)
    air = providers.Factory(Air)


class Shops(containers.DeclarativeContainer):
    carriers = providers.DependenciesContainer()
    by_ground = providers.Factory({taker}, carriers.ground)
    by_air = providers.Factory({taker}, shipping=carriers.air)
"""


def test_providers_handed_to_a_constructor_taking_the_protocol(tmp_path: Path) -> None:
    assert _strategy(tmp_path, HANDED.replace("{taker}", "Checkout")) == CARRIED


def test_providers_handed_to_a_constructor_taking_something_else(tmp_path: Path) -> None:
    # The near miss: `Shop(name: str)` is given the carriers' providers.
    assert _strategy(tmp_path, HANDED.replace("{taker}", "Shop")) == {}


def test_a_sibling_provider_handed_in_the_same_container(tmp_path: Path) -> None:
    wiring = HANDED.replace("{taker}", "Checkout").replace("carriers.ground", "ground").replace("carriers.air", "air")
    wiring = wiring.replace(
        "class Shops(containers.DeclarativeContainer):\n    carriers = providers.DependenciesContainer()\n", ""
    )
    wiring = wiring.replace("\n\n\n    by_ground", "\n    by_ground")
    assert "class Shops" not in wiring
    assert _strategy(tmp_path, wiring) == CARRIED


# A container of services defined beside it: no import only its declarations use.
SERVICES = """\
from abc import ABC, abstractmethod
from dataclasses import dataclass

from dependency_injector import containers, providers


class Outbox(ABC):
    @abstractmethod
    def put(self, message: str) -> None: ...


class MemoryOutbox(Outbox):
    def put(self, message: str) -> None:
        print(message)


class SmtpOutbox(Outbox):
    def put(self, message: str) -> None:
        print("smtp", message)


@dataclass(frozen=True)
class Point:
    x: float
    y: float


@dataclass(frozen=True)
class Size:
    w: float
    h: float


class Wiring(containers.DeclarativeContainer):
    first = providers.Factory({a})
    second = providers.Singleton({b})


def outboxes() -> list[Outbox]:
    return [MemoryOutbox(), SmtpOutbox()]
"""


def _containers(tmp_path: Path, a: str, b: str) -> set[str]:
    app = tmp_path / "app"
    app.mkdir()
    (app / "__init__.py").write_text("")
    (app / "wiring.py").write_text(SERVICES.replace("{a}", a).replace("{b}", b))
    rows = patterns_rows(tmp_path, "app")
    return {str(r["symbol"]) for r in rows if r["pattern"] == "dependency_injection" and r["role"] == "container"}


def test_a_container_wiring_services_defined_beside_it(tmp_path: Path) -> None:
    assert _containers(tmp_path, "MemoryOutbox", "SmtpOutbox") == {"Wiring"}


def test_a_class_declaring_providers_of_values_is_no_container(tmp_path: Path) -> None:
    # The near miss: the same declarations building values.
    assert _containers(tmp_path, "Point", "Size") == set()
