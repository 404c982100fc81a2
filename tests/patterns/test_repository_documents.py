"""A repository may hand its store a document made from the object it receives, keyed by the
object's own fields (`self.redis.set(f"order:{order.id}", json.dumps(order.to_dict()))`), and
rebuild the object from what the store gives back by that key. Beside the near miss: the same
document written under a constant key (one slot, `"orders:last"`) keys nothing of its own.
Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

ORDER = """\
from dataclasses import asdict, dataclass


@dataclass
class Order:
    id: str
    total: int

    def pay(self) -> None:
        self.total = 0

    def to_dict(self) -> dict[str, object]:
        return asdict(self)
"""

KEYED = """\
import json

from app.order import Order


class RedisOrders:
    def __init__(self, redis) -> None:
        self.redis = redis

    def save(self, order: Order) -> None:
        self.redis.set(f"order:{order.id}", json.dumps(order.to_dict()))

    def get(self, order_id: str) -> Order | None:
        raw = self.redis.get(f"order:{order_id}")
        return Order(**json.loads(raw)) if raw else None
"""

ONE_SLOT = KEYED.replace('f"order:{order.id}", json', '"orders:last", json')


def _roles(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/order.py": ORDER, "app/store.py": text})
    return roles_of(patterns_rows(tmp_path, "app", "--min-confidence", "0"), "repository")


def test_documents_keyed_by_the_objects_own_fields(tmp_path: Path) -> None:
    assert _roles(tmp_path, KEYED) == {"RedisOrders": "repository"}


def test_a_document_under_a_constant_key_is_none(tmp_path: Path) -> None:
    assert _roles(tmp_path, ONE_SLOT) == {}
