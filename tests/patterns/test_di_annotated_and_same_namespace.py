"""Dependency injection in two framework spellings: a provider function whose dependencies
arrive through `Annotated[T, Depends(f)]` (the marker in the annotation, not the default), and
a dishka-style provider class whose `provide(...)` declarations come from the same namespace
as its `Provider` base. Each beside its closest near miss, through `agentls patterns`."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

PORTS = """\
from abc import ABC, abstractmethod
from dataclasses import dataclass


class Clock(ABC):
    @abstractmethod
    def now(self) -> float: ...


class Store(ABC):
    @abstractmethod
    def save(self, item: str) -> None: ...


class SystemClock(Clock):
    def now(self) -> float:
        return 0.0


class MemoryStore(Store):
    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.items: list[str] = []

    def save(self, item: str) -> None:
        self.items.append(item)


@dataclass(frozen=True)
class Point:
    x: float


@dataclass(frozen=True)
class Size:
    w: float
"""

PROVIDER = """\
from typing import Annotated

from fastapi import Depends, Query

from app.ports import Clock, MemoryStore, Store, SystemClock


def get_clock() -> Clock:
    return SystemClock()


def get_store(clock: Annotated[{ann}]) -> Store:
    return MemoryStore(clock=clock)
"""


def _di(tmp_path: Path, files: dict[str, str]) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/ports.py": PORTS, **files})
    rows = patterns_rows(tmp_path, "app")
    return {str(r["symbol"]): str(r["role"]) for r in rows if r["pattern"] == "dependency_injection"}


def test_a_provider_taking_its_dependency_through_an_annotated_marker(tmp_path: Path) -> None:
    found = _di(tmp_path, {"app/deps.py": PROVIDER.replace("{ann}", "Clock, Depends(get_clock)")})
    assert found.get("get_store") == "composition_root"


def test_a_handler_taking_an_annotated_request_value_is_no_provider(tmp_path: Path) -> None:
    # The near miss: the same function, its parameter a request value (`Annotated[str, Query()]`).
    found = _di(tmp_path, {"app/deps.py": PROVIDER.replace("{ann}", "str, Query()")})
    assert "get_store" not in found


DISHKA = """\
from dishka import Provider, Scope, provide

from app.ports import Clock, MemoryStore, Point, Size, Store, SystemClock


class AppProvider(Provider):
    scope = Scope.REQUEST
    first = provide({a})
    second = provide({b})
"""


def test_a_provider_class_declaring_services_from_its_base_namespace(tmp_path: Path) -> None:
    wiring = DISHKA.replace("{a}", "SystemClock, provides=Clock").replace("{b}", "MemoryStore, provides=Store")
    assert _di(tmp_path, {"app/wiring.py": wiring}).get("AppProvider") == "container"


def test_a_class_declaring_values_from_its_base_namespace_is_no_container(tmp_path: Path) -> None:
    # The near miss: the same declarations building values, as model fields would.
    assert "AppProvider" not in _di(tmp_path, {"app/wiring.py": DISHKA.replace("{a}", "Point").replace("{b}", "Size")})


CONTAINER = """\
from fastapi import Depends

from app.ports import Clock, MemoryStore, Store, SystemClock


class Context:
    def __init__(self) -> None:
        self.clock = SystemClock()

    @property
    def store(self) -> Store:
        return MemoryStore(clock=self.clock)

    @property
    def audit(self) -> "Audit":
        return Audit(clock=self.clock)


class Audit:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock


class Holder:
    def __init__(self, store: Store) -> None:
        self.store = store


def get_context() -> {held}:
    return {held}(){args}


def get_store(context: {held} = Depends(get_context)) -> Store:
    return context.store
"""


def test_a_provider_handing_out_a_service_of_an_injected_container(tmp_path: Path) -> None:
    wiring = CONTAINER.replace("{held}", "Context").replace("{args}", "")
    found = _di(tmp_path, {"app/deps.py": wiring})
    assert found.get("Context") == "composition_root" and found.get("get_store") == "composition_root"


def test_a_provider_reading_an_attribute_of_an_injected_plain_object_is_none(tmp_path: Path) -> None:
    # The near miss: the object injected is an ordinary class holding a store, no container.
    wiring = (
        CONTAINER.replace("{held}", "Holder")
        .replace("{args}", "")
        .replace("Holder()", "Holder(MemoryStore(SystemClock()))")
    )
    assert "get_store" not in _di(tmp_path, {"app/deps.py": wiring})


IMPL = """\
from typing import Annotated

from fastapi import Depends

from app.ports import Clock, MemoryStore, SystemClock


class Stamp:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock


def get_clock() -> Clock:
    return SystemClock()


def get_made(clock: Annotated[Clock, Depends(get_clock)]) -> {made}:
    return {made}(clock=clock)
"""


def test_a_provider_building_an_implementation_of_a_port(tmp_path: Path) -> None:
    assert _di(tmp_path, {"app/deps.py": IMPL.replace("{made}", "MemoryStore")}).get("get_made") == "composition_root"


def test_a_provider_building_a_class_implementing_nothing_is_none(tmp_path: Path) -> None:
    # The near miss: the same provider building a class of no abstraction.
    assert "get_made" not in _di(tmp_path, {"app/deps.py": IMPL.replace("{made}", "Stamp")})


REGISTERS = """\
from typing import Annotated

from fastapi import Depends

from app.ports import Clock, MemoryStore, SystemClock


class Registry:
    def __init__(self) -> None:
        self.items: dict[str, object] = {}

    def register(self, name: str, item: object) -> None:
        self.items[name] = item


def get_clock() -> Clock:
    return SystemClock()


def get_registry() -> Registry:
    return Registry()


def get_wired(
    clock: Annotated[Clock, Depends(get_clock)], registry: Annotated[Registry, Depends(get_registry)]
) -> Registry:
    registry.register("store", {made})
    return registry
"""


def test_a_provider_handing_an_injected_object_a_service_it_builds(tmp_path: Path) -> None:
    wiring = REGISTERS.replace("{made}", "MemoryStore(clock=clock)")
    assert _di(tmp_path, {"app/deps.py": wiring}).get("get_wired") == "composition_root"


def test_a_provider_handing_an_injected_object_a_plain_value_is_none(tmp_path: Path) -> None:
    # The near miss: the same registration of a value, no service built from a dependency.
    assert "get_wired" not in _di(tmp_path, {"app/deps.py": REGISTERS.replace("{made}", "str(clock)")})
