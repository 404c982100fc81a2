"""An originator keeping its own snapshots (`self.mementos.append(Memento(self.title,
self.text))`) and restoring from an entry of that history (`memento = self.mementos[-2]`,
`self.text = memento.text`), through `agentls patterns` run as a subprocess: a memento.
Near miss: the same history of plain strings read back (`self.text = self.versions[-2]`), no
snapshot object, no memento."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

SNAPSHOTS = """\
class Memento:
    def __init__(self, title: str, text: str) -> None:
        self.title = title
        self.text = text


class Document:
    def __init__(self, title: str) -> None:
        self.title = title
        self.text = ""
        self.mementos: list[Memento] = [Memento(self.title, self.text)]

    def append_text(self, text: str) -> None:
        self.text += text
        self.save_state()

    def save_state(self) -> None:
        self.mementos.append(Memento(self.title, self.text))

    def rollback(self) -> None:
        memento = self.mementos[-2]
        self.title = memento.title
        self.text = memento.text
"""

STRINGS = """\
class Document:
    def __init__(self, title: str) -> None:
        self.title = title
        self.text = ""
        self.versions: list[str] = [self.text]

    def append_text(self, text: str) -> None:
        self.text += text
        self.versions.append(self.text)

    def rollback(self) -> None:
        self.text = self.versions[-2]
"""


def _mementos(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/doc.py": text})
    return {str(r["symbol"]): str(r["role"]) for r in patterns_rows(tmp_path, "app") if r["pattern"] == "memento"}


def test_an_originator_keeping_its_own_snapshots_is_a_memento(tmp_path: Path) -> None:
    found = _mementos(tmp_path, SNAPSHOTS)
    assert found.get("Document") == "originator" and found.get("Memento") == "memento"


def test_a_history_of_plain_values_is_no_memento(tmp_path: Path) -> None:
    assert "Document" not in _mementos(tmp_path, STRINGS)
