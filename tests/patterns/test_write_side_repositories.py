"""Repositories known by what their implementations do with the entity: a port whose only
collection method is `save(entity) -> None`, a port listing what it stores with no criteria,
and a generic storage base the repositories below it save through. Each beside its near
miss, through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows

PARCEL = """\
class Parcel:
    def __init__(self, id: str, weight: int) -> None:
        self.id = id
        self.weight = weight

    def reweigh(self, weight: int) -> None:
        self.weight = weight

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Parcel) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)
"""

SAVE_PORT = """\
from abc import ABC, abstractmethod

from shipping.domain.parcel import Parcel


class {name}(ABC):
    @abstractmethod
    async def {method}(self, parcel: Parcel) -> None:
        ...
"""

KEPT_BY_ID = """\
from shipping.domain.parcel import Parcel
from shipping.domain.port import {name}


class InMemory{name}({name}):
    _parcels: dict[str, Parcel] = {{}}

    async def {method}(self, parcel: Parcel) -> None:
        self._parcels[parcel.id] = parcel
"""

KEPT_IN_OWN_DICT = """\
from shipping.domain.parcel import Parcel
from shipping.domain.port import {name}


class InMemory{name}({name}):
    def __init__(self) -> None:
        self._parcels: dict[str, Parcel] = {{}}

    async def {method}(self, parcel: Parcel) -> None:
        self._parcels[{key}] = parcel
"""

ONLY_LOGGED = """\
from shipping.domain.parcel import Parcel
from shipping.domain.port import {name}


class Console{name}({name}):
    _lines: list[str] = []

    async def {method}(self, parcel: Parcel) -> None:
        self._lines.append(parcel.id)
"""

LISTING_PORT = """\
from abc import ABC, abstractmethod
from typing import Sequence

from shipping.domain.parcel import Parcel


class ParcelStore(ABC):
    @abstractmethod
    async def save(self, parcel: Parcel) -> None:
        ...

    @abstractmethod
    async def search_all(self) -> Sequence[{answer}]:
        ...
"""

STORAGE_BASE = """\
from abc import ABC, abstractmethod


class DocumentStore(ABC):
    def __init__(self, client) -> None:
        self._collection = client.get_database("app").get_collection(self.collection_name)

    @property
    @abstractmethod
    def collection_name(self) -> str:
        ...

    async def persist(self, id: str, entity: object) -> None:
        await self._collection.update_one({"_id": id}, {"$set": vars(entity)}, upsert=True)
"""

THROUGH_BASE = """\
from shipping.domain.parcel import Parcel
from shipping.domain.port import {port}
from shipping.infra.base import DocumentStore


class Mongo{port}(DocumentStore, {port}):
    @property
    def collection_name(self) -> str:
        return "parcels"

    async def {method}(self, parcel: Parcel) -> None:
        await self.persist(parcel.id, parcel)
