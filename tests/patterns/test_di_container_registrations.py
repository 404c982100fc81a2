"""A module function handed a DI container (`def install(container: punq.Container)`) that
registers two or more of the program's classes on it (`container.register(Inbox)`) wires the
object graph: a `composition_root`, through `agentls patterns` run as a subprocess. The near
miss: the same calls on a parameter typed as a plugin registry: registering plugins by class is
bookkeeping of another kind, no container is wired."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

PARTS = (
    "class Inbox:\n    def __init__(self) -> None:\n        self.items: list[str] = []\n\n\n"
    "class Mailer:\n    def __init__(self, inbox: Inbox) -> None:\n        self.inbox = inbox\n"
)


def _roots(tmp_path: Path, wiring: str) -> dict[str, str]:
    write_tree(tmp_path, {"post/__init__.py": "", "post/parts.py": PARTS, "post/setup_parts.py": wiring})
    return roles_of(patterns_rows(tmp_path, "post"), "dependency_injection")


def test_registering_classes_on_a_container_is_a_composition_root(tmp_path: Path) -> None:
    found = _roots(
        tmp_path,
        "import punq\n\nfrom post.parts import Inbox, Mailer\n\n\n"
        "def install(container: punq.Container) -> None:\n"
        "    container.register(Inbox)\n    container.register(Mailer)\n",
    )
    assert found.get("install") == "composition_root"


def test_registering_classes_on_a_plugin_registry_is_not(tmp_path: Path) -> None:
    found = _roots(
        tmp_path,
        "from post.parts import Inbox, Mailer\n\n\nclass PluginRegistry:\n"
        "    def __init__(self) -> None:\n        self.kinds: list[type] = []\n\n"
        "    def register(self, kind: type) -> None:\n        self.kinds.append(kind)\n\n\n"
        "def install(registry: PluginRegistry) -> None:\n"
        "    registry.register(Inbox)\n    registry.register(Mailer)\n",
    )
    assert "install" not in found
