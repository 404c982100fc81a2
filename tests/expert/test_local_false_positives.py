"""`agentls review --local` as a subprocess, on small fixtures that reproduce what the local
expert got wrong on real code (issue 11): `cached_property` proposed for a class with
`__slots__` (GitPython's `Git.version_info`) or one that resets the cached value, a layer
violation for adapters importing the application's abstract ports, overloads and property
pairs listed as separate responsibilities, and split advice on classes whose methods hang
together. Each case also has its positive twin, so the test fails if the advice vanishes."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from tests.conftest import AGENTLS

LAZY = '''import subprocess


class Probe:{slots}
    def __init__(self, cmd):
        self.cmd = cmd
        self._version = None

    @property
    def version(self):
        if self._version is None:
            self._version = subprocess.check_output(self.cmd)
        return self._version
{extra}'''

SLOTS = '\n    __slots__ = ("cmd", "_version")\n'
RESET = '''
    def refresh(self):
        self._version = None
'''
DELETE = '''
    def forget(self):
        del self._version
'''
SETATTR = '''
    def __setattr__(self, name, value):
        if name == "cmd" and hasattr(self, "cmd"):
            raise AttributeError("read-only")
        object.__setattr__(self, name, value)
'''

# celery's request `Context`: filled and cleared through its `__dict__`
OWN_DICT = """
    def update(self, **fields):
        self.__dict__.update(fields)
"""
# celery's `Celery.backend`: the cache is a property that stores per thread
BACKED = """
    @property
    def _version(self):
        return getattr(self._local, "version", None)

    @_version.setter
    def _version(self, value):
        self._local.version = value
