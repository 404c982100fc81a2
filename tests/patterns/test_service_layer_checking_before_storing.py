"""A use-case class whose `create(user)` asks its repository whether the e-mail is taken before
handing the user on to the repository's `create(user)` is a service, through `agentls patterns`
run as a subprocess; a class whose `create(user)` only hands its argument on to the repository's
method of the same name wraps it (the near miss: no use case)."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

DOMAIN = """\
from dataclasses import dataclass
from typing import Protocol


@dataclass
class User:
    id: int
    email: str

    def rename(self, email: str) -> None:
        self.email = email


class IUserRepository(Protocol):
    async def create(self, user: User) -> None: ...

    async def exists_by_email(self, user: User) -> bool: ...

    async def get_by_id(self, user_id: int) -> User | None: ...
"""

REPOSITORY = """\
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.user import IUserRepository, User


class PostgresUserRepository(IUserRepository):
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def create(self, user: User) -> None:
        self.session.add(user)

    async def exists_by_email(self, user: User) -> bool:
        found = await self.session.execute(select(User).where(User.email == user.email))
        return found.first() is not None

    async def get_by_id(self, user_id: int) -> User | None:
        return await self.session.get(User, user_id)
"""

USE_CASES = """\
from app.domain.user import IUserRepository, User


class UserUseCases:
    def __init__(self, repository: IUserRepository) -> None:
        self.repository = repository

    async def create(self, user: User) -> User:
        if await self.repository.exists_by_email(user):
            raise ValueError(user.email)
        await self.repository.create(user)
        return user


class UserWriter:
    def __init__(self, repository: IUserRepository) -> None:
        self.repository = repository

    async def create(self, user: User) -> None:
        await self.repository.create(user)
"""


def _services(tmp_path: Path) -> dict[str, str]:
    write_tree(
        tmp_path,
        {
            "app/domain/user.py": DOMAIN,
            "app/infrastructure/users.py": REPOSITORY,
            "app/application/use_cases.py": USE_CASES,
        },
    )
    return roles_of(patterns_rows(tmp_path, "app"), "service_layer")


def test_a_use_case_checking_before_it_stores_is_a_service(tmp_path: Path) -> None:
    assert _services(tmp_path).get("UserUseCases") == "service"


def test_a_class_only_handing_its_argument_on_is_none(tmp_path: Path) -> None:
    assert "UserWriter" not in _services(tmp_path)
