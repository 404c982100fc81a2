"""A provider module may consist of binders: a method binding an imported type to what
provides it on a binder it receives (`binder.bind(Session, to=...)`). The near miss: a
callback handed a client that it logs through with an imported constant
(`client.log(WARNING, ...)`), a policy object's hook, binds no type."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

MODULE = """\
from logging import WARNING

from sqlalchemy.orm import Session


class {name}:
    def {method}(self, {receiver}, host: str) -> None:
        {receiver}.{call}({first}, host)
"""


def _roots(tmp_path: Path, **parts: str) -> set[str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/wiring.py": MODULE.format(**parts)})
    rows = patterns_rows(tmp_path, "app")
    return {str(r["symbol"]) for r in rows if r["pattern"] == "dependency_injection"}


def test_a_binder_binding_an_imported_type(tmp_path: Path) -> None:
    found = _roots(tmp_path, name="DatabaseModule", method="configure", receiver="binder", call="bind", first="Session")
    assert found == {"DatabaseModule"}


def test_a_hook_logging_with_an_imported_constant(tmp_path: Path) -> None:
    found = _roots(tmp_path, name="WarnPolicy", method="missing_key", receiver="client", call="log", first="WARNING")
    assert found == set()
