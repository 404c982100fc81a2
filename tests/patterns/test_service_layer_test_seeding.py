"""A test module's helper handed a repository alone, with no request to serve (`_seed(db)`:
`db.add(...)` twice), seeds data for its tests: no service. Beside the near miss: a use-case
function in a test module that serves a request through the same repository stays a service.
Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

REPOSITORY = """\
class Customer:
    def __init__(self, code: str, name: str) -> None:
        self.code = code
        self.name = name


class Customers:
    def __init__(self) -> None:
        self._rows: dict[str, Customer] = {}

    def add(self, customer: Customer) -> None:
        self._rows[customer.code] = customer

    def get(self, code: str) -> Customer:
        return self._rows[code]
"""

SEEDING = """\
from app.customers import Customer, Customers


def _seed(customers: Customers) -> None:
    customers.add(Customer("a", "Ann"))
    customers.add(Customer("b", "Bob"))


def test_get() -> None:
    customers = Customers()
    _seed(customers)
    assert customers.get("a").name == "Ann"
"""

SERVING = """\
from app.customers import Customer, Customers


def register(customers: Customers, request: dict[str, str]) -> None:
    customers.add(Customer(request["code"], request["name"]))


def test_register() -> None:
    customers = Customers()
    register(customers, {"code": "a", "name": "Ann"})
    assert customers.get("a").name == "Ann"
"""


def _roles(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/customers.py": REPOSITORY, "tests/test_customers.py": text})
    return roles_of(patterns_rows(tmp_path, ".", "--min-confidence", "0"), "service_layer")


def test_a_test_helper_handed_the_repository_alone_seeds_data(tmp_path: Path) -> None:
    assert _roles(tmp_path, SEEDING) == {}


def test_a_use_case_serving_a_request_in_a_test_module(tmp_path: Path) -> None:
    assert _roles(tmp_path, SERVING) == {"register": "service"}
