"""States that each install themselves in the context they are handed when they act
(`def press(self, player): ...; player.set_mode(self)`) replace the context's state: the
family is a State, the context its `context`, not a Strategy's. Beside the near miss: the same
family whose implementations never touch the context, the program alone calling the setter,
is a Strategy the client configures. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, role_map, write_tree

INSTALLED = """\
class Mode:
    def press(self, player: "Player") -> str:
        raise NotImplementedError


class Playing(Mode):
    def press(self, player: "Player") -> str:
        player.set_mode(self)
        return "playing"


class Paused(Mode):
    def press(self, player: "Player") -> str:
        player.set_mode(self)
        return "paused"


class Player:
    def __init__(self) -> None:
        self._mode: Mode | None = None

    def set_mode(self, mode: Mode) -> None:
        self._mode = mode

    def press(self) -> str:
        return self._mode.press(self) if self._mode else ""
"""

CONFIGURED = (
    INSTALLED.replace("        player.set_mode(self)\n", "")
    + """

def main() -> None:
    player = Player()
    player.set_mode(Playing())
    print(player.press())
    player.set_mode(Paused())
    print(player.press())
"""
)


def test_states_installing_themselves_make_a_state(tmp_path: Path) -> None:
    write_tree(tmp_path, {"media/player.py": INSTALLED})
    roles = role_map(patterns_rows(tmp_path, "--min-confidence", "0"))
    assert roles.get(("Player", "state")) == "context"
    assert roles.get(("Playing", "state")) == "concrete_state"
    assert ("Player", "strategy") not in roles


def test_setter_called_by_the_program_configures_a_strategy(tmp_path: Path) -> None:
    assert "player.set_mode(self)" not in CONFIGURED
    write_tree(tmp_path, {"media/player.py": CONFIGURED})
    roles = role_map(patterns_rows(tmp_path, "--min-confidence", "0"))
    assert roles.get(("Player", "strategy")) == "context"
    assert ("Player", "state") not in roles
