"""A domain package's family of data-only events nothing publishes yet (a dataclass base with an
`event_id`, two or more dataclass subclasses, every one named as an event): `event`s, and not
entities for the `<noun>_id` they carry, through `agentls patterns` run as a subprocess. The
near miss: the same family in a reporting package outside the domain, where a class named as an
event with no publisher is only a record."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

FAMILY = (
    "from dataclasses import dataclass\nfrom datetime import datetime\n\n\n"
    "@dataclass\nclass ShopEvent:\n    event_id: str\n    at: datetime\n\n\n"
    "@dataclass\nclass OrderPlacedEvent(ShopEvent):\n    order_ref: str\n    total: int\n\n\n"
    "@dataclass\nclass OrderCancelledEvent(ShopEvent):\n    order_ref: str\n"
)
NAMES = {"ShopEvent", "OrderPlacedEvent", "OrderCancelledEvent"}


def test_unpublished_event_family_of_the_domain(tmp_path: Path) -> None:
    write_tree(tmp_path, {"shop/__init__.py": "", "shop/domain/__init__.py": "", "shop/domain/happenings.py": FAMILY})
    rows = patterns_rows(tmp_path, "shop")
    events = roles_of(rows, "domain_event")
    assert {n: events.get(n) for n in NAMES} == dict.fromkeys(NAMES, "event")
    assert not NAMES & set(roles_of(rows, "entity"))


def test_the_same_family_outside_the_domain_is_no_event(tmp_path: Path) -> None:
    write_tree(tmp_path, {"shop/__init__.py": "", "shop/reports/__init__.py": "", "shop/reports/happenings.py": FAMILY})
    assert not NAMES & set(roles_of(patterns_rows(tmp_path, "shop"), "domain_event"))
