"""A context whose constructor replaces one of its own methods, per instance, by the function
it is given (`self.greet = types.MethodType(greet, self)`, or `self.greet = greet`), made by
clients with two module functions: the Python form of Strategy, the functions its concrete
strategies. The near miss, one name away: the same function kept under a name that is no
method of the class and that nothing calls (a callback kept for someone else). Through
`agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

TEXT = """\
import types


class Greeter:
    def __init__(self, greet=None):
        self.name = "default"
        if greet:
            self.ATTR = BOUND

    def greet(self):
        return f"hello from {self.name}"


def shout(greeter):
    return f"HELLO FROM {greeter.name}"


def whisper(greeter):
    return f"hello from {greeter.name}..."


if __name__ == "__main__":
    print(Greeter().greet())
    print(Greeter(shout).greet())
    print(Greeter(whisper).greet())
"""


def _roles(tmp_path: Path, attr: str, bound: str) -> dict[str, str]:
    text = TEXT.replace("ATTR", attr).replace("BOUND", bound)
    write_tree(tmp_path, {"app/__init__.py": "", "app/greeting.py": text})
    return roles_of(patterns_rows(tmp_path, "app"), "strategy")


def test_a_method_replaced_by_a_bound_function(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "greet", "types.MethodType(greet, self)")
    assert roles.get("Greeter") == "context"
    assert roles.get("shout") == "concrete_strategy"
    assert roles.get("whisper") == "concrete_strategy"


def test_a_method_replaced_by_the_function_itself(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "greet", "greet")
    assert roles.get("Greeter") == "context"
    assert roles.get("shout") == "concrete_strategy"


def test_a_function_kept_under_another_name_and_never_called(tmp_path: Path) -> None:
    assert "Greeter" not in _roles(tmp_path, "on_greet", "types.MethodType(greet, self)")
