"""A test case is no god class: its test methods are independent by design (low cohesion) and
read many attributes of what they test. The same body is a god class in production code and
as a test module's helper class (a double), and is not as a `Test...` class or a `test_...`
one (suites that set pytest's `python_classes = test_*`). Thresholds lowered in pyproject so
a small body crosses them. A double nested in such a `test_...` case keeps its role."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

LOW = "[tool.agentls.patterns.god-class]\natfd = 1\nwmc = 8\ntcc = 0.5\n"

BODY = """\
class {name}:
    def __init__(self):
        self.orders = []
        self.mailer = None

    def check_place(self, order):
        if order.total > 0 and order.lines:
            self.orders.append(order)

    def check_cancel(self, order):
        if order.state == "open" or order.paid:
            order.state = "cancelled"

    def check_find(self, oid):
        return [o for o in self.orders if o.id == oid]

    def check_remind(self, order):
        if order.email:
            self.mailer.send(order.email)

    def check_totals(self, orders):
        return sum(o.total for o in orders if o.paid)
"""


def _gods(tmp_path: Path, path: str, name: str) -> list[str]:
    write_tree(tmp_path, {"pyproject.toml": LOW, path: BODY.format(name=name)})
    rows = patterns_rows(tmp_path, ".")
    return [str(r["symbol"]) for r in rows if r["pattern"] == "god_class"]


def test_the_body_in_production_code_is_a_god_class(tmp_path: Path) -> None:
    assert _gods(tmp_path, "app/orders.py", "OrderChecks") == ["OrderChecks"]


def test_the_body_as_a_test_modules_helper_is_still_measured(tmp_path: Path) -> None:
    assert _gods(tmp_path, "tests/test_orders.py", "OrderChecks") == ["OrderChecks"]


def test_a_pytest_test_class_is_none(tmp_path: Path) -> None:
    assert _gods(tmp_path, "tests/test_orders.py", "TestOrders") == []


def test_a_test_underscore_class_is_none(tmp_path: Path) -> None:
    assert _gods(tmp_path, "t/unit/test_orders.py", "test_Orders") == []


NESTED = """\
from app.pools import PoolGroup


class test_PoolGroup:
    class MyGroup(PoolGroup):
        def create(self, resource):
            return resource

    def test_create(self):
        assert self.MyGroup().acquire("x") == "x"
"""

POOLS = """\
class PoolGroup(dict):
    def acquire(self, resource):
        if resource not in self:
            self[resource] = self.create(resource)
        return self[resource]

    def create(self, resource):
        raise NotImplementedError
"""


def test_a_double_nested_in_a_test_underscore_class_keeps_its_role(tmp_path: Path) -> None:
    files = {"app/__init__.py": "", "app/pools.py": POOLS, "t/unit/test_pools.py": NESTED}
    write_tree(tmp_path, files)
    rows = patterns_rows(tmp_path, ".")
    found = {(str(r["symbol"]), str(r["role"])) for r in rows if r["path"] == "t/unit/test_pools.py"}
    assert ("test_PoolGroup.MyGroup", "concrete_class") in found
    assert not [s for s, _ in found if s == "test_PoolGroup" or s.startswith("test_PoolGroup.test")]
