"""A class with no base serving a method by a differently named method of the one object it
is handed is an adapter when it passes on what its caller gives it (`score(info)` served by
`self.recorder.fire(info)`, beside the legacy class offering `score(info)`). A method taking
nothing that hands the object a local it built from its own state (`info = Goal(self.name)`,
then `self.recorder.fire(info)`) carries out its own request on what it holds (a colleague
and its mediator), and is no adapter. Through `agentls patterns` run as a subprocess."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

PASSED_ON = """\
class Recorder:
    def fire(self, info):
        print("recorded", info)


class LegacyScorer:
    def score(self, info):
        print("scored", info)


class Scorer:
    def __init__(self, recorder):
        self.recorder = recorder

    def score(self, info):
        self.recorder.fire(info)


if __name__ == "__main__":
    Scorer(Recorder()).score("goal")
"""

# The one change: `score` takes nothing and builds what it fires from its own state.
OWN_REQUEST = """\
class Recorder:
    def fire(self, info):
        print("recorded", info)


class LegacyScorer:
    def score(self):
        print("scored")


class Goal:
    def __init__(self, who, count):
        self.who = who
        self.count = count


class Scorer:
    def __init__(self, recorder):
        self.recorder = recorder
        self.name = "sam"

    def score(self):
        info = Goal(self.name, 1)
        self.recorder.fire(info)


if __name__ == "__main__":
    Scorer(Recorder()).score()
"""


def _adapters(tmp_path: Path, text: str) -> dict[str, str]:
    write_tree(tmp_path, {"game/play.py": text})
    return roles_of(patterns_rows(tmp_path, "game", "--min-confidence", "0"), "adapter")


def test_passing_on_the_callers_value_renamed_is_adapting(tmp_path: Path) -> None:
    assert _adapters(tmp_path, PASSED_ON).get("Scorer") == "adapter"


def test_firing_a_value_built_from_its_own_state_is_no_adapter(tmp_path: Path) -> None:
    assert _adapters(tmp_path, OWN_REQUEST) == {}
