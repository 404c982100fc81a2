"""An implementation of an interface serving its method by the same-named method of a foreign
class it is handed that takes other parameters (`play(kind, name)` served by
`self.engine.play(name)`) converts the call: an adapter, the interface its target, the
foreign class its adaptee. When the foreign method takes the same parameters the call is
passed on as it came, and nothing is adapted. Through `agentls patterns` run as a
subprocess, the form beside its near miss."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

PLAYERS = """\
class Player:
    def play(self, kind, name):
        raise NotImplementedError


class AudioPlayer(Player):
    def play(self, kind, name):
        print("audio", kind, name)


class VideoEngine:
    def play(self, name):
        print("video", name)


class VideoAdapter(Player):
    def __init__(self, engine):
        self.engine = engine

    def play(self, kind, name):
        if kind == "mp4":
            self.engine.play(name)


if __name__ == "__main__":
    VideoAdapter(VideoEngine()).play("mp4", "clip")
"""

# The one change: the foreign `play` takes the same parameters; nothing is converted.
SAME_SHAPE = PLAYERS.replace(
    '    def play(self, name):\n        print("video", name)',
    '    def play(self, kind, name):\n        print("video", kind, name)',
).replace("self.engine.play(name)", "self.engine.play(kind, name)")


def _adapters(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"media/players.py": text})
    return roles_of(patterns_rows(tmp_path, "media", "--min-confidence", "0"), "adapter")


def test_a_same_named_call_taking_other_parameters_is_adapted(tmp_path: Path) -> None:
    got = _adapters(tmp_path, PLAYERS)
    assert got == {"VideoAdapter": "adapter", "Player": "target", "VideoEngine": "adaptee"}


def test_a_call_passed_on_as_it_came_is_not(tmp_path: Path) -> None:
    assert SAME_SHAPE != PLAYERS
    assert _adapters(tmp_path, SAME_SHAPE) == {}
