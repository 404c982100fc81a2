"""A class whose only method, named to store, hands the entity it receives to the session it was
given (`create(alert)` -> `self._session.add(alert)`, the entity a mapped class kept under
`domain/entities/`) is the write side of a repository, through `agentls patterns` run as a
subprocess. The near miss: a use case whose `add(cart)` hands the cart to the repository it
holds (`self.carts.save(cart)`): it stores through a collaborator of the application, no session,
and stays a service."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, role_map, write_tree

ENTITIES = """\
from sqlalchemy import Integer, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class DeviceAlert(Base):
    __tablename__ = "device_alert"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    device_id: Mapped[int] = mapped_column(Integer)
    severity: Mapped[str] = mapped_column(String(20))
"""

ALERTS = """\
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.entities.device_alert import DeviceAlert


class DeviceAlertRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def create(self, alert: DeviceAlert) -> DeviceAlert:
        self._session.add(alert)
        await self._session.flush()
        return alert
"""

CARTS = """\
from dataclasses import dataclass


@dataclass
class Cart:
    id: int
    quantity: int

    def merge(self, other: "Cart") -> None:
        self.quantity += other.quantity


class CartRepository:
    def __init__(self) -> None:
        self._carts: dict[int, Cart] = {}

    def save(self, cart: Cart) -> None:
        self._carts[cart.id] = cart

    def find_by_id(self, cart_id: int) -> Cart | None:
        return self._carts.get(cart_id)


class AddCartService:
    def __init__(self, carts: CartRepository) -> None:
        self.carts = carts

    def add(self, cart: Cart) -> None:
        self.carts.save(cart)
"""


def _roles(tmp_path: Path) -> dict[tuple[str, str], str]:
    write_tree(
        tmp_path,
        {
            "app/domain/entities/device_alert.py": ENTITIES,
            "app/infrastructure/alerts.py": ALERTS,
            "app/application/carts.py": CARTS,
        },
    )
    return role_map(patterns_rows(tmp_path, "app"))


def test_a_session_write_side_keeping_mapped_entities_is_a_repository(tmp_path: Path) -> None:
    assert _roles(tmp_path).get(("DeviceAlertRepository", "repository")) == "repository"


def test_a_use_case_saving_through_its_repository_stays_a_service(tmp_path: Path) -> None:
    roles = _roles(tmp_path)
    assert ("AddCartService", "repository") not in roles
    assert roles.get(("AddCartService", "service_layer")) == "service"
