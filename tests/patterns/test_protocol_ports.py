"""Ports stated as Protocols their implementations never name: a repository port satisfied
by a class that stores through a generic base (and names the collection in properties), and
a unit-of-work port declaring the repositories it exposes and the context-manager methods.
Each beside its near miss. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows

DOMAIN = """\
from typing import Protocol


class Order:
    def __init__(self, id: str) -> None:
        self.id = id
        self.lines: list[str] = []

    def add_line(self, sku: str) -> None:
        self.lines.append(sku)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Order) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)


class Orders(Protocol):
    async def save(self, order: Order) -> None: ...
"""

STORAGE = """\
class DocumentStore:
    def __init__(self, client) -> None:
        self._collection = client.get_collection(self.collection_name)

    @property
    def collection_name(self) -> str:
        raise NotImplementedError

    async def persist(self, id: str, entity: object) -> None:
        await self._collection.update_one({"_id": id}, {"$set": vars(entity)}, upsert=True)
"""

MONGO_ORDERS = """\
from shop.domain import Order, Orders
from shop.storage import DocumentStore


class MongoOrders(DocumentStore):
    @property
    def collection_name(self) -> str:
        return "orders"

    async def save(self, order: Order) -> None:
        await self.persist(order.id, order)
{extra}
"""

EXTRA = """
    async def purge(self) -> None:
        await self._collection.delete_many({})
"""

UOW = """\
from typing import Protocol

from shop.domain import Orders
from shop.orders import MongoOrders


class UnitOfWork(Protocol):
    orders: Orders

    async def __aenter__(self) -> "UnitOfWork": ...

    async def __aexit__(self, *exc: object) -> None: ...


class MongoUnitOfWork:
    def __init__(self, client) -> None:
        self._client = client

    async def __aenter__(self) -> "MongoUnitOfWork":
        self._session = await self._client.start_session()
        {keeps}
        return self

    async def __aexit__(self, *exc: object) -> None:
        if exc[0] is None:
            await self._session.commit()
        else:
            await self._session.rollback()
"""


def _found(tmp_path: Path, files: dict[str, str]) -> set[tuple[str, str, str]]:
    for rel, text in {"shop/__init__.py": "", "shop/domain.py": DOMAIN, "shop/storage.py": STORAGE, **files}.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    rows = patterns_rows(tmp_path, ".")
    return {(str(r["symbol"]), str(r["pattern"]), str(r["role"])) for r in rows}


def test_a_protocol_port_satisfied_over_a_storage_base_is_a_repository_port(tmp_path: Path) -> None:
    found = _found(tmp_path, {"shop/orders.py": MONGO_ORDERS.format(extra="")})
    assert ("Orders", "repository", "abstract_repository") in found
    assert ("MongoOrders", "repository", "repository") in found


def test_a_broader_class_over_the_same_base_is_no_implementation(tmp_path: Path) -> None:
    # One more public method than the port asks (`purge`): a class sharing a method with the
    # port, not one of its implementations, so nothing shows the save-only port stores.
    found = _found(tmp_path, {"shop/orders.py": MONGO_ORDERS.format(extra=EXTRA)})
    assert ("Orders", "repository", "abstract_repository") not in found


def test_a_protocol_unit_of_work_declaring_its_repositories_is_implemented(tmp_path: Path) -> None:
    files = {
        "shop/orders.py": MONGO_ORDERS.format(extra=""),
        "shop/uow.py": UOW.format(keeps="self.orders = MongoOrders(self._client)"),
    }
    found = _found(tmp_path, files)
    assert ("UnitOfWork", "unit_of_work", "abstract_unit_of_work") in found


def test_a_context_manager_without_the_declared_repositories_is_no_implementation(tmp_path: Path) -> None:
    files = {"shop/orders.py": MONGO_ORDERS.format(extra=""), "shop/uow.py": UOW.format(keeps="pass")}
    found = _found(tmp_path, files)
    assert ("UnitOfWork", "unit_of_work", "abstract_unit_of_work") not in found


BROADER_UOW = """\
from typing import Protocol

from shop.domain import Orders
from shop.orders import MongoOrders


class UnitOfWork(Protocol):
    orders: Orders

    async def __aenter__(self) -> "UnitOfWork": ...

    async def __aexit__(self, *exc: object) -> None: ...


