"""A message may be made into a local first and then handed to a call that only sends
(`event = OrderShipped(...); self.publisher.publish_event(event)`, `bus.dispatch(event)`):
it is sent as much as one made inside the call. Beside the near misses: the same local handed
to a queue's `put` (as often a record stored as a message sent) or to a chat client's
`send_message` is no message. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

EVENT = """\
from dataclasses import dataclass


@dataclass
class OrderShipped:
    order_id: str
    carrier: str
"""

SERVICE = """\
from app.events import OrderShipped


class Shipping:
    def __init__(self, orders, publisher) -> None:
        self.orders = orders
        self.publisher = publisher

    def ship(self, order_id: str, carrier: str) -> None:
        order = self.orders.get(order_id)
        order.ship(carrier)
        event = OrderShipped(order_id=order_id, carrier=carrier)
        self.publisher.{call}(event)
"""


def _events(tmp_path: Path, call: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/events.py": EVENT, "app/shipping.py": SERVICE.format(call=call)})
    return roles_of(patterns_rows(tmp_path, "app", "--min-confidence", "0"), "domain_event")


def test_a_local_handed_to_publish_event_is_sent(tmp_path: Path) -> None:
    assert _events(tmp_path, "publish_event") == {"OrderShipped": "event"}


def test_a_local_handed_to_dispatch_is_sent(tmp_path: Path) -> None:
    assert _events(tmp_path, "dispatch") == {"OrderShipped": "event"}


def test_a_local_put_on_a_queue_is_no_message(tmp_path: Path) -> None:
    assert _events(tmp_path, "put") == {}


def test_a_local_handed_to_send_message_is_no_message(tmp_path: Path) -> None:
    assert _events(tmp_path, "send_message") == {}
