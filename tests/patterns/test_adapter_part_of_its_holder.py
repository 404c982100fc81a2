"""A class implementing an interface over the class it holds, which hands clients the wrapper
it makes of itself (`as_plugin()` answering `LegacyPlugin(self)`), stays an adapter of that
class; beside its near miss: the held class making the wrapper with `self` and registering it
(`registry.append(LegacyPlugin(self))`), a plug-in part serving its owner, not an adaptee."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

SOURCE = """\
from abc import ABC, abstractmethod


class Plugin(ABC):
    @abstractmethod
    def run(self, text):
        ...

    @abstractmethod
    def name(self):
        ...


class LegacyPlugin(Plugin):
    def __init__(self, owner: "Extension"):
        self.owner = owner

    def run(self, text):
        return self.owner.transform(text)

    def name(self):
        return self.owner.label()


class Extension:
    def transform(self, text):
        return text.upper()

    def label(self):
        return "legacy"

    def {method}:
        {body}
"""

RETURNED = {"method": "as_plugin(self)", "body": "return LegacyPlugin(self)"}
REGISTERED = {"method": "install(self, registry)", "body": "registry.append(LegacyPlugin(self))"}


def _roles(tmp_path: Path, parts: dict[str, str]) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/plugins.py": SOURCE.format(**parts)})
    return roles_of(patterns_rows(tmp_path, "app"), "adapter")


def test_an_adapter_its_adaptee_hands_out(tmp_path: Path) -> None:
    roles = _roles(tmp_path, RETURNED)
    assert roles == {"LegacyPlugin": "adapter", "Plugin": "target", "Extension": "adaptee"}


def test_a_part_its_holder_makes_and_registers(tmp_path: Path) -> None:
    assert _roles(tmp_path, REGISTERED) == {}
