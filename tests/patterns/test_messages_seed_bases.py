"""A DDD seedwork declares its message bases before anything derives from them
(`class Command(ABC): pass` in `application/command.py`, `class Query` offering only
`as_dict()` in `application/query.py`): with no handler, bus or sibling yet, the name, the
module named for it and the empty body say "message base". Beside the near misses: the same
`Command` declaring `execute()` (a GoF command interface), and an empty `Command` in a module
named for something else. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, role_map, write_tree

EMPTY = """\
from abc import ABC


class Command(ABC):
    \"\"\"Base of the application's commands.\"\"\"
"""

QUERY = """\
class Query:
    def as_dict(self) -> dict:
        return self.__dict__
"""

GOF = """\
from abc import ABC, abstractmethod


class Command(ABC):
    @abstractmethod
    def execute(self) -> None: ...
"""


def _rows(tmp_path: Path, files: dict[str, str]) -> dict[tuple[str, str], str]:
    write_tree(tmp_path, files)
    return role_map(patterns_rows(tmp_path, "app", "--min-confidence", "0"))


def test_an_empty_command_base_in_command_py_is_a_command(tmp_path: Path) -> None:
    rows = _rows(tmp_path, {"app/application/command.py": EMPTY, "app/application/query.py": QUERY})
    assert rows.get(("Command", "cqrs_command")) == "command"
    assert rows.get(("Query", "cqrs_query")) == "query"


def test_a_command_base_declaring_execute_is_no_cqrs_command(tmp_path: Path) -> None:
    assert ("Command", "cqrs_command") not in _rows(tmp_path, {"app/application/command.py": GOF})


def test_an_empty_command_elsewhere_is_no_cqrs_command(tmp_path: Path) -> None:
    assert ("Command", "cqrs_command") not in _rows(tmp_path, {"app/application/shell.py": EMPTY})
