"""A loop asking each kept element for data it then searches (`[c for c in self.undo_list if
path in c.touched()]`) reads the elements, it tells them nothing: no subject. Beside it, the
same loop telling each element of the change stays a notification. Through `agentls patterns`
run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

HISTORY = """\
class History:
    def __init__(self):
        self.undo_list = []

    def record(self, change):
        self.undo_list.append(change)

    def {name}(self, path):
        {body}
"""

SEARCHED = """return [
            change
            for change in self.undo_list
            if path in change.touched()
        ]"""

TOLD = """for change in self.undo_list:
            change.path_moved(path)"""


def test_answers_searched_are_no_notification(tmp_path: Path) -> None:
    write_tree(tmp_path, {"history.py": HISTORY.format(name="changes_of", body=SEARCHED)})
    assert roles_of(patterns_rows(tmp_path), "observer") == {}


def test_each_told_of_the_move_is_notified(tmp_path: Path) -> None:
    write_tree(tmp_path, {"history.py": HISTORY.format(name="moved", body=TOLD)})
    assert roles_of(patterns_rows(tmp_path), "observer").get("History") == "subject"
