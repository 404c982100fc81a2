"""A message appended to a list handed in by the caller (an outbox) is sent, so it may be a
domain event; the same message appended to a list the function makes and returns, outside a
domain package, is a result collected for the caller (a library's notifications), not a send.
In a domain package the returned list stays a send (a decider returning the events it made).
Through `agentls patterns` run as a subprocess, each form beside its one-change near miss."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

HANDED = """\
class JobFinished:
    def __init__(self, job_id: str) -> None:
        self.job_id = job_id


def run(job_id: str, outbox: list) -> None:
    outbox.append(JobFinished(job_id))
"""

# One change: the list is the function's own, returned to the caller.
MADE = """\
class JobFinished:
    def __init__(self, job_id: str) -> None:
        self.job_id = job_id


def run(job_id: str) -> list:
    outbox = []
    outbox.append(JobFinished(job_id))
    return outbox
"""


def _events(tmp_path: Path, rel: str, text: str) -> dict[str, str]:
    write_tree(tmp_path, {rel: text})
    rows = patterns_rows(tmp_path, "app")
    return {str(r["symbol"]): str(r["role"]) for r in rows if r["pattern"] == "domain_event"}


def test_a_message_appended_to_a_list_the_caller_hands_in(tmp_path: Path) -> None:
    assert _events(tmp_path, "app/jobs.py", HANDED) == {"JobFinished": "event"}


def test_a_message_appended_to_the_functions_own_list(tmp_path: Path) -> None:
    assert _events(tmp_path, "app/jobs.py", MADE) == {}


def test_the_functions_own_list_in_a_domain_package(tmp_path: Path) -> None:
    assert _events(tmp_path, "app/domain/jobs.py", MADE) == {"JobFinished": "event"}
