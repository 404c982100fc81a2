"""An abstract class handed behaviours in its constructor, whose subclasses only carry out
its own abstract operations (`describe`), reads as a bridge's abstraction; but when a
client replaces one of those behaviours by assigning the attribute on an object it made
(`bird.move_behaviour = Glide()`), the class is configured with one algorithm after
another: a strategy's context, every behaviour family it is handed a strategy, and no
bridge. Assigning an attribute the class keeps no handed object in changes nothing.
Through `agentls patterns` run as a subprocess, the form beside its near miss."""

from __future__ import annotations

from pathlib import Path

from tests.patterns.cli import patterns_rows, roles_of, write_tree

BIRDS = """\
from abc import ABC, abstractmethod


class Movement(ABC):
    @abstractmethod
    def move(self): ...


class Walk(Movement):
    def move(self):
        return "walks"


class Glide(Movement):
    def move(self):
        return "glides"


class Sound(ABC):
    @abstractmethod
    def sound(self): ...


class Chirp(Sound):
    def sound(self):
        return "chirp"


class Mute(Sound):
    def sound(self):
        return "..."


class Tag:
    def text(self):
        return "ringed"


class Bird(ABC):
    def __init__(self, move_behaviour, sound_behaviour):
        self.move_behaviour = move_behaviour
        self.sound_behaviour = sound_behaviour

    @abstractmethod
    def describe(self): ...

    def perform_move(self):
        return self.move_behaviour.move()

    def perform_sound(self):
        return self.sound_behaviour.sound()


class Sparrow(Bird):
    def describe(self):
        return "sparrow"


class Decoy(Bird):
    def describe(self):
        return "decoy"


if __name__ == "__main__":
    bird = Sparrow(Walk(), Chirp())
    print(bird.perform_move(), Decoy(Walk(), Mute()).perform_sound())
    bird.move_behaviour = Glide()
    print(bird.perform_move())
"""

# The near miss: the client assigns an attribute the bird keeps no handed object in.
TAGGED = BIRDS.replace("    bird.move_behaviour = Glide()\n", "    bird.tag = Tag()\n")


def _rows(tmp_path: Path, text: str) -> tuple[dict[str, str], dict[str, str]]:
    write_tree(tmp_path, {"aviary/birds.py": text})
    rows = patterns_rows(tmp_path, "aviary", "--min-confidence", "0")
    return roles_of(rows, "strategy"), roles_of(rows, "bridge")


def test_a_behaviour_a_client_assigns_on_an_object_it_made_makes_a_context(tmp_path: Path) -> None:
    strategy, bridge = _rows(tmp_path, BIRDS)
    assert strategy.get("Bird") == "context"
    assert strategy.get("Movement") == strategy.get("Sound") == "strategy"
    assert strategy.get("Glide") == strategy.get("Mute") == "concrete_strategy"
    assert bridge == {}


def test_assigning_an_attribute_it_keeps_nothing_handed_in_leaves_the_bridge(tmp_path: Path) -> None:
    assert TAGGED != BIRDS
    strategy, bridge = _rows(tmp_path, TAGGED)
    assert bridge.get("Bird") == "abstraction"
    assert bridge.get("Sparrow") == bridge.get("Decoy") == "refined_abstraction"
    assert bridge.get("Movement") == "implementor"
    assert "Bird" not in strategy
