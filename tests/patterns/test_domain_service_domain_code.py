"""A module function weighing two identity-bearing objects (equal by their id) and touching
no infrastructure is a domain service in domain code (a `domain` package); the same function
and classes in a library's package (a task queue's `release(worker, job)`) weigh no domain
model: no domain service. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

CODE = """\
class Worker:
    def __init__(self, id: str) -> None:
        self.id = id
        self.busy = False

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Worker) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)

    def free(self) -> None:
        self.busy = False


class Job:
    def __init__(self, id: str, worker_id: str) -> None:
        self.id = id
        self.worker_id = worker_id

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Job) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)

    def reassign(self, worker_id: str) -> None:
        self.worker_id = worker_id


def release(worker: Worker, job: Job) -> bool:
    if job.worker_id != worker.id:
        return False
    worker.free()
    return True
"""


def test_a_function_weighing_two_entities_in_domain_code_is_a_domain_service(tmp_path: Path) -> None:
    write_tree(tmp_path, {"plant/__init__.py": "", "plant/domain/__init__.py": "", "plant/domain/jobs.py": CODE})
    assert roles_of(patterns_rows(tmp_path, "plant"), "domain_service").get("release") == "domain_service"


def test_the_same_function_in_a_library_package_is_none(tmp_path: Path) -> None:
    write_tree(tmp_path, {"tasks/__init__.py": "", "tasks/jobs.py": CODE})
    assert "release" not in roles_of(patterns_rows(tmp_path, "tasks"), "domain_service")