"""


def _found(tmp_path: Path, files: dict[str, str], pattern: str = "repository") -> set[tuple[str, str]]:
    for rel, text in {"shipping/__init__.py": "", "shipping/domain/__init__.py": "", **files}.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    rows = patterns_rows(tmp_path, ".")
    return {(str(r["symbol"]), str(r["role"])) for r in rows if r["pattern"] == pattern}


def _save_only(tmp_path: Path, impl: str) -> set[tuple[str, str]]:
    names = {"name": "ParcelRepository", "method": "save"}
    return _found(
        tmp_path,
        {
            "shipping/domain/parcel.py": PARCEL,
            "shipping/domain/port.py": SAVE_PORT.format(**names),
            "shipping/infra/__init__.py": "",
            "shipping/infra/memory.py": impl.format(**names),
        },
    )


def test_a_save_only_port_whose_implementation_keeps_the_entity_by_id_is_a_repository(tmp_path: Path) -> None:
    found = _save_only(tmp_path, KEPT_BY_ID)
    assert ("ParcelRepository", "abstract_repository") in found
    assert ("InMemoryParcelRepository", "repository") in found


def test_an_implementation_keeping_the_entity_by_id_in_its_own_dict_makes_a_repository(tmp_path: Path) -> None:
    found = _save_only(tmp_path, KEPT_IN_OWN_DICT.replace("{key}", "parcel.id"))
    assert ("ParcelRepository", "abstract_repository") in found


def test_an_implementation_keeping_the_last_one_under_a_fixed_key_is_a_cache(tmp_path: Path) -> None:
    assert not _save_only(tmp_path, KEPT_IN_OWN_DICT.replace("{key}", '"latest"'))


def test_a_save_only_port_whose_implementation_keeps_only_a_field_is_none(tmp_path: Path) -> None:
    # The same port, implemented by writing the parcel's id to a log: nothing stores parcels.
    assert not _save_only(tmp_path, ONLY_LOGGED)


def test_a_port_listing_the_entities_it_stores_is_a_repository(tmp_path: Path) -> None:
    files = {"shipping/domain/parcel.py": PARCEL, "shipping/domain/port.py": LISTING_PORT.format(answer="Parcel")}
    assert ("ParcelStore", "abstract_repository") in _found(tmp_path, files)


def test_a_port_listing_something_else_is_none(tmp_path: Path) -> None:
    files = {"shipping/domain/parcel.py": PARCEL, "shipping/domain/port.py": LISTING_PORT.format(answer="str")}
    assert not _found(tmp_path, files)


def _through_base(tmp_path: Path, port: str, method: str) -> set[tuple[str, str]]:
    names = {"name": port, "method": method}
    return _found(
        tmp_path,
        {
            "shipping/domain/parcel.py": PARCEL,
            "shipping/domain/port.py": SAVE_PORT.format(**names),
            "shipping/infra/__init__.py": "",
            "shipping/infra/base.py": STORAGE_BASE,
            "shipping/infra/mongo.py": THROUGH_BASE.format(port=port, method=method),
        },
    )


def test_a_storage_base_the_repositories_save_through_is_a_repository(tmp_path: Path) -> None:
    found = _through_base(tmp_path, "ParcelRepository", "save")
    assert ("MongoParcelRepository", "repository") in found
    assert ("DocumentStore", "repository") in found


def test_a_storage_base_under_no_repository_is_none(tmp_path: Path) -> None:
    # The same base under a class that receives no entity to keep (a notifier port taking a
    # string): the base is only a class holding a client.
    names = {"name": "ParcelNotifier", "method": "notify"}
    found = _found(
        tmp_path,
        {
            "shipping/domain/parcel.py": PARCEL,
            "shipping/domain/port.py": SAVE_PORT.format(**names).replace("parcel: Parcel", "parcel: str"),
            "shipping/infra/__init__.py": "",
            "shipping/infra/base.py": STORAGE_BASE,
            "shipping/infra/mongo.py": THROUGH_BASE.format(port="ParcelNotifier", method="notify").replace(
                "parcel: Parcel", "parcel: str"
            ),
        },
    )
    assert ("DocumentStore", "repository") not in found


CLASS_ADAPTER = """\
class Plug:
    def connect(self) -> str:
        raise NotImplementedError


class RoundSocket:
    def insert_round_pin(self) -> str:
        return "round"


class PlugAdapter(Plug, RoundSocket):
    def connect(self) -> str:
        return self.insert_round_pin()
"""


def test_a_class_adapter_is_still_one(tmp_path: Path) -> None:
    found = _found(tmp_path, {"shipping/plugs.py": CLASS_ADAPTER}, pattern="adapter")
    assert ("PlugAdapter", "adapter") in found


def test_a_repository_saving_through_its_storage_base_is_no_class_adapter(tmp_path: Path) -> None:
    names = {"name": "ParcelRepository", "method": "save"}
    files = {
        "shipping/domain/parcel.py": PARCEL,
        "shipping/domain/port.py": SAVE_PORT.format(**names),
        "shipping/infra/__init__.py": "",
        "shipping/infra/base.py": STORAGE_BASE,
        "shipping/infra/mongo.py": THROUGH_BASE.format(port="ParcelRepository", method="save"),
    }
    assert not _found(tmp_path, files, pattern="adapter")