class SqlUnitOfWork:
    def __init__(self, session) -> None:
        self._session = session
        self.orders = MongoOrders(session)

    async def __aenter__(self) -> "SqlUnitOfWork":
        return self

    async def __aexit__(self, *exc: object) -> None:
        if exc[0] is None:
            await self._session.commit()
        else:
            await self._session.rollback()

    async def remove(self) -> None:
        await self._session.close()
"""

PROVIDER = """\
from shop.uow import SqlUnitOfWork, UnitOfWork


def provide_uow(session) -> {declared}:
    return SqlUnitOfWork(session)
"""


def test_a_broader_class_handed_out_as_the_protocol_implements_it(tmp_path: Path) -> None:
    # One public method more than the port (`remove`), but a provider declared to return the
    # Protocol hands it out: a type checker holds it to the port.
    files = {
        "shop/orders.py": MONGO_ORDERS.format(extra=""),
        "shop/uow.py": BROADER_UOW,
        "shop/wiring.py": PROVIDER.format(declared="UnitOfWork"),
    }
    assert ("UnitOfWork", "unit_of_work", "abstract_unit_of_work") in _found(tmp_path, files)


def test_a_broader_class_handed_out_as_itself_is_no_implementation(tmp_path: Path) -> None:
    files = {
        "shop/orders.py": MONGO_ORDERS.format(extra=""),
        "shop/uow.py": BROADER_UOW,
        "shop/wiring.py": PROVIDER.format(declared="SqlUnitOfWork"),
    }
    assert ("UnitOfWork", "unit_of_work", "abstract_unit_of_work") not in _found(tmp_path, files)


LOCAL_PROVIDER = """\
from shop.uow import SqlUnitOfWork, UnitOfWork


def provide_uow(session) -> UnitOfWork:
    uow = {made}(session)
    return uow
"""


def test_a_broader_class_built_into_a_local_handed_out_as_the_protocol_implements_it(tmp_path: Path) -> None:
    files = {
        "shop/orders.py": MONGO_ORDERS.format(extra=""),
        "shop/uow.py": BROADER_UOW,
        "shop/wiring.py": LOCAL_PROVIDER.format(made="SqlUnitOfWork"),
    }
    assert ("UnitOfWork", "unit_of_work", "abstract_unit_of_work") in _found(tmp_path, files)


def test_a_local_of_something_else_shows_nothing(tmp_path: Path) -> None:
    # The provider builds a `MongoOrders` (not the unit of work) into its local: nothing ties
    # the broader unit of work to the Protocol.
    files = {
        "shop/orders.py": MONGO_ORDERS.format(extra=""),
        "shop/uow.py": BROADER_UOW,
        "shop/wiring.py": LOCAL_PROVIDER.format(made="MongoOrders").replace(
            "from shop.uow import", "from shop.orders import MongoOrders\nfrom shop.uow import"
        ),
    }
    assert ("UnitOfWork", "unit_of_work", "abstract_unit_of_work") not in _found(tmp_path, files)


FILED_ORDERS = """\
class FiledOrders:
    def __init__(self) -> None:
        self._orders: dict = {}

    async def save(self, order) -> None:
        self._orders[order.id] = order
"""

CHECKOUT = """\
from shop.domain import Order, Orders
from shop.filed import FiledOrders


class Checkout:
    def __init__(self, orders: {declared}) -> None:
        self._orders = orders

    async def place(self, order_id: str) -> None:
        order = Order(order_id)
        order.add_line("sku")
        await self._orders.save(order)


def build() -> Checkout:
    return Checkout(FiledOrders())
"""


def test_an_object_handed_to_a_parameter_declared_as_the_protocol_implements_it(tmp_path: Path) -> None:
    # FiledOrders never imports the port; the composition root hands it to `Checkout`,
    # whose constructor declares the Protocol.
    files = {"shop/filed.py": FILED_ORDERS, "shop/checkout.py": CHECKOUT.format(declared="Orders")}
    found = _found(tmp_path, files)
    assert ("Orders", "repository", "abstract_repository") in found
    assert ("FiledOrders", "repository", "repository") in found


def test_an_object_handed_to_a_parameter_declared_as_itself_shows_nothing(tmp_path: Path) -> None:
    files = {"shop/filed.py": FILED_ORDERS, "shop/checkout.py": CHECKOUT.format(declared="FiledOrders")}
    assert ("Orders", "repository", "abstract_repository") not in _found(tmp_path, files)
