"""Events routed by `functools.singledispatch`: handlers registered on the generic function by
the type of their first parameter (`@dispatch.register def on_created(event: AccountOpened)`)
make those data-only classes messages, read as events by their names, and the registered
functions their handlers; the generic function itself routes and handles nothing. The near
miss: the same idiom overloading a function for plain data shapes (`Circle`, `Square`) names
no message of any kind."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, role_map, write_tree

CODE = """\
import functools
from dataclasses import dataclass


class {base}:
    pass


@dataclass
class {first}({base}):
    id: int
    size: float


@dataclass
class {second}({base}):
    id: int
    size: float


@functools.singledispatch
def dispatch(item: {base}) -> None:
    raise NotImplementedError


@dispatch.register
def on_first(item: {first}) -> None:
    print("first", item.id)


@dispatch.register
def on_second(item: {second}) -> None:
    print("second", item.size)
"""


def _roles(tmp_path: Path, base: str, first: str, second: str) -> dict[tuple[str, str], str]:
    code = CODE.format(base=base, first=first, second=second)
    write_tree(tmp_path, {"bank/__init__.py": "", "bank/handling.py": code})
    return {k: v for k, v in role_map(patterns_rows(tmp_path, "bank")).items() if k[1] == "domain_event"}


def test_handlers_registered_by_event_type(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "Event", "AccountOpened", "AccountClosed")
    assert roles.get(("AccountOpened", "domain_event")) == "event"
    assert roles.get(("AccountClosed", "domain_event")) == "event"
    assert roles.get(("on_first", "domain_event")) == "event_handler"
    assert roles.get(("on_second", "domain_event")) == "event_handler"
    assert ("dispatch", "domain_event") not in roles


def test_overloads_for_plain_shapes(tmp_path: Path) -> None:
    assert _roles(tmp_path, "Shape", "Circle", "Square") == {}
