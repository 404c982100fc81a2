"""A function decorator keeping the one instance on an attribute of the wrapper it returns
(`if wrapper._instance is None: wrapper._instance = class_(...)`) is a Singleton `accessor`
and the class it decorates a `singleton`, through `agentls patterns` run as a subprocess;
beside its near miss: the same decorator remembering the last instance it made on every
call (no `None` check), which enforces nothing."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

ONCE = """\
if wrapper._instance is None:
            wrapper._instance = class_(*args, **kwargs)"""

EVERY_TIME = "wrapper._instance = class_(*args, **kwargs)"

SOURCE = """\
import functools


def singleton(class_):
    @functools.wraps(class_)
    def wrapper(*args, **kwargs):
        {body}
        return wrapper._instance

    wrapper._instance = None
    return wrapper


@singleton
class Config:
    def __init__(self):
        self.values = {{}}
"""


def _roles(tmp_path: Path, body: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/config.py": SOURCE.format(body=body)})
    return roles_of(patterns_rows(tmp_path, "app"), "singleton")


def test_instance_kept_on_the_wrapper(tmp_path: Path) -> None:
    assert _roles(tmp_path, ONCE) == {"singleton": "accessor", "Config": "singleton"}


def test_instance_remade_on_every_call_is_no_singleton(tmp_path: Path) -> None:
    assert _roles(tmp_path, EVERY_TIME) == {}
