"""A repository storing through an SQLAlchemy insert statement over a mapped class, filled from
the fields it is handed (`insert(UserModel).values(id=user_id, email=email)` run on its async
session), beside a finder by e-mail, is a repository and its Protocol port the abstract
repository, through `agentls patterns` run as a subprocess. The near miss: the same session
running an insert statement of constant values into a mapped audit table, beside the same
finder: it stores nothing it is handed."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

DOMAIN = """\
from dataclasses import dataclass
from typing import Protocol
from uuid import UUID


@dataclass(frozen=True)
class UserItem:
    id: UUID
    email: str


class UserCommandRepository(Protocol):
    async def create_if_missing(self, email: str, user_id: UUID) -> None: ...

    async def get_by_email(self, email: str) -> UserItem | None: ...
"""

MODELS = """\
from uuid import UUID

from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class UserModel(Base):
    __tablename__ = "users"
    id: Mapped[UUID] = mapped_column(primary_key=True)
    email: Mapped[str]


class AuditModel(Base):
    __tablename__ = "audit"
    id: Mapped[int] = mapped_column(primary_key=True)
    note: Mapped[str]
"""

STORES = """\
from uuid import UUID

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import AuditModel, UserModel
from app.domain.users import UserCommandRepository, UserItem


class UserCommandRepositoryImpl(UserCommandRepository):
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def create_if_missing(self, email: str, user_id: UUID) -> None:
        stmt = insert(UserModel).values(id=user_id, email=email)
        await self.session.execute(stmt)

    async def get_by_email(self, email: str) -> UserItem | None:
        result = await self.session.execute(select(UserModel).where(UserModel.email == email))
        model = result.scalar_one_or_none()
        return None if model is None else UserItem(id=model.id, email=model.email)


class AuditedLookup:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def create_marker(self, email: str, user_id: UUID) -> None:
        stmt = insert(AuditModel).values(note="lookup")
        await self.session.execute(stmt)

    async def get_by_email(self, email: str) -> UserItem | None:
        result = await self.session.execute(select(UserModel).where(UserModel.email == email))
        model = result.scalar_one_or_none()
        return None if model is None else UserItem(id=model.id, email=model.email)
"""


def _roles(tmp_path: Path) -> dict[str, str]:
    write_tree(
        tmp_path,
        {"app/domain/users.py": DOMAIN, "app/db/models.py": MODELS, "app/db/repositories.py": STORES},
    )
    return roles_of(patterns_rows(tmp_path, "app"), "repository")


def test_an_insert_statement_filled_from_the_fields_stores_a_row(tmp_path: Path) -> None:
    roles = _roles(tmp_path)
    assert roles.get("UserCommandRepositoryImpl") == "repository"
    assert roles.get("UserCommandRepository") == "abstract_repository"


def test_an_insert_of_constant_values_stores_nothing_handed(tmp_path: Path) -> None:
    assert "AuditedLookup" not in _roles(tmp_path)
