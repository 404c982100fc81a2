"""A repository port declaring a collection's whole vocabulary with untyped parameters
(`create(self, entity)`, `get(self, entity)`, `update`, `delete`, `all()`) is the abstract
repository, and its implementation, working through an ORM helper base it derives, a repository,
through `agentls patterns` run as a subprocess. The near miss: a tree node's abstract interface
(`add(child: Node)`, `remove(child: Node)`, `get_child(index)`) with an implementation keeps its
own kind: no repository."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

PORT = """\
from abc import ABC, abstractmethod


class PhoneRepository(ABC):
    @abstractmethod
    def create(self, entity):
        raise NotImplementedError

    @abstractmethod
    def get(self, entity) -> object:
        raise NotImplementedError

    @abstractmethod
    def update(self, entity) -> object:
        raise NotImplementedError

    @abstractmethod
    def delete(self, entity) -> object:
        raise NotImplementedError

    @abstractmethod
    def all(self) -> object:
        raise NotImplementedError
"""

IMPLEMENTATION = """\
from app.domain.repository import PhoneRepository


class OrmHelper:
    def __init__(self, model=None) -> None:
        self.__model = model

    def orm_get(self, **fields):
        return self.__model.objects.filter(**fields)

    def orm_create(self, **fields):
        return self.__model(**fields)

    def orm_delete(self, **fields):
        return self.__model.objects.filter(**fields).delete()

    def orm_all(self):
        return self.__model.objects.all()


class DjangoPhoneRepository(OrmHelper, PhoneRepository):
    def get(self, entity):
        return self.orm_get(**entity.as_dict())

    def create(self, entity):
        return self.orm_create(**entity.as_dict())

    def update(self, entity):
        return self.orm_create(**entity.as_dict())

    def delete(self, entity):
        return self.orm_delete(**entity.as_dict())

    def all(self):
        return self.orm_all()
"""

TREE = """\
from abc import ABC, abstractmethod


class Node(ABC):
    @abstractmethod
    def add(self, child: "Node") -> None: ...

    @abstractmethod
    def remove(self, child: "Node") -> None: ...

    @abstractmethod
    def get_child(self, index: int) -> "Node": ...


class Folder(Node):
    def __init__(self) -> None:
        self.children: list[Node] = []

    def add(self, child: Node) -> None:
        self.children.append(child)

    def remove(self, child: Node) -> None:
        self.children.remove(child)

    def get_child(self, index: int) -> Node:
        return self.children[index]
"""


def test_a_loosely_typed_crud_port_and_its_implementation_are_repositories(tmp_path: Path) -> None:
    write_tree(tmp_path, {"app/domain/repository.py": PORT, "app/infrastructure/phones.py": IMPLEMENTATION})
    roles = roles_of(patterns_rows(tmp_path, "app"), "repository")
    assert roles.get("PhoneRepository") == "abstract_repository"
    assert roles.get("DjangoPhoneRepository") == "repository"


def test_a_tree_node_interface_is_no_repository(tmp_path: Path) -> None:
    write_tree(tmp_path, {"app/domain/tree.py": TREE})
    roles = roles_of(patterns_rows(tmp_path, "app"), "repository")
    assert "Node" not in roles
    assert "Folder" not in roles
