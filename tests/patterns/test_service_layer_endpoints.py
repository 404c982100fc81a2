"""A web endpoint saving through a repository is the entrypoint, not a service-layer use case.

The same function body, receiving a repository port and saving what it builds through it, is a
service in an application module and no service under a router's routing decorator
(`@bp.route(...)`): there it is the web layer driving the domain, as a view that should call a
use case does."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

PORT = """\
import abc


class Shelf:
    def __init__(self, shelf_id, label):
        self.shelf_id = shelf_id
        self.label = label


class ShelfRepository(abc.ABC):
    @abc.abstractmethod
    def save(self, shelf):
        raise NotImplementedError

    @abc.abstractmethod
    def find_by_id(self, shelf_id):
        raise NotImplementedError


class SqlShelfRepository(ShelfRepository):
    def __init__(self, session):
        self.session = session

    def save(self, shelf):
        self.session.add(shelf)
        self.session.commit()

    def find_by_id(self, shelf_id):
        return self.session.query(Shelf).filter(Shelf.shelf_id == shelf_id).first()
"""

USE = """\
from flask import Blueprint, request

from app.shelves import Shelf, ShelfRepository

bp = Blueprint("shelves", __name__)

{decorator}
def add_shelf(shelf_repository: ShelfRepository):
    shelf = Shelf(request.form["id"], request.form["label"])
    shelf_repository.save(shelf)
    return "", 201
"""


def _services(tmp_path: Path, decorator: str) -> set[str]:
    write_tree(tmp_path, {"app/shelves.py": PORT, "app/use.py": USE.format(decorator=decorator)})
    return {r["symbol"] for r in patterns_rows(tmp_path, "app") if r["pattern"] == "service_layer"}


def test_a_function_saving_through_the_repository_it_receives_is_a_service(tmp_path: Path) -> None:
    assert "add_shelf" in _services(tmp_path, "")


def test_the_same_function_under_a_routing_decorator_is_the_entrypoint(tmp_path: Path) -> None:
    assert "add_shelf" not in _services(tmp_path, '@bp.route("/shelves", methods=["POST"])')
