"""A repository port may answer through an effect type (`returns`' `FutureResult`, `Result`):
`add(entity: T) -> FutureResult` carries nothing but a possible failure, as `-> None` would,
beside `get_by_id(id) -> FutureResult[Maybe[T], Any]`. Beside the near miss: a serializer
port whose `serialize(obj: T) -> Result[str, Any]` answers a string and whose
`deserialize(raw: str)` gives the object back is no repository. Through `agentls patterns` run
as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

PORT = """\
from abc import abstractmethod
from typing import Any, Generic, TypeVar

from returns.future import FutureResult
from returns.maybe import Maybe

T = TypeVar("T")


class Store(Generic[T]):
    @abstractmethod
    def add(self, entity: T) -> FutureResult:
        pass

    @abstractmethod
    def get_by_id(self, id: str) -> FutureResult[Maybe[T], Any]:
        pass

    @abstractmethod
    def remove(self, id: str) -> FutureResult:
        pass
"""

SERIALIZER = """\
from abc import abstractmethod
from typing import Any, Generic, TypeVar

from returns.result import Result

T = TypeVar("T")


class Serializer(Generic[T]):
    @abstractmethod
    def serialize(self, obj: T) -> Result[str, Any]:
        pass

    @abstractmethod
    def deserialize(self, raw: str) -> Result[T, Any]:
        pass
"""


def _roles(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/ports.py": text})
    return roles_of(patterns_rows(tmp_path, "app", "--min-confidence", "0"), "repository")


def test_a_port_answering_through_an_effect_type(tmp_path: Path) -> None:
    assert _roles(tmp_path, PORT) == {"Store": "abstract_repository"}


def test_a_serializer_answering_a_string_is_none(tmp_path: Path) -> None:
    assert _roles(tmp_path, SERIALIZER) == {}
