"""A singleton decorator written as a class (`__init__(self, klass)` keeping the class, a
`__call__` making it once, `if self.instance is None: self.instance = self.klass(...)`, and
answering `self.instance`), through `agentls patterns` run as a subprocess: the decorated class
is a singleton, the decorator its accessor. Near miss: the same decorator making a new
instance on every call (a factory wrapper), no singleton."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, write_tree

ONCE = """\
class SingletonDecorator:
    def __init__(self, klass):
        self.klass = klass
        self.instance = None

    def __call__(self, *args, **kwargs):
        if self.instance is None:
            self.instance = self.klass(*args, **kwargs)
        return self.instance


@SingletonDecorator
class Logger:
    def write(self, message: str) -> None:
        print(message)
"""

EVERY_TIME = """\
class Counted:
    def __init__(self, klass):
        self.klass = klass
        self.instance = None

    def __call__(self, *args, **kwargs):
        self.instance = self.klass(*args, **kwargs)
        return self.instance


@Counted
class Logger:
    def write(self, message: str) -> None:
        print(message)
"""


def _singletons(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/log.py": text})
    return {str(r["symbol"]): str(r["role"]) for r in patterns_rows(tmp_path, "app") if r["pattern"] == "singleton"}


def test_a_class_decorator_making_its_class_once_makes_a_singleton(tmp_path: Path) -> None:
    found = _singletons(tmp_path, ONCE)
    assert found.get("Logger") == "singleton" and found.get("SingletonDecorator") == "accessor"


def test_a_class_decorator_making_a_new_instance_each_call_makes_none(tmp_path: Path) -> None:
    assert "Logger" not in _singletons(tmp_path, EVERY_TIME)
