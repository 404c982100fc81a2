"""A base may fix the order of steps in several methods (`encode` and `decode`): a subclass
supplying a step of the second skeleton only is a concrete class as much as one supplying a
step of the first, and a subclass overriding a method no skeleton calls is not. Through
`agentls patterns` run as a subprocess, the form beside its one-change near miss."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

CODECS = """\
class Codec:
    def encode(self, value: object) -> str:
        self.check(value)
        return self._encode(value)

    def decode(self, raw: str) -> object:
        self.check(raw)
        return self._decode(raw)

    def check(self, value: object) -> None:
        if value is None:
            raise ValueError("nothing to convert")

    def _encode(self, value: object) -> str:
        return str(value)

    def _decode(self, raw: str) -> object:
        return raw


class Upper(Codec):
    def _encode(self, value: object) -> str:
        return str(value).upper()


class Number(Codec):
    def {method}(self, raw: str) -> object:
        return int(raw)
"""


def _roles(tmp_path: Path, method: str) -> dict[str, str]:
    write_tree(tmp_path, {"app/codecs.py": CODECS.replace("{method}", method)})
    return roles_of(patterns_rows(tmp_path, "app"), "template_method")


def test_a_step_of_the_second_skeleton(tmp_path: Path) -> None:
    assert _roles(tmp_path, "_decode") == {
        "Codec": "abstract_class",
        "Upper": "concrete_class",
        "Number": "concrete_class",
    }


def test_a_method_no_skeleton_calls(tmp_path: Path) -> None:
    assert _roles(tmp_path, "parse") == {"Codec": "abstract_class", "Upper": "concrete_class"}
