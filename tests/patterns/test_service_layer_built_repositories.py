"""A use case may build its repositories over the unit of work it is handed, not receive them.

`repo = ShelfRepository(uow.session); await repo.add(shelf)` in a function a decorator (or the
caller) hands a unit of work to, commits on its behalf: a service. The closest function that
builds the same repository and only reads through it (a finder whose body fills a set of its
own with `.add`) changes nothing and is no service; a method doing the writing makes its class
the service, and the method is not reported apart."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

STORAGE = """\
import abc


class Shelf:
    def __init__(self, label, tags, shelf_id=None):
        self.shelf_id = shelf_id
        self.label = label
        self.tags = tags


class UnitOfWork:
    def __init__(self, engine):
        self.engine = engine
        self.session = None

    async def __aenter__(self):
        self.session = self.engine.session()
        return self

    async def __aexit__(self, *exc):
        if exc[0]:
            await self.session.rollback()
        else:
            await self.session.commit()

    async def commit(self):
        await self.session.commit()

    async def rollback(self):
        await self.session.rollback()


class ShelfRepository(abc.ABC):
    def __init__(self, session):
        self.session = session

    @abc.abstractmethod
    async def add(self, shelf):
        raise NotImplementedError

    @abc.abstractmethod
    async def get(self, shelf_id):
        raise NotImplementedError


class SqlShelfRepository(ShelfRepository):
    async def add(self, shelf):
        self.session.add(shelf)
        await self.session.flush()

    async def get(self, shelf_id):
        return await self.session.get(Shelf, shelf_id)

    async def all_tags(self):
        seen = set()
        for shelf in await self.session.scalars(Shelf):
            for tag in shelf.tags:
                seen.add(tag)
        return sorted(seen)
"""

FUNCTIONS = """\
from app.storage import Shelf, SqlShelfRepository, UnitOfWork


async def {name}(uow: UnitOfWork, label: str):
    repo = SqlShelfRepository(uow.session)
{body}
"""

WRITES = """\
    shelf = Shelf(label, [])
    await repo.add(shelf)
    return shelf.shelf_id
"""

READS = """\
    return await repo.all_tags()
"""

RENAMES = """\
    shelf = await repo.get(label)
    shelf.label = label.upper()
"""

CLASS = """\
from app.storage import Shelf, SqlShelfRepository, UnitOfWork


class ShelfService:
    async def {name}(self, uow: UnitOfWork, label: str):
        repo = SqlShelfRepository(uow.session)
{body}
"""


def _services(tmp_path: Path, use: str) -> set[str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/storage.py": STORAGE, "app/use.py": use})
    return {r["symbol"] for r in patterns_rows(tmp_path, "app") if r["pattern"] == "service_layer"}


def test_a_function_storing_through_a_repository_it_builds_over_its_unit_of_work_is_a_service(
    tmp_path: Path,
) -> None:
    assert "add_shelf" in _services(tmp_path, FUNCTIONS.format(name="add_shelf", body=WRITES))


def test_the_same_function_only_reading_through_it_is_no_service(tmp_path: Path) -> None:
    # `all_tags` fills a set of its own with `.add`: no storing
    assert "list_tags" not in _services(tmp_path, FUNCTIONS.format(name="list_tags", body=READS))


def test_changing_what_it_loaded_through_the_repository_is_a_service(tmp_path: Path) -> None:
    assert "rename_shelf" in _services(tmp_path, FUNCTIONS.format(name="rename_shelf", body=RENAMES))


def test_a_method_doing_so_makes_its_class_the_service(tmp_path: Path) -> None:
    body = "".join(f"    {line}\n" for line in WRITES.splitlines())
    found = _services(tmp_path, CLASS.format(name="add_shelf", body=body))
    assert "ShelfService" in found
    assert "ShelfService.add_shelf" not in found


def test_a_class_only_reading_so_is_no_service(tmp_path: Path) -> None:
    body = "".join(f"    {line}\n" for line in READS.splitlines())
    assert "ShelfService" not in _services(tmp_path, CLASS.format(name="list_tags", body=body))


HOLDER = """\
from app.storage import Shelf, SqlShelfRepository, UnitOfWork


class ShelfService:
    def __init__(self, uow: UnitOfWork):
        self.uow = uow

    async def {name}(self, label: str):
        async with self.uow as uow:
            repo = SqlShelfRepository(uow.session)
{body}
"""

CREATOR = """\
from app.storage import Shelf, SqlShelfRepository, UnitOfWork


async def {name}(engine, label: str):
    async with UnitOfWork(engine) as uow:
        repo = SqlShelfRepository(uow.session)
{body}
"""


def _nested(body: str, depth: int = 2) -> str:
    return "".join(f"{'    ' * depth}{line}\n" for line in body.splitlines())


def test_a_class_entering_the_unit_of_work_it_holds_and_storing_is_a_service(tmp_path: Path) -> None:
    assert "ShelfService" in _services(tmp_path, HOLDER.format(name="add_shelf", body=_nested(WRITES)))


def test_the_same_class_only_reading_is_no_service(tmp_path: Path) -> None:
    assert "ShelfService" not in _services(tmp_path, HOLDER.format(name="list_tags", body=_nested(READS)))


def test_a_function_entering_a_unit_of_work_it_creates_and_storing_is_a_service(tmp_path: Path) -> None:
    assert "add_shelf" in _services(tmp_path, CREATOR.format(name="add_shelf", body=_nested(WRITES, 1)))


def test_the_same_function_only_reading_is_no_service(tmp_path: Path) -> None:
    assert "list_tags" not in _services(tmp_path, CREATOR.format(name="list_tags", body=_nested(READS, 1)))


def test_an_untyped_unit_of_work_the_class_enters_counts_too(tmp_path: Path) -> None:
    untyped = HOLDER.replace("def __init__(self, uow: UnitOfWork)", "def __init__(self, uow)")
    assert "ShelfService" in _services(tmp_path, untyped.format(name="add_shelf", body=_nested(WRITES)))


def test_the_same_untyped_class_only_reading_is_no_service(tmp_path: Path) -> None:
    untyped = HOLDER.replace("def __init__(self, uow: UnitOfWork)", "def __init__(self, uow)")
    assert "ShelfService" not in _services(tmp_path, untyped.format(name="list_tags", body=_nested(READS)))


def test_the_same_function_as_a_test_helper_seeds_data_and_is_no_service(tmp_path: Path) -> None:
    seed = FUNCTIONS.format(name="add_shelf", body=WRITES)
    write_tree(tmp_path, {"app/__init__.py": "", "app/storage.py": STORAGE, "tests/helpers.py": seed})
    rows = patterns_rows(tmp_path, "app", "tests")
    assert "add_shelf" not in {r["symbol"] for r in rows if r["pattern"] == "service_layer"}


def test_the_same_function_as_a_chat_bots_handler_is_the_entrypoint(tmp_path: Path) -> None:
    use = FUNCTIONS.format(name="add_shelf", body=WRITES).replace(
        "\n\nasync def", "\nrouter = Router()\n\n\n@router.message(F.text)\nasync def"
    )
    use = "from aiogram import F, Router\n" + use
    assert "add_shelf" not in _services(tmp_path, use)
