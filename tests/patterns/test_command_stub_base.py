"""A command interface written as a plain base keeping the receiver its constructor is handed,
its requests empty (`def execute(self): pass`, `def undo(self): pass`), two subclasses filling
them in and an invoker running and undoing them, through `agentls patterns` run as a
subprocess: a command family. Near miss: the same base with a request of its own that does
something (`describe()` answering text), an abstract class with behaviour, not read as the
command interface."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

EDITOR = """\
class Screen:
    def __init__(self, text: str = "") -> None:
        self.text = text

    def cut(self, start: int, end: int) -> None:
        self.text = self.text[:start] + self.text[end:]

    def paste(self, offset: int, piece: str) -> None:
        self.text = self.text[:offset] + piece + self.text[offset:]


class ScreenCommand:
    def __init__(self, screen: Screen) -> None:
        self.screen = screen
        self.previous = screen.text

    def execute(self):
        pass

    def undo(self):
        pass
{extra}

class CutCommand(ScreenCommand):
    def __init__(self, screen: Screen, start: int, end: int) -> None:
        super().__init__(screen)
        self.start, self.end = start, end

    def execute(self):
        self.screen.cut(self.start, self.end)

    def undo(self):
        self.screen.text = self.previous


class PasteCommand(ScreenCommand):
    def __init__(self, screen: Screen, offset: int, piece: str) -> None:
        super().__init__(screen)
        self.offset, self.piece = offset, piece

    def execute(self):
        self.screen.paste(self.offset, self.piece)

    def undo(self):
        self.screen.text = self.previous


class ScreenInvoker:
    def __init__(self) -> None:
        self.history: list[ScreenCommand] = []

    def store_and_execute(self, command: ScreenCommand) -> None:
        command.execute()
        self.history.append(command)

    def undo_last(self) -> None:
        if self.history:
            self.history.pop().undo()
"""

DESCRIBE = """
    def describe(self) -> str:
        return type(self).__name__ + " on " + self.screen.text
"""


def _commands(tmp_path: Path, extra: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/editor.py": EDITOR.format(extra=extra)})
    return {str(r["symbol"]): str(r["role"]) for r in patterns_rows(tmp_path, "app") if r["pattern"] == "command"}


def test_a_plain_base_of_empty_requests_keeping_the_receiver_is_a_command(tmp_path: Path) -> None:
    found = _commands(tmp_path, "")
    assert found.get("ScreenCommand") == "command"
    assert found.get("CutCommand") == "concrete_command" and found.get("PasteCommand") == "concrete_command"
    assert found.get("ScreenInvoker") == "invoker"


def test_a_base_with_a_request_of_its_own_is_no_command_interface(tmp_path: Path) -> None:
    assert "ScreenCommand" not in _commands(tmp_path, DESCRIBE)
