"""A worker serving one client connection: it makes the connection's channel and, when the
handshake fails, formats the failure with a function of the program's errors module (every
class there an exception). Through `agentls patterns` run as a subprocess: the errors module's
helper reports a failure, it runs no subsystem, so the worker is no facade over the channel
and that module. The near miss: the same worker handing the failure to a module of the program
that keeps records (no exception classes): a workspace module's function is a part as before,
so the reading the rule had (two parts coordinated, a facade) is kept there."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

CHANNEL = """\
class Channel:
    def __init__(self, sock):
        self.sock = sock

    def send(self, data):
        self.sock.sendall(data)

    def close(self):
        self.sock.close()
"""

ERRORS = """\
class ServerError(Exception):
    pass


class HandshakeError(ServerError):
    pass


def describe(error):
    return type(error).__name__ + ": " + str(error)
"""

RECORDS = """\
FAILURES = []


def describe(error):
    FAILURES.append(error)
    return str(error)
"""

JOB = """\
import logging

from app import MODULE
from app.channel import Channel

log = logging.getLogger(__name__)


class ConnectionJob:
    def __init__(self, sock, server):
        self.channel = Channel(sock)
        self.server = server

    def handle(self):
        try:
            self.server.greet(self.channel)
        except Exception as error:
            log.warning(MODULE.describe(error))
            self.channel.close()
"""


def _facade(tmp_path: Path, module: str, text: str) -> dict[str, str]:
    write_tree(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/channel.py": CHANNEL,
            f"app/{module}.py": text,
            "app/job.py": JOB.replace("MODULE", module),
        },
    )
    return roles_of(patterns_rows(tmp_path, "app"), "facade")


def test_a_helper_of_the_errors_module_runs_no_subsystem(tmp_path: Path) -> None:
    assert "ConnectionJob" not in _facade(tmp_path, "errors", ERRORS)


def test_a_module_keeping_records_is_a_part_it_coordinates(tmp_path: Path) -> None:
    found = _facade(tmp_path, "records", RECORDS)
    assert found.get("ConnectionJob") == "facade"
    assert found.get("Channel") == "subsystem"
