"""A family whose every member only converts the call into another class's method is an
Adapter's target, not an algorithm family: through `agentls patterns` run as a subprocess, a
`Socket` interface with a class adapter (deriving `EuropeanPlug` and calling its inherited
`fit_round_pins()`) and an object adapter (keeping a plug and calling the same on it), held by
a `Laptop` that calls `power()`, is no Strategy. The near miss, one body away: when one member
computes its answer itself, the members are algorithms again and the family is a Strategy."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

SOCKETS = """\
class EuropeanPlug:
    def fit_round_pins(self, volts):
        return volts * 0.5


class Socket:
    def power(self, volts): pass


class InheritingAdapter(Socket, EuropeanPlug):
    def power(self, volts):
        return self.fit_round_pins(volts)


class HoldingAdapter(Socket):
    def __init__(self, plug):
        self.plug = plug

    def power(self, volts):
        BODY


class Laptop:
    def __init__(self, socket):
        self.socket = socket

    def charge(self, volts):
        return self.socket.power(volts)


def main():
    Laptop(InheritingAdapter()).charge(230)
    Laptop(HoldingAdapter(EuropeanPlug())).charge(230)
"""


def _roles(tmp_path: Path, body: str) -> dict[str, str]:
    write_tree(tmp_path, {"sockets.py": SOCKETS.replace("BODY", body)})
    return roles_of(patterns_rows(tmp_path, "--no-smells"), "strategy")


def test_members_that_all_convert_to_another_class_are_no_strategy(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "return self.plug.fit_round_pins(volts)")
    assert "Socket" not in roles
    assert "Laptop" not in roles


def test_a_member_computing_its_own_answer_keeps_the_strategy(tmp_path: Path) -> None:
    roles = _roles(tmp_path, "return volts / 2 if self.plug else volts")
    assert roles.get("Socket") == "strategy"
    assert roles.get("Laptop") == "context"
