"""A use case loads an object through a collaborator it was handed, by a key it was given,
asks the object to act and hands it back to the same collaborator to store (`task =
self.tasks.find_by_id(task_id); task.postpone(); self.tasks.save(task)`): a service, even when
the collaborator's class is a port of untyped stubs no detector calls a repository. Beside
the near misses: the same round trip by a key of its own (`self.query.chain(klass=Query)`
then `self.query.add_filter(query)`, a compiler) and an object handed to another collaborator
are none. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

PORT = """\
class Tasks:
    def find_by_id(self, task_id):
        pass

    def save(self, task):
        pass
"""

SERVICE = """\
class Postponing:
    def __init__(self, tasks) -> None:
        self.tasks = tasks

    def postpone(self, task_id: int) -> None:
        task = self.tasks.find_by_id(task_id)
        task.postpone()
        self.tasks.save(task)


def close(tasks, command) -> None:
    task = tasks.find_by_id(command.task_id)
    task.close()
    tasks.save(task)
"""

OWN_KEY = """\
class Compiler:
    def __init__(self, query) -> None:
        self.query = query

    def setup(self) -> None:
        query = self.query.chain(klass=dict)
        query.clear_ordering()
        self.query.add_filter("pk__in", query)
"""

ELSEWHERE = """\
class Auditing:
    def __init__(self, tasks, audit) -> None:
        self.tasks = tasks
        self.audit = audit

    def review(self, task_id: int) -> None:
        task = self.tasks.find_by_id(task_id)
        task.review()
        self.audit.add(task)
"""


def _roles(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/tasks.py": PORT, "app/use_cases.py": text})
    return roles_of(patterns_rows(tmp_path, "app", "--min-confidence", "0"), "service_layer")


def test_a_load_act_store_round_trip_is_a_use_case(tmp_path: Path) -> None:
    assert _roles(tmp_path, SERVICE) == {"Postponing": "service", "close": "service"}


def test_a_round_trip_by_a_key_of_its_own_is_none(tmp_path: Path) -> None:
    assert _roles(tmp_path, OWN_KEY) == {}


def test_an_object_handed_to_another_collaborator_is_none(tmp_path: Path) -> None:
    assert _roles(tmp_path, ELSEWHERE) == {}
