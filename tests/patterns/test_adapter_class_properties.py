"""A class deriving from two unrelated classes that serves a property of one by reading
differently named properties inherited from the other (`address` from `self.number` and
`self.street`) is a class adapter; beside its near miss: the same property reading a name
both bases offer (`self.name`), which translates nothing."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

SOURCE = """\
class Supplier:
    def __init__(self, name, number, street):
        self._name = name
        self._number = number
        self._street = street

    @property
    def name(self):
        return self._name

    @property
    def number(self):
        return self._number

    @property
    def street(self):
        return self._street


class Client:
    def __init__(self, name, address):
        self._name = name
        self._address = address

    @property
    def name(self):
        return self._name

    @property
    def address(self):
        return self._address


class SupplierAsClient(Supplier, Client):
    @property
    def address(self):
        return {body}
"""


def _roles(tmp_path: Path, body: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/parties.py": SOURCE.format(body=body)})
    return roles_of(patterns_rows(tmp_path, "app"), "adapter")


def test_inherited_properties_read_under_another_name(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "f'{self.number} {self.street}'")
    assert roles == {"SupplierAsClient": "adapter", "Client": "target", "Supplier": "adaptee"}


def test_a_name_both_bases_offer(tmp_path: Path) -> None:
    assert _roles(tmp_path, "self.name") == {}
