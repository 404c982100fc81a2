"""A wrapper base whose `__getattr__` hands every attribute on to the object its constructor
keeps, and whose subclasses override some of those methods and call the same method on the
kept object (a `send` that stamps the message, then calls the wrapped `send`), is a decorator
family: the base and each such subclass are decorators, and so is a subclass below one of them
that only refines a hook its forwarding methods call (`_label`). The near miss: subclasses
that call some other method on the kept object (`send` answered by its `write`) decorate
nothing. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

TEXT = """\
class Wrapped:
    def __init__(self, channel):
        self._channel = channel

    def __getattr__(self, name):
        return getattr(self._channel, name)


class Stamped(Wrapped):
    def _label(self, message):
        return message

    def send(self, message):
        return self._channel.CALLED(self._label(message))


class Shouted(Stamped):
    def _label(self, message):
        return message.upper() + "!"
"""


def _roles(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/__init__.py": "", "app/wrappers.py": text})
    return roles_of(patterns_rows(tmp_path, "app"), "decorator")


def test_subclasses_forwarding_under_a_getattr_base_decorate(tmp_path: Path) -> None:
    roles = _roles(tmp_path, TEXT.replace("CALLED", "send"))
    assert roles.get("Wrapped") == "decorator"
    assert roles.get("Stamped") == "decorator"
    assert roles.get("Shouted") == "decorator"


def test_subclasses_calling_another_method_decorate_nothing(tmp_path: Path) -> None:
    roles = _roles(tmp_path, TEXT.replace("CALLED", "write"))
    assert "Stamped" not in roles
    assert "Shouted" not in roles
    assert "Wrapped" not in roles
