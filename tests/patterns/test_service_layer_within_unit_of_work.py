"""A use case changes state inside the unit of work it enters (typed as one): through a
repository it asks the unit of work for (`repo = uow.get_repository(Users); await
repo.add(...)`), or, holding the unit of work, through another collaborator it holds
(`async with self._uow as tx: await self._articles.create(data, uow=tx)`). The closest
non-services enter the same unit of work only to read."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, role_map, roles_of, write_tree

UOW = """\
class UnitOfWork:
    def __init__(self, session_factory):
        self._session_factory = session_factory
        self.session = None

    async def __aenter__(self) -> "UnitOfWork":
        self.session = self._session_factory()
        return self

    async def __aexit__(self, *exc) -> None:
        await self.rollback()
        await self.session.close()

    async def commit(self) -> None:
        await self.session.commit()

    async def rollback(self) -> None:
        await self.session.rollback()

    def get_repository(self, repository_class):
        return repository_class(self.session)
"""

ASKED = """\
from app.uow import UnitOfWork


class Users:
    def __init__(self, session):
        self.session = session


class AccountService:
    async def register(self, data: dict, uow: UnitOfWork) -> None:
        async with uow:
            repo = uow.get_repository(Users)
            await repo.add_user(data)
"""

HELD = """\
from app.uow import UnitOfWork


class ArticleSteps:
    async def create(self, data: dict, uow: UnitOfWork) -> None:
        ...

    async def get(self, article_id: str, uow: UnitOfWork) -> dict:
        return {}


class ArticleService:
    def __init__(self, uow: UnitOfWork, steps: ArticleSteps) -> None:
        self._uow = uow
        self._steps = steps

    async def publish(self, data: dict) -> None:
        async with self._uow as tx:
            await self._steps.create(data, uow=tx)
"""


def _services(tmp_path: Path, module: str) -> set[str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/uow.py": UOW, "app/service.py": module})
    rows = patterns_rows(tmp_path, "app", "--min-confidence", "0")
    assert ("UnitOfWork", "unit_of_work") in role_map(rows)
    return set(roles_of(rows, "service_layer"))


def test_a_change_through_a_repository_asked_of_the_entered_unit_of_work(tmp_path: Path) -> None:
    assert "AccountService.register" in _services(tmp_path, ASKED)


def test_a_read_through_the_same_repository_is_no_use_case(tmp_path: Path) -> None:
    assert not _services(tmp_path, ASKED.replace("await repo.add_user(data)", "return await repo.find(data)"))


def test_a_change_through_a_collaborator_within_the_held_unit_of_work(tmp_path: Path) -> None:
    assert "ArticleService" in _services(tmp_path, HELD)


def test_a_read_through_that_collaborator_is_no_use_case(tmp_path: Path) -> None:
    read = HELD.replace("await self._steps.create(data, uow=tx)", "return await self._steps.get(data, uow=tx)")
    assert not _services(tmp_path, read)
