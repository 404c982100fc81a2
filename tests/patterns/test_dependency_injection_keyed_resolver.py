"""A class filing providers under the key it is given and resolving a key by calling the
provider filed under it, or building the key itself when none is (`return cls()`), is a
dependency-injection container keyed by class; the same table whose lookup raises when
nothing is filed never instantiates its key (a name-keyed table of creators): no container.
Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

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


def _roles(tmp_path: Path, missing: str) -> dict[str, str]:
    write_tree(tmp_path, {"wiring/injector.py": CODE.replace("{missing}", missing)})
    return roles_of(patterns_rows(tmp_path, "wiring"), "dependency_injection")


def test_building_the_key_itself_when_unbound_is_a_container(tmp_path: Path) -> None:
    assert _roles(tmp_path, "return key()").get("Injector") == "container"


def test_raising_when_unbound_is_a_table_of_creators(tmp_path: Path) -> None:
    assert "Injector" not in _roles(tmp_path, 'raise LookupError(f"nothing bound to {key}")')
