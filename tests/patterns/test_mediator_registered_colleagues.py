"""A mediator keeping its colleagues in an untyped list the program fills with new
colleagues (`company.register(Taxi("111", company))`), each colleague reporting to it with
itself (`self.company.notify_event("busy", self)`), through `agentls patterns` run as a
subprocess; beside its near miss: the same classes where the program registers only names
(`company.register("111")`), so nothing shows the list holds colleagues."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

SOURCE = """\
class Taxi:
    def __init__(self, plate, company):
        self.plate = plate
        self.company = company

    def ride(self, where):
        print(where)
        self.company.notify_event("busy", self)


class TaxiCompany:
    def __init__(self):
        self.taxis = []

    def register(self, taxi):
        self.taxis.append(taxi)

    def notify_event(self, event, taxi):
        print(event)
        for t in self.taxis:
            if t == taxi:
                self.taxis.remove(taxi)
                break


company = TaxiCompany()
{registered}
"""


def _roles(tmp_path: Path, registered: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/taxis.py": SOURCE.format(registered=registered)})
    return roles_of(patterns_rows(tmp_path, "app"), "mediator")


def test_colleagues_registered_by_the_program(tmp_path: Path) -> None:
    roles = _roles(tmp_path, 'company.register(Taxi("111", company))')
    assert roles == {"TaxiCompany": "mediator", "Taxi": "colleague"}


def test_names_registered_show_no_colleagues(tmp_path: Path) -> None:
    assert _roles(tmp_path, 'company.register("111")') == {}
