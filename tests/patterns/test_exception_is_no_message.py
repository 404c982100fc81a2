"""An exception is raised, never sent: a domain error hierarchy (a base keeping a message,
families below it, specific errors below those) mapped to what it answers
(`{NotFoundError: HTTPStatus.NOT_FOUND}`) looks like data classes in a dispatch map, but no
class whose ancestry reaches an exception is a CQRS message. Beside the near miss: the same
hierarchy of plain classes, mapped to the functions that handle them and store, is still a set
of commands. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

ERRORS = """\
class ShopError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFoundError(ShopError):
    def __init__(self, kind: str, key: object) -> None:
        super().__init__(f"{kind} not found: {key}")
        self.kind = kind
        self.key = key


class ConflictError(ShopError):
    \"\"\"Two writes disagree.\"\"\"


class OrderNotFoundError(NotFoundError):
    def __init__(self, order_id: str) -> None:
        super().__init__("order", order_id)


class DuplicateOrderError(ConflictError):
    def __init__(self, order_id: str) -> None:
        super().__init__(f"order exists: {order_id}")
"""

STATUS_MAP = """\
from http import HTTPStatus

from shop.domain.errors import ConflictError, NotFoundError, ShopError

STATUS_BY_ERROR: dict[type[Exception], int] = {
    NotFoundError: HTTPStatus.NOT_FOUND,
    ConflictError: HTTPStatus.CONFLICT,
}


def status_of(exc: ShopError) -> int:
    return next((code for kind, code in STATUS_BY_ERROR.items() if isinstance(exc, kind)), 400)
"""

REQUESTS = """\
class ShopRequest:
    def __init__(self, order_id: str) -> None:
        self.order_id = order_id


class PlaceOrder(ShopRequest):
    def __init__(self, order_id: str, sku: str) -> None:
        super().__init__(order_id)
        self.sku = sku


class CancelOrder(ShopRequest):
    \"\"\"Withdraw an order not shipped yet.\"\"\"
"""

HANDLER_MAP = """\
from shop.domain.requests import CancelOrder, PlaceOrder

ORDERS: dict[str, str] = {}


def place_order(request: PlaceOrder) -> None:
    ORDERS.update({request.order_id: request.sku})


def cancel_order(request: CancelOrder) -> None:
    ORDERS.pop(request.order_id, None)


HANDLERS = {
    PlaceOrder: place_order,
    CancelOrder: cancel_order,
}
"""

_MESSAGES = ("cqrs_command", "cqrs_query", "domain_event")


def _messages(tmp_path: Path, files: dict[str, str], patterns: tuple[str, ...] = _MESSAGES) -> set[str]:
    tree = {"shop/__init__.py": "", "shop/domain/__init__.py": "", "shop/api/__init__.py": "", **files}
    write_tree(tmp_path, tree)
    rows = patterns_rows(tmp_path, ".")
    return {str(r["symbol"]) for r in rows if r["pattern"] in patterns}


def test_an_error_hierarchy_mapped_to_statuses_is_no_message(tmp_path: Path) -> None:
    found = _messages(tmp_path, {"shop/domain/errors.py": ERRORS, "shop/api/errors.py": STATUS_MAP})
    assert not found & {"ShopError", "NotFoundError", "ConflictError", "OrderNotFoundError", "DuplicateOrderError"}


def test_plain_classes_mapped_to_their_handlers_are_still_commands(tmp_path: Path) -> None:
    files = {"shop/domain/requests.py": REQUESTS, "shop/api/handlers.py": HANDLER_MAP}
    found = _messages(tmp_path, files, ("cqrs_command",))
    assert {"PlaceOrder", "CancelOrder"} <= found