"""


def review(ws: Path, rel: str) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANTHROPIC_")}
    env.update(XDG_CACHE_HOME=str(ws.parent / "cache"), HOME=str(ws.parent / "home"))
    done = subprocess.run([*AGENTLS, "review", rel, "--local", "--format", "json",
                           "--no-cache", "--no-user-agents"], cwd=ws, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    answer: dict[str, object] = json.loads(done.stdout)
    return answer


def titles(answer: dict[str, object]) -> list[str]:
    return [str(s["title"]) for s in answer["suggestions"]]  # type: ignore[attr-defined]


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_cached_property_only_where_it_is_a_drop_in(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    cases = {"plain": ("", ""), "slots": (SLOTS, ""), "reset": ("", RESET), "deleted": ("", DELETE),
             "setattr": ("", SETATTR), "own_dict": ("", OWN_DICT), "backed": ("", BACKED)}
    for name, (slots, extra) in cases.items():
        write(ws / f"{name}.py", LAZY.format(slots=slots, extra=extra))
    offered = {name: titles(review(ws, f"{name}.py")) for name in cases}
    # the positive twin: a plain lazy property is a drop-in for cached_property
    assert offered["plain"] == ["Make `Probe.version` a `functools.cached_property`"]
    # __slots__ leave no instance __dict__; a reset, a `del`, a custom __setattr__, a class that
    # manages its own __dict__ or a cache that is itself a property are semantics that
    # cached_property would not keep
    for name in ("slots", "reset", "deleted", "setattr", "own_dict", "backed"):
        assert offered[name] == [], (name, offered[name])


PORTS = '''from abc import ABC, abstractmethod


class Notifier(ABC):
    @abstractmethod
    def send(self, to, text): ...
'''


def test_adapters_importing_the_applications_abstract_ports_is_not_a_layer_violation(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    write(ws / "shop/__init__.py", "")
    write(ws / "shop/domain/model.py", "class Order:\n    pass\n")
    write(ws / "shop/service_layer/ports.py", PORTS)
    write(ws / "shop/service_layer/handlers.py", PORTS.replace("Notifier", "Clock").replace("send(self, to, text)",
                                                                                               "now(self)")
          + "\n\ndef place(order):\n    return order\n")
    write(ws / "shop/adapters/email.py",
          "from shop.service_layer.ports import Notifier\n\n\nclass EmailNotifier(Notifier):\n"
          "    def send(self, to, text):\n        print(to, text)\n")
    write(ws / "shop/adapters/clock.py",
          "from shop.service_layer.handlers import Clock\n\n\nclass SystemClock(Clock):\n"
          "    def now(self):\n        return 0\n")
    # an abstract repository whose ABC is a generic base elsewhere, next to a re-exported entity
    write(ws / "shop/domain/base.py", "from abc import ABC\n\n\nclass Repository(ABC):\n    pass\n")
    write(ws / "shop/service_layer/repository.py",
          "from abc import abstractmethod\n\nfrom shop.domain.base import Repository\n"
          "from shop.domain.model import Order\n\n\nclass OrderRepository(Repository):\n"
          "    @abstractmethod\n    def get(self, ref): ...\n")
    write(ws / "shop/adapters/sql.py",
          "from shop.service_layer.repository import Order, OrderRepository\n\n\n"
          "class SqlOrders(OrderRepository):\n    def get(self, ref):\n        return Order()\n")
    write(ws / "shop/adapters/orders.py",
          "from shop.service_layer.handlers import place\n\n\ndef save(order):\n    return place(order)\n")
    # a module named for ports, and an ABC from a module with another name: both abstractions
    assert not [t for t in titles(review(ws, "shop/adapters/email.py")) if t.startswith("Invert")]
    assert not [t for t in titles(review(ws, "shop/adapters/clock.py")) if t.startswith("Invert")]
    assert not [t for t in titles(review(ws, "shop/adapters/sql.py")) if t.startswith("Invert")]
    # the positive twin: an adapter calling a concrete service function is still a violation
    assert titles(review(ws, "shop/adapters/orders.py")) == [
        "Invert the dependency on `shop.service_layer.handlers` behind a protocol"]


# A god class at lowered thresholds whose two halves share no fields; each half has overloads
# and a property with a setter, which are one method each.
SPLIT = '''from typing import overload


class Desk:
    def __init__(self, repo, mailer):
        self.repo = repo
        self.mailer = mailer
        self._limit = 3

    @overload
    def add(self, order: int) -> None: ...
    @overload
    def add(self, order: str) -> None: ...
    def add(self, order):
        self.repo.add(order)

    def remove(self, order):
        if order.placed:
            self.repo.remove(order)

    def find(self, oid):
        return self.repo.get(oid)

    @property
    def limit(self):
        return self._limit

    @limit.setter
    def limit(self, value):
        self._limit = value

    def confirm(self, order):
        if self._limit:
            self.mailer.send(order)

    def remind(self, order):
        self.mailer.send(order, self._limit)
'''
LOW = "[tool.agentls.patterns.god-class]\natfd = 0\nwmc = 6\ntcc = 0.5\n"


def test_overloads_and_property_pairs_are_one_method(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    write(ws / "pyproject.toml", LOW)
    write(ws / "desk.py", SPLIT)
    answer = review(ws, "desk.py")
    split = [s for s in answer["suggestions"] if str(s["title"]).startswith("Split `Desk`")]  # type: ignore[attr-defined]
    assert len(split) == 1, answer
    rationale = str(split[0]["rationale"])
    assert "{`add`, `remove`, `find`} use `self.repo`" in rationale
    assert "{`limit`, `confirm`, `remind`} use `self._limit`, `self.mailer`" in rationale
    assert rationale.count("`add`") == 1 and rationale.count("`limit`") == 1


# The engine calls it a god class at these thresholds (its public methods reach the state through
# private helpers, so they share no field directly and TCC is 0), but all its methods work on
# the same state: no split, and no method complex enough to simplify.
COHESIVE = '''class Counter:
    def __init__(self):
        self.items = {}
        self.total = 0

    def add(self, key, n=1):
        if n < 0:
            raise ValueError(n)
        self._bump(key, n)

    def remove(self, key):
        self._bump(key, -self._count(key))

    def most(self):
        return self._top()

    def share(self, key):
        return self._count(key) / max(self._size(), 1)

    def merge(self, other):
        for key, n in other.items.items():
            self._bump(key, n)

    def _bump(self, key, n):
        self.items[key] = self.items.get(key, 0) + n
        self.total += n

    def _count(self, key):
        return self.items.get(key, 0)

    def _top(self):
        return max(self.items, key=self.items.get) if self.items else None

    def _size(self):
        return self.total
'''


def test_cohesive_class_gets_no_split_advice(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    write(ws / "pyproject.toml", "[tool.agentls.patterns.god-class]\natfd = 0\nwmc = 5\ntcc = 0.5\n")
    write(ws / "counter.py", COHESIVE)
    answer = review(ws, "counter.py")
    # the engine's verdict stands and is named; there is nothing to split or simplify
    assert titles(answer) == []
    assert "`Counter` is a god class by the engine's measures" in str(answer["summary"])
    assert "no specific change to suggest" in str(answer["summary"])
