"""An invoker keeping a history of GoF commands (`execute(self, command: Command)` calling
`command.execute()`, each subclass doing its own work on a receiver) takes the base of a
hierarchy in which no class carries data only: neither that base is a CQRS command nor the
invoker its handler. Beside the near miss: the same base whose subclasses are data-only
messages, taken by a handler class that stores through its repository, is still a command and
its handler. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

GOF = """\
class Document:
    def __init__(self) -> None:
        self.text = ""


class Command:
    def execute(self) -> None:
        raise NotImplementedError

    def undo(self) -> None:
        raise NotImplementedError


class Append(Command):
    def __init__(self, doc: Document, text: str) -> None:
        self.doc = doc
        self.text = text

    def execute(self) -> None:
        self.doc.text += self.text

    def undo(self) -> None:
        self.doc.text = self.doc.text[: -len(self.text)]


class Clear(Command):
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.old = ""

    def execute(self) -> None:
        self.old, self.doc.text = self.doc.text, ""

    def undo(self) -> None:
        self.doc.text = self.old


class History:
    def __init__(self) -> None:
        self._done: list[Command] = []

    def execute(self, command: Command) -> None:
        command.execute()
        self._done.append(command)

    def undo(self) -> None:
        if self._done:
            self._done.pop().undo()
"""

CQRS = """\
from dataclasses import dataclass


class Command:
    pass


@dataclass(frozen=True)
class AppendText(Command):
    doc_id: str
    text: str


@dataclass(frozen=True)
class ClearText(Command):
    doc_id: str


class DocumentRepository:
    def __init__(self) -> None:
        self._texts: dict[str, str] = {}

    def get(self, doc_id: str) -> str:
        return self._texts.get(doc_id, "")

    def save(self, doc_id: str, text: str) -> None:
        self._texts[doc_id] = text


class EditHandler:
    def __init__(self, documents: DocumentRepository) -> None:
        self.documents = documents

    def execute(self, command: Command) -> None:
        text = self.documents.get(command.doc_id)
        self.documents.save(command.doc_id, text + getattr(command, "text", ""))
"""


def _cqrs(tmp_path: Path, source: str) -> set[tuple[str, str]]:
    write_tree(tmp_path, {"editor/__init__.py": "", "editor/edits.py": source})
    rows = patterns_rows(tmp_path, ".")
    return {(str(r["symbol"]), str(r["role"])) for r in rows if str(r["pattern"]).startswith("cqrs_")}


def test_an_invoker_of_gof_commands_is_no_cqrs_handler(tmp_path: Path) -> None:
    found = _cqrs(tmp_path, GOF)
    assert not {symbol for symbol, _ in found} & {"Command", "History", "Append", "Clear"}


def test_a_handler_of_a_data_only_command_hierarchy_is_still_one(tmp_path: Path) -> None:
    found = _cqrs(tmp_path, CQRS)
    assert {("Command", "command"), ("EditHandler", "command_handler")} <= found
