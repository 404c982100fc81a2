"""Test cases play no design role, test doubles do: `agentls patterns` run as a subprocess on
one test module where a test mixin's hook, overridden by each test case, has the exact form of
a template method, beside the same form in production code and a fake that implements a port."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

FORM = """\
import unittest


class {base}:
    def test_round_trip(self):
        client = self.make_client()
        self.assertEqual(client.echo("x"), "x")

    def make_client(self):
        raise NotImplementedError


class {first}({base}, unittest.TestCase):
    def make_client(self):
        return object()


class {second}({base}, unittest.TestCase):
    def make_client(self):
        return object()
"""

PORT = """\
from abc import ABC, abstractmethod


class Clock(ABC):
    @abstractmethod
    def now(self): ...

    def stamp(self, text):
        return f"{self.now()} {text}"
"""

FAKE = """\
from app.clock import Clock


class FrozenClock(Clock):
    def now(self):
        return 0


class SystemClockTest:
    def test_stamp(self):
        assert FrozenClock().stamp("x") == "0 x"
"""


def _found(tmp_path: Path, files: dict[str, str]) -> set[tuple[str, str, str]]:
    write_tree(tmp_path, files)
    rows = patterns_rows(tmp_path, ".")
    return {(str(r["path"]), str(r["symbol"]), str(r["role"])) for r in rows if r["pattern"] == "template_method"}


def test_a_test_mixin_and_its_test_cases_are_no_template_method(tmp_path: Path) -> None:
    test_form = FORM.format(base="ClientTestMixin", first="HttpClientTest", second="SocketClientTest")
    prod_form = FORM.format(base="ClientChecks", first="HttpClientChecks", second="SocketClientChecks")
    found = _found(tmp_path, {"tests/test_client.py": test_form, "app/checks.py": prod_form})
    # The same form outside a test module is reported, so the test module's silence is the rule.
    assert ("app/checks.py", "ClientChecks", "abstract_class") in found
    assert ("app/checks.py", "HttpClientChecks", "concrete_class") in found
    assert not [f for f in found if f[0].startswith("tests/")]


def test_a_test_double_in_a_test_module_keeps_its_role(tmp_path: Path) -> None:
    found = _found(tmp_path, {"app/__init__.py": "", "app/clock.py": PORT, "tests/test_clock.py": FAKE})
    assert ("tests/test_clock.py", "FrozenClock", "concrete_class") in found
    assert not [f for f in found if f[1].startswith("SystemClockTest")]
