"""A class filing providers under the key it is given and resolving a key by calling the
provider filed under it, or building the key itself when none is (`return cls()`), is a
dependency-injection container keyed by class; the same table whose lookup raises when
nothing is filed never instantiates its key (a name-keyed table of creators): no container.
Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.patterns.cli import patterns_rows, roles_of, write_tree

CODE = """\
class Injector:
    def __init__(self) -> None:
        self._providers: dict = {}

    def bind(self, key, provider) -> None:
        self._providers[key] = provider

    def get(self, key):
        provider = self._providers.get(key)
        if provider is not None:
            return provider()
        {missing}
"""


def _rows(tmp_path: Path, missing: str) -> list[dict[str, Any]]:
    write_tree(tmp_path, {"wiring/injector.py": CODE.replace("{missing}", missing)})
    return patterns_rows(tmp_path, "wiring")


def test_building_the_key_itself_when_unbound_is_a_container(tmp_path: Path) -> None:
    assert roles_of(_rows(tmp_path, "return key()"), "dependency_injection").get("Injector") == "container"


def test_raising_when_unbound_is_a_table_of_creators(tmp_path: Path) -> None:
    rows = _rows(tmp_path, 'raise LookupError(f"nothing bound to {key}")')
    assert "Injector" not in roles_of(rows, "dependency_injection")
    assert roles_of(rows, "registry").get("Injector") == "registry"
